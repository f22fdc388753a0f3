package io.steadystate.core.event;

/** Order lifecycle. Terminal states remove the order from every open-order store. */
public enum OrderStatus {
    ACCEPTED(false),
    /** Accepted child of a bracket that waits for its entry to fill. */
    PENDING(false),
    /** A child whose entry filled: it now works against the market. */
    WORKING(false),
    FILLED(true),
    CANCELLED(true),
    EXPIRED(true),
    REJECTED(true);

    private final boolean terminal;

    OrderStatus(boolean terminal) {
        this.terminal = terminal;
    }

    public boolean isTerminal() {
        return terminal;
    }
}
