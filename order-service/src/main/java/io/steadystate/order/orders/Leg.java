package io.steadystate.order.orders;

import io.steadystate.core.event.OrderRole;
import io.steadystate.core.event.OrderStatus;
import io.steadystate.core.event.OrderType;
import io.steadystate.core.event.Side;

/**
 * One order of a bracket (entry, stop-loss or take-profit). Mutable; touched under the engine lock only. Its
 * identity is public and final; its state moves only through {@link #moveTo} and {@link #fill}.
 */
public final class Leg {
    public final String id;
    public final OrderRole role;
    public final Side side;
    public final OrderType type;
    public final double quantity;
    /** Limit or stop level; 0 for a market entry. */
    public final double level;

    OrderStatus status;
    double fillPrice;
    String reason = "";
    long eventTime;
    long originMicros;

    Leg(
            String id,
            OrderRole role,
            Side side,
            OrderType type,
            double quantity,
            double level,
            OrderStatus status,
            long eventTime,
            long originMicros) {
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

    public boolean isLive() {
        return !status.isTerminal();
    }

    public void moveTo(OrderStatus next, String why, long time, long origin) {
        status = next;
        reason = why == null ? "" : why;
        eventTime = time;
        originMicros = origin;
    }

    /** FILLED at {@code price}. */
    public void fill(double price, long time, long origin) {
        fillPrice = price;
        moveTo(OrderStatus.FILLED, "", time, origin);
    }
}
