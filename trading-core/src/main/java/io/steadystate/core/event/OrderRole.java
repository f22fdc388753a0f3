package io.steadystate.core.event;

/** Where an order sits in its bracket: the entry, or one of the two OCO children. */
public enum OrderRole {
    ENTRY,
    STOP_LOSS,
    TAKE_PROFIT
}
