package io.steadystate.core.event;

/** The simulated calendar moves to {@code newTradingDay} (epoch day), skipping weekends. Broadcast. */
public record DayRolled(long eventTime, int newTradingDay) implements MarketEvent {
    @Override
    public String symbol() {
        return ALL_SYMBOLS;
    }
}
