package io.steadystate.marketdata.publish;

import io.steadystate.core.event.MarketEvent;
import io.steadystate.core.kafka.KafkaConnection;
import io.steadystate.core.kafka.Partitioning;
import io.steadystate.core.kafka.ProducerOrigin;
import io.steadystate.core.serde.MarketEventSerde;
import io.steadystate.core.state.Bounded;
import io.steadystate.kit.log.ThrottledLog;
import io.steadystate.marketdata.config.MarketConfig;
import io.steadystate.marketdata.fault.EventLogFault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Sends market events to {@code market.events} with one plain {@link KafkaProducer} tuned for throughput
 * (this service is the load of the whole system: a reactive emitter per message cost more than the broker).
 *
 * <p>Per-symbol events are keyed by symbol on partition {@link Partitioning#partitionOf} (= Kafka's default
 * partitioner), so a symbol's listing, ticks and delisting stay in order. Session events are broadcast: one copy
 * per partition, key {@link MarketEvent#ALL_SYMBOLS}, sent in stream order by the same thread, so every
 * partition sees them in order with its ticks. Idempotence keeps that order through retries.
 *
 * <p>Called only from the thread that owns the market (under its lock); callbacks run on the producer's I/O thread.
 */
public final class MarketEventPublisher implements Consumer<MarketEvent>, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MarketEventPublisher.class);
    /**
     * {@code steadystate.producer=market-data-service} on every record: a restart resumes only from records that
     * carry it (resume/TopicTail), so a hostile writer's tick dated 2099 cannot become the market's clock.
     */
    @Bounded("one immutable header, List.of")
    private static final List<Header> ORIGIN = ProducerOrigin.of(ProducerOrigin.MARKET_DATA);

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final MarketEventSerde serde = new MarketEventSerde();
    private final PublishMetrics metrics;
    private final EventLogFault fault;
    private final Duration closeTimeout;
    private final ThrottledLog failureLog = new ThrottledLog(LOG, 10_000);
    /** One callback per type (no allocation per send): counts the acknowledged event once. */
    private final Callback[] countingCallbacks = new Callback[EventType.values().length];
    /** For the 2nd..nth copy of a broadcast: only failures count. */
    private final Callback copyCallback;

    private volatile int partitions = -1;
    private volatile long lastFailureNanos;
    private volatile long lastSuccessNanos;
    private volatile String lastFailure = "";
    private boolean closed;

    public MarketEventPublisher(
            Producer<String, byte[]> producer,
            String topic,
            PublishMetrics metrics,
            EventLogFault fault,
            Duration closeTimeout) {
        this.producer = producer;
        this.topic = topic;
        this.metrics = metrics;
        this.fault = fault;
        this.closeTimeout = closeTimeout;
        for (EventType type : EventType.values()) {
            countingCallbacks[type.ordinal()] = (metadata, error) -> {
                if (error == null) {
                    lastSuccessNanos = System.nanoTime();
                    metrics.published(type);
                } else {
                    failed(error);
                }
            };
        }
        this.copyCallback = (metadata, error) -> {
            if (error != null) {
                failed(error);
            }
        };
    }

    /** The producer settings for throughput: big batches, a short linger, idempotent (acks=all). */
    public static KafkaProducer<String, byte[]> createProducer(KafkaConnection kafka, MarketConfig.Producer tuning) {
        return createProducer(kafka, tuning.lingerMs(), tuning.batchSize(), tuning.compressionType());
    }

    public static KafkaProducer<String, byte[]> createProducer(
            KafkaConnection kafka, int lingerMs, int batchSize, String compressionType) {
        return new KafkaProducer<>(
                kafka.clientConfig(Map.of(
                        ProducerConfig.CLIENT_ID_CONFIG,
                        "market-data-service",
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.LINGER_MS_CONFIG,
                        lingerMs,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        batchSize,
                        ProducerConfig.COMPRESSION_TYPE_CONFIG,
                        compressionType,
                        // fail fast enough for readiness to notice a dead broker (defaults: 60 s / 120 s)
                        ProducerConfig.MAX_BLOCK_MS_CONFIG,
                        10_000,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        10_000,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                        30_000)),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    /** Reads the partition count of the topic (blocks up to max.block.ms); must succeed before publishing. */
    public int refreshPartitions() {
        int count = producer.partitionsFor(topic).size();
        partitions = count;
        return count;
    }

    public int partitions() {
        return partitions;
    }

    @Override
    public void accept(MarketEvent event) {
        int count = partitions;
        if (count <= 0) {
            throw new IllegalStateException("partitions of " + topic + " unknown: refreshPartitions() first");
        }
        byte[] value = serde.encode(event);
        Callback counting = countingCallbacks[EventType.of(event).ordinal()];
        try {
            if (event.isBroadcast()) {
                for (int p = 0; p < count; p++) {
                    producer.send(
                            new ProducerRecord<>(topic, p, MarketEvent.ALL_SYMBOLS, value, ORIGIN),
                            p == 0 ? counting : copyCallback);
                }
            } else {
                String key = event.symbol();
                producer.send(
                        new ProducerRecord<>(topic, Partitioning.partitionOf(key, count), key, value, ORIGIN),
                        counting);
            }
        } catch (RuntimeException e) {
            // send() itself failed (buffer full past max.block.ms, producer closed): count it, keep the market running
            failed(e);
        }
        fault.record(event);
    }

    private void failed(Exception error) {
        lastFailureNanos = System.nanoTime();
        lastFailure = error.toString();
        metrics.failed();
        failureLog.warn("publishing to " + topic + " failed", error.toString());
    }

    public void flush() {
        producer.flush();
    }

    /** True when a send failed within {@code window} and none succeeded after it. */
    public boolean failingSince(Duration window) {
        long failure = lastFailureNanos;
        return failure != 0 && System.nanoTime() - failure < window.toNanos() && lastSuccessNanos - failure < 0;
    }

    public String lastFailure() {
        return lastFailure;
    }

    /** Flushes what is buffered (bounded by the close timeout) and closes; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        producer.close(closeTimeout);
    }
}
