package io.steadystate.order.ingest;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The one Quarkus messaging channel (application.properties): {@code orders-in} ← strategy.signals <em>and</em>
 * market.events through one consumer, batch, consumer group {@code order-service}, values as byte[], range
 * assignor — so an instance owns partition p of both topics, i.e. all of a symbol's input (co-partitioning).
 *
 * <p>Each batch goes to {@link PartitionOwnership#process}: records dispatched by topic, bad ones to the DLQ,
 * then the producer is flushed. Only when this method returns is the batch acknowledged and its offsets become
 * committable — so offsets are committed after the batch's output is on the broker (at-least-once; the engine
 * applies redeliveries idempotently). State of a partition is rebuilt by {@link OrderRebalanceListener} before
 * any of its records arrive here. Exceptions never escape: a failed channel would stop consuming.
 */
@ApplicationScoped
public class KafkaIngest {

    private static final Logger LOG = Logger.getLogger(KafkaIngest.class);

    private final PartitionOwnership ownership;
    private long lastErrorLog;

    public KafkaIngest(PartitionOwnership ownership) {
        this.ownership = ownership;
    }

    @Incoming("orders-in")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        try {
            ownership.process(records);
        } catch (RuntimeException e) {
            logRateLimited(e);
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
