package io.steadystate.order.ingest;

import io.smallrye.common.annotation.Blocking;
import io.steadystate.order.events.KafkaOrderPublisher;
import io.steadystate.order.orders.OrderEngine;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The two Quarkus messaging channels (application.properties): {@code signals} ← strategy.signals and
 * {@code market-events} ← market.events, both batch, consumer group {@code order-service}, values as byte[].
 *
 * <p>Each batch: wait until recovery has rebuilt the state, apply every record (bad ones go to the DLQ),
 * then flush the producer. Only when this method returns is the batch acknowledged and its offsets become
 * committable — so offsets are committed after the batch's output is on the broker (at-least-once; the
 * engine applies redeliveries idempotently). Exceptions never escape: a failed channel would stop consuming.
 */
@ApplicationScoped
public class KafkaIngest {

    private static final Logger LOG = Logger.getLogger(KafkaIngest.class);

    private final RecordIngest ingest;
    private final KafkaOrderPublisher publisher;
    private final OrderEngine engine;
    private long lastErrorLog;

    public KafkaIngest(RecordIngest ingest, KafkaOrderPublisher publisher, OrderEngine engine) {
        this.ingest = ingest;
        this.publisher = publisher;
        this.engine = engine;
    }

    @Incoming("signals")
    @Blocking
    public void signals(ConsumerRecords<String, byte[]> records) {
        awaitRecovery();
        try {
            ingest.signals(records);
            publisher.flush();
        } catch (RuntimeException e) {
            logRateLimited(e);
        }
    }

    @Incoming("market-events")
    @Blocking
    public void marketEvents(ConsumerRecords<String, byte[]> records) {
        awaitRecovery();
        try {
            ingest.marketEvents(records);
            publisher.flush();
        } catch (RuntimeException e) {
            logRateLimited(e);
        }
    }

    /** Recovery must finish before the first new input is applied (README: delivery guarantee). */
    private void awaitRecovery() {
        while (!engine.isRecovered()) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private synchronized void logRateLimited(RuntimeException e) {
        long now = System.nanoTime();
        if (lastErrorLog == 0 || now - lastErrorLog > 10_000_000_000L) {
            LOG.errorf(e, "processing a batch failed; continuing");
            lastErrorLog = now;
        }
    }
}
