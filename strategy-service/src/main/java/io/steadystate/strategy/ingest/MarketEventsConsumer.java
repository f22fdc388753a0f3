package io.steadystate.strategy.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.steadystate.core.event.MarketEvent;
import io.steadystate.core.serde.MarketEventSerde;
import io.steadystate.core.serde.UndecodableRecordException;
import io.steadystate.strategy.signals.SignalPublisher;
import io.steadystate.strategy.signals.SignalSink;
import io.steadystate.strategy.symbol.SymbolBook;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Kafka in: {@code market.events} in batches (channel {@code market-events}, group {@code strategy-service}).
 * Each record is decoded with {@link MarketEventSerde}; what cannot be decoded or validated goes to the DLQ and the
 * batch moves on — bad input never stops the consumer. A batch is acknowledged only after its signals and dead
 * letters are acknowledged by Kafka (at-least-once; signal ids are deterministic, so a replay is a duplicate the
 * order service recognises).
 */
@ApplicationScoped
public class MarketEventsConsumer {

    public static final String PROCESSING = "steadystate.strategy.processing";
    private static final Logger LOG = Logger.getLogger(MarketEventsConsumer.class);

    private final MarketEventSerde serde = new MarketEventSerde();
    private final SymbolBook book;
    private final DeadLetters deadLetters;
    private final SignalPublisher publisher;
    private final Timer processing;
    private final PendingSends pending = new PendingSends("strategy-service outgoing", LOG);
    private final SignalSink sink;
    private long processingErrors;

    public MarketEventsConsumer(SymbolBook book, DeadLetters deadLetters, SignalPublisher publisher,
                                MeterRegistry registry) {
        this.book = book;
        this.deadLetters = deadLetters;
        this.publisher = publisher;
        this.processing = Timer.builder(PROCESSING).publishPercentileHistogram()
                .description("Processing time of one batch of market events").register(registry);
        this.sink = signal -> pending.add(this.publisher.publish(signal));
    }

    @Incoming("market-events")
    @Blocking
    public void onBatch(ConsumerRecords<String, byte[]> records) {
        long started = System.nanoTime();
        for (ConsumerRecord<String, byte[]> record : records) {
            handle(record);
        }
        pending.awaitAll();
        processing.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    void handle(ConsumerRecord<String, byte[]> record) {
        MarketEvent event;
        try {
            event = serde.decode(record.value());
        } catch (UndecodableRecordException e) {
            pending.add(deadLetters.undecodable(record, e));
            return;
        }
        String problem = EventValidation.problemWith(event);
        if (problem != null) {
            pending.add(deadLetters.invalid(record, problem));
            return;
        }
        try {
            book.apply(event, record.partition(), sink);
        } catch (RuntimeException e) {
            // a bug, not bad input: keep the consumer alive, park the record for inspection, log rate-limited
            if (processingErrors++ % 1000 == 0) {
                LOG.errorf(e, "processing %s failed (%d errors so far)", event, processingErrors);
            }
            pending.add(deadLetters.invalid(record, "processing failed: " + e));
        }
    }
}
