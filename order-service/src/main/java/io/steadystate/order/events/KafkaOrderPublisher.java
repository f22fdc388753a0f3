package io.steadystate.order.events;

import io.steadystate.core.event.OrderEvent;
import io.steadystate.core.event.Position;
import io.steadystate.core.kafka.EmitTime;
import io.steadystate.core.kafka.Partitioning;
import io.steadystate.core.kafka.Topics;
import io.steadystate.core.serde.OrderEventSerde;
import io.steadystate.core.serde.PositionSerde;
import io.steadystate.core.state.Bounded;
import io.steadystate.kit.delivery.Outbox;
import java.util.List;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The engine's output on Kafka through the delivery loop's {@link Outbox}: every record of one step joins the
 * loop's open transaction, so an order step's order events, position and open-order upsert or tombstone become
 * visible together with the input's offset, or not at all. Per partition the records keep the order the
 * engine produced them in. Order events carry {@link EmitTime} (wall micros when handed to the producer).
 *
 * <p>Only the loop thread sends (the outbox refuses others): REST mutations run as loop commands.
 */
public final class KafkaOrderPublisher implements OrderSink {

    /** The loop's output topics. */
    @Bounded("four constant topic names")
    public static final List<String> TOPICS =
            List.of(Topics.ORDER_EVENTS, Topics.OPEN_ORDERS, Topics.POSITIONS, Topics.ORDER_DLQ);

    private final OrderEventSerde orderEvents = new OrderEventSerde();
    private final PositionSerde positions = new PositionSerde();
    private final LongSupplier wallMicros;
    private Outbox out = Outbox.NONE;
    /** Partition counts of order.open-orders and order.positions, looked up on first use (topics may come later). */
    private int openOrderPartitions;

    private int positionPartitions;

    public KafkaOrderPublisher(LongSupplier wallMicros) {
        this.wallMicros = wallMicros;
    }

    /** The outbox of the loop thread (the same object on every call); set before the engine is driven. */
    public void bind(Outbox outbox) {
        this.out = outbox;
    }

    @Override
    public void orderEvent(OrderEvent event) {
        ProducerRecord<String, byte[]> r =
                new ProducerRecord<>(Topics.ORDER_EVENTS, event.symbol(), orderEvents.encode(event));
        EmitTime.stamp(r.headers(), wallMicros.getAsLong());
        out.send(r);
    }

    @Override
    public void openOrder(OrderEvent latest) {
        out.send(new ProducerRecord<>(
                Topics.OPEN_ORDERS,
                Partitioning.partitionOf(latest.symbol(), openOrderPartitions()),
                latest.orderId(),
                orderEvents.encode(latest)));
    }

    @Override
    public void openOrderClosed(String orderId, String symbol) {
        out.send(new ProducerRecord<>(
                Topics.OPEN_ORDERS, Partitioning.partitionOf(symbol, openOrderPartitions()), orderId, null));
    }

    /**
     * Keyed by {@code symbol|slot} but partitioned by <em>symbol</em> (like order.open-orders): the key's own hash
     * would scatter a symbol's 21 slots over all partitions, and an instance that gains partition p must find
     * every position of p's symbols in partition p of order.positions.
     */
    @Override
    public void position(Position position) {
        out.send(new ProducerRecord<>(
                Topics.POSITIONS,
                Partitioning.partitionOf(position.symbol(), positionPartitions()),
                position.key(),
                positions.encode(position)));
    }

    @Override
    public void positionRemoved(String key) {
        out.send(new ProducerRecord<>(
                Topics.POSITIONS, Partitioning.partitionOf(symbolOfPositionKey(key), positionPartitions()), key, null));
    }

    /** {@code symbol|slot} → symbol (a symbol never contains '|': see {@code Validation.symbol}). */
    public static String symbolOfPositionKey(String key) {
        int bar = key.lastIndexOf('|');
        return bar < 0 ? key : key.substring(0, bar);
    }

    private int openOrderPartitions() {
        if (openOrderPartitions == 0) {
            openOrderPartitions = out.partitionsFor(Topics.OPEN_ORDERS);
        }
        return openOrderPartitions;
    }

    private int positionPartitions() {
        if (positionPartitions == 0) {
            positionPartitions = out.partitionsFor(Topics.POSITIONS);
        }
        return positionPartitions;
    }
}
