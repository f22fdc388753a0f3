package io.steadystate.order.orders;

import io.steadystate.core.event.OrderEvent;
import io.steadystate.core.event.Position;
import io.steadystate.order.events.OrderSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records what the engine publishes, and keeps the "compacted topic" view of open orders and positions. */
public final class RecordingSink implements OrderSink {
    public final List<OrderEvent> events = new ArrayList<>();
    public final Map<String, OrderEvent> openOrders = new LinkedHashMap<>();
    public final Map<String, Position> positions = new LinkedHashMap<>();
    public final List<String> positionTombstones = new ArrayList<>();

    @Override
    public void orderEvent(OrderEvent event) {
        events.add(event);
    }

    @Override
    public void openOrder(OrderEvent latest) {
        openOrders.put(latest.orderId(), latest);
    }

    @Override
    public void openOrderClosed(String orderId, String symbol) {
        openOrders.remove(orderId);
    }

    @Override
    public void position(Position position) {
        positions.put(position.key(), position);
    }

    @Override
    public void positionRemoved(String key) {
        positions.remove(key);
        positionTombstones.add(key);
    }

    public OrderEvent last(String orderId) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).orderId().equals(orderId)) {
                return events.get(i);
            }
        }
        return null;
    }
}
