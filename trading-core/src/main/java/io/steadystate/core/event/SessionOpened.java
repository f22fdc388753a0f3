package io.steadystate.core.event;

/** The trading session of {@code tradingDay} (epoch day) opens. Broadcast to every partition. */
public record SessionOpened(long eventTime, int tradingDay) implements MarketEvent {
    @Override
    public String symbol() {
        return ALL_SYMBOLS;
    }
}
