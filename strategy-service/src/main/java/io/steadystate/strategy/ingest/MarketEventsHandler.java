package io.steadystate.strategy.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.steadystate.core.event.MarketEvent;
import io.steadystate.core.kafka.Topics;
import io.steadystate.core.serde.MarketEventSerde;
import io.steadystate.core.serde.UndecodableRecordException;
import io.steadystate.kit.delivery.DeadLetters;
import io.steadystate.kit.delivery.DeliveryHandler;
import io.steadystate.kit.delivery.Outbox;
import io.steadystate.kit.log.ThrottledLog;
import io.steadystate.strategy.signals.SignalPublisher;
import io.steadystate.strategy.signals.SignalSink;
import io.steadystate.strategy.symbol.SymbolBook;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * {@code market.events} in (delivery loop of group {@code strategy-service}), signals out. Each record is decoded
 * with {@link MarketEventSerde}; what cannot be decoded or validated goes to {@code strategy.dlq} and the batch
 * moves on — bad input never stops the loop. The batch's signals, dead letters and offsets are committed in one
 * transaction by the loop.
 *
 * <p>Ownership follows partitions: a revoked or lost partition's symbols leave the store (cause=revoked); gained
 * partitions warm up from the ticks after the committed offset — also after an aborted transaction, when the
 * loop revokes and re-assigns everything and replays from the committed offsets.
 */
public final class MarketEventsHandler implements DeliveryHandler {

    public static final String PROCESSING = "steadystate.strategy.processing";
    private static final Logger LOG = Logger.getLogger(MarketEventsHandler.class);

    private final MarketEventSerde serde = new MarketEventSerde();
    private final SymbolBook book;
    private final DeadLetters deadLetters;
    private final SignalPublisher publisher = new SignalPublisher();
    private final Timer processing;
    private final SignalSink sink;
    private Outbox out = Outbox.NONE;
    private int partitionCount;
    private final ThrottledLog processingLog = new ThrottledLog(LOG, 10_000);

    public MarketEventsHandler(SymbolBook book, DeadLetters deadLetters, MeterRegistry registry) {
        this.book = book;
        this.deadLetters = deadLetters;
        this.processing = Timer.builder(PROCESSING)
                .publishPercentileHistogram()
                .description("Processing time of one batch of market events")
                .register(registry);
        this.sink = signal -> out.send(publisher.record(signal));
    }

    @Override
    public void handle(ConsumerRecords<String, byte[]> records, Outbox out) {
        long started = System.nanoTime();
        this.out = out;
        try {
            for (ConsumerRecord<String, byte[]> record : records) {
                handle(record);
            }
        } finally {
            this.out = Outbox.NONE;
        }
        processing.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        MarketEvent event;
        try {
            event = serde.decode(record.value());
        } catch (UndecodableRecordException e) {
            deadLetters.undecodable(out, record, e);
            return;
        }
        String problem = EventValidation.problemWith(event, book);
        if (problem != null) {
            deadLetters.invalid(out, record, problem);
            return;
        }
        try {
            book.apply(event, record.partition(), sink);
        } catch (RuntimeException e) {
            // a bug, not bad input: keep the loop alive, park the record for inspection, log rate-limited
            processingLog.error(e, "processing failed", event);
            deadLetters.invalid(out, record, "processing failed: " + e);
        }
    }

    @Override
    public void committed() {
        book.ticks().committed();
    }

    @Override
    public void aborted() {
        book.ticks().aborted();
    }

    @Override
    public void assigned(Collection<TopicPartition> partitions, Consumer<?, ?> consumer) {
        partitionCount = consumer.partitionsFor(Topics.MARKET_EVENTS).size();
        LOG.infof("market.events partitions assigned: %s (symbols warm up from new ticks)", partitions);
    }

    @Override
    public void revoked(Collection<TopicPartition> partitions) {
        int count = partitionCount;
        if (partitions.isEmpty() || count == 0) {
            return;
        }
        boolean[] gone = new boolean[count];
        for (TopicPartition tp : partitions) {
            if (Topics.MARKET_EVENTS.equals(tp.topic()) && tp.partition() < count) {
                gone[tp.partition()] = true;
            }
        }
        int removed = book.revoke(gone, count);
        LOG.infof("market.events partitions revoked: %s — %d symbols dropped", partitions, removed);
    }
}
