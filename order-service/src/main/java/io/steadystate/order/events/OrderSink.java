package io.steadystate.order.events;

import io.steadystate.core.event.OrderEvent;
import io.steadystate.core.event.Position;

/**
 * Where the engine's output goes. The Kafka implementation is {@link KafkaOrderPublisher}; tests record.
 * Called under the engine lock, in the order the engine decided things, for one step at a time: order events
 * first, then position snapshots, then open-order state.
 */
public interface OrderSink {

    /** {@code order.events}, keyed by symbol. */
    void orderEvent(OrderEvent event);

    /** {@code order.open-orders}: latest state of a live order, keyed by order id, partitioned by symbol. */
    void openOrder(OrderEvent latest);

    /** {@code order.open-orders} tombstone: the order reached a terminal state. */
    void openOrderClosed(String orderId, String symbol);

    /** {@code order.positions}, keyed by {@link Position#key()}. */
    void position(Position position);

    /** {@code order.positions} tombstone: the position left the store (delisting, expiry). */
    void positionRemoved(String key);

    OrderSink NONE = new OrderSink() {
        @Override
        public void orderEvent(OrderEvent event) {}

        @Override
        public void openOrder(OrderEvent latest) {}

        @Override
        public void openOrderClosed(String orderId, String symbol) {}

        @Override
        public void position(Position position) {}

        @Override
        public void positionRemoved(String key) {}
    };
}
