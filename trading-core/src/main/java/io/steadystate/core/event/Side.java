package io.steadystate.core.event;

public enum Side {
    BUY,
    SELL;

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }

    /** +1 for BUY, -1 for SELL: signed quantity = sign × quantity. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }
}
