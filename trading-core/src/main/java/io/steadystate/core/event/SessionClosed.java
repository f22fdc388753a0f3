package io.steadystate.core.event;

/** The trading session of {@code tradingDay} (epoch day) closes: day orders expire, daily state resets. Broadcast. */
public record SessionClosed(long eventTime, int tradingDay) implements MarketEvent {
    @Override
    public String symbol() {
        return ALL_SYMBOLS;
    }
}
