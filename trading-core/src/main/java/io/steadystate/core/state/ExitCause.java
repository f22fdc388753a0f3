package io.steadystate.core.state;

import java.util.Locale;

/** Why an entry left a store. Every way out has a cause, a counter and the store's clean-up callback. */
public enum ExitCause {
    /** Explicit end of life: delisting, an order reaching a terminal state. */
    REMOVED,
    /** No activity for the store's idle period, on event time. */
    EXPIRED,
    /** The capacity bound was hit: the last resort, and an alarm. */
    CAPACITY,
    /** The partition that owned the key moved to another consumer. */
    REVOKED,
    /** A put overwrote the entry's value. */
    REPLACED;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
