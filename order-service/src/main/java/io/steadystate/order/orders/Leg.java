package io.steadystate.order.orders;

import io.steadystate.core.event.OrderRole;
import io.steadystate.core.event.OrderStatus;
import io.steadystate.core.event.OrderType;
import io.steadystate.core.event.Side;

/** One order of a bracket (entry, stop-loss or take-profit). Mutable; touched under the engine lock only. */
final class Leg {
    final String id;
    final OrderRole role;
    final Side side;
    final OrderType type;
    final double quantity;
    /** Limit or stop level; 0 for a market entry. */
    final double level;
    OrderStatus status;
    double fillPrice;
    String reason = "";
    long eventTime;
    long originMicros;

    Leg(String id, OrderRole role, Side side, OrderType type, double quantity, double level, OrderStatus status,
        long eventTime, long originMicros) {
        this.id = id;
        this.role = role;
        this.side = side;
        this.type = type;
        this.quantity = quantity;
        this.level = level;
        this.status = status;
        this.eventTime = eventTime;
        this.originMicros = originMicros;
    }

    boolean isLive() {
        return !status.isTerminal();
    }

    void moveTo(OrderStatus next, String why, long time, long origin) {
        status = next;
        reason = why == null ? "" : why;
        eventTime = time;
        originMicros = origin;
    }
}
