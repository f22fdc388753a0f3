package io.steadystate.core.event;

public enum OrderType {
    MARKET,
    LIMIT,
    STOP
}
