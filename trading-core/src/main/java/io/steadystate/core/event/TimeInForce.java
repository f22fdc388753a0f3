package io.steadystate.core.event;

public enum TimeInForce {
    /** Expires at the close of the session in which it was accepted. */
    DAY,
    /** Good till cancelled. */
    GTC
}
