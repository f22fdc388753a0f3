package io.steadystate.order.events;

import io.steadystate.core.event.OrderEvent;
import io.steadystate.core.event.Position;
import io.steadystate.core.kafka.Partitioning;
import io.steadystate.core.kafka.Topics;
import io.steadystate.core.serde.OrderEventSerde;
import io.steadystate.core.serde.PositionSerde;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's output on Kafka through one idempotent producer ({@code acks=all}): per partition the records
 * arrive in the order the engine produced them. The ingest flushes it before offsets are committed, so a
 * consumed record's consequences are on the broker before the record counts as processed (at-least-once in,
 * idempotent apply — see the README).
 */
public final class KafkaOrderPublisher implements OrderSink, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KafkaOrderPublisher.class);

    private final Producer<String, byte[]> producer;
    /** Partition counts of order.open-orders and order.positions, looked up on first use (topics may come later). */
    private volatile int openOrderPartitions;
    private volatile int positionPartitions;
    private final OrderEventSerde orderEvents = new OrderEventSerde();
    private final PositionSerde positions = new PositionSerde();
    private final AtomicLong sendErrors = new AtomicLong();
    private final AtomicLong lastErrorLog = new AtomicLong();

    public KafkaOrderPublisher(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    public static KafkaProducer<String, byte[]> newProducer(String bootstrapServers, String clientId) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000),
                new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public void orderEvent(OrderEvent event) {
        send(new ProducerRecord<>(Topics.ORDER_EVENTS, event.symbol(), orderEvents.encode(event)));
    }

    @Override
    public void openOrder(OrderEvent latest) {
        send(new ProducerRecord<>(Topics.OPEN_ORDERS, Partitioning.partitionOf(latest.symbol(), openOrderPartitions()),
                latest.orderId(), orderEvents.encode(latest)));
    }

    @Override
    public void openOrderClosed(String orderId, String symbol) {
        send(new ProducerRecord<>(Topics.OPEN_ORDERS, Partitioning.partitionOf(symbol, openOrderPartitions()),
                orderId, null));
    }

    /**
     * Keyed by {@code symbol|slot} but partitioned by <em>symbol</em> (like order.open-orders): the key's own hash
     * would scatter a symbol's 21 slots over all partitions, and an instance that gains partition p must find
     * every position of p's symbols in partition p of order.positions.
     */
    @Override
    public void position(Position position) {
        send(new ProducerRecord<>(Topics.POSITIONS, Partitioning.partitionOf(position.symbol(), positionPartitions()),
                position.key(), positions.encode(position)));
    }

    @Override
    public void positionRemoved(String key) {
        send(new ProducerRecord<>(Topics.POSITIONS, Partitioning.partitionOf(symbolOfPositionKey(key), positionPartitions()),
                key, null));
    }

    /** {@code symbol|slot} → symbol (a symbol never contains '|': see {@code Validation.symbol}). */
    public static String symbolOfPositionKey(String key) {
        int bar = key.lastIndexOf('|');
        return bar < 0 ? key : key.substring(0, bar);
    }

    private int openOrderPartitions() {
        int n = openOrderPartitions;
        if (n == 0) {
            n = producer.partitionsFor(Topics.OPEN_ORDERS).size();
            openOrderPartitions = n;
        }
        return n;
    }

    private int positionPartitions() {
        int n = positionPartitions;
        if (n == 0) {
            n = producer.partitionsFor(Topics.POSITIONS).size();
            positionPartitions = n;
        }
        return n;
    }

    /** The shared producer, also used for dead letters. */
    public Producer<String, byte[]> producer() {
        return producer;
    }

    private void send(ProducerRecord<String, byte[]> record) {
        producer.send(record, (meta, error) -> {
            if (error != null) {
                sendErrors.incrementAndGet();
                long now = System.nanoTime();
                long last = lastErrorLog.get();
                if (now - last > 10_000_000_000L && lastErrorLog.compareAndSet(last, now)) {
                    LOG.errorf("publishing to %s failed (%d failures so far): %s", record.topic(), sendErrors.get(), error);
                }
            }
        });
    }

    /** Blocks until everything sent so far is acknowledged: called before consumer offsets are committed. */
    public void flush() {
        producer.flush();
    }

    public long sendErrors() {
        return sendErrors.get();
    }

    /** Short timeout: a shutdown with the broker gone must not hang for the 30 s default. */
    @Override
    public void close() {
        producer.close(Duration.ofSeconds(1));
    }
}
