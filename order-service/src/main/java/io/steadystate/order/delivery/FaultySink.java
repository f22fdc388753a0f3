package io.steadystate.order.delivery;

import io.steadystate.core.event.OrderEvent;
import io.steadystate.core.event.Position;
import io.steadystate.order.events.OrderSink;
import io.steadystate.order.fault.DuplicateOrderEvents;

/**
 * The engine's sink with the duplicate-order-events fault in front: every call goes to the real sink, and each
 * order event also to the fault (which sends it again outside the transaction when switched on). Only installed
 * when the fault is active, so the normal path has no extra hop.
 */
final class FaultySink implements OrderSink {

    private final OrderSink sink;
    private final DuplicateOrderEvents fault;

    FaultySink(OrderSink sink, DuplicateOrderEvents fault) {
        this.sink = sink;
        this.fault = fault;
    }

    @Override
    public void orderEvent(OrderEvent event) {
        sink.orderEvent(event);
        fault.onOrderEvent(event);
    }

    @Override
    public void openOrder(OrderEvent latest) {
        sink.openOrder(latest);
    }

    @Override
    public void openOrderClosed(String orderId, String symbol) {
        sink.openOrderClosed(orderId, symbol);
    }

    @Override
    public void position(Position position) {
        sink.position(position);
    }

    @Override
    public void positionRemoved(String key) {
        sink.positionRemoved(key);
    }
}
