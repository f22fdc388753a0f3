package io.steadystate.order.risk;

import java.util.Locale;

/** Why an order was rejected: the {@code reason} tag of {@code steadystate_order_rejects_total} (CONTRACTS.md). */
public enum RejectReason {
    /** The kill switch is on: everything is rejected. */
    KILL_SWITCH,
    /** The (symbol, slot) already has an open bracket, or the open-order store is full. */
    SLOT_BUSY,
    /** quantity × price above {@code steadystate.order.max-notional}. */
    MAX_NOTIONAL,
    /** The event-time token bucket ({@code max-orders-per-second}) is empty. */
    RATE_LIMIT,
    /** Price far from the market (outside 0.1×..10× last price) or bracket on the wrong side. */
    INVALID,
    /** No market event for the symbol seen yet (or it was delisted). */
    UNKNOWN_SYMBOL;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
