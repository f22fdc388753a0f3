package io.steadystate.order.intake;

import io.steadystate.core.event.OrderType;
import io.steadystate.core.event.Side;
import io.steadystate.core.event.TimeInForce;

/** A REST submission after field validation; the engine checks it against the market and turns it into an OrderCommand. */
public record ManualOrder(
        String clientOrderId,
        String symbol,
        int slotId,
        Side side,
        OrderType type,
        double quantity,
        double limitPrice,
        double stopLoss,
        double takeProfit,
        TimeInForce timeInForce) {}
