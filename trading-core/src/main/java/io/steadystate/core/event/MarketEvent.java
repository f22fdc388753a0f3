package io.steadystate.core.event;

/**
 * Everything market-data-service publishes on {@code market.events}. Every event carries its simulated
 * event time (epoch millis); time inside the system is this event time, never the wall clock.
 *
 * <p>Per-symbol events ({@link Tick}, {@link SymbolListed}, {@link SymbolDelisted}) are keyed by symbol.
 * Session events ({@link SessionOpened}, {@link SessionClosed}, {@link DayRolled}) are broadcast: one copy to
 * every partition, so every consumer instance sees them in order with its own symbols' ticks; their
 * {@link #symbol()} is {@link #ALL_SYMBOLS}.
 */
public sealed interface MarketEvent
        permits Tick, SymbolListed, SymbolDelisted, SessionOpened, SessionClosed, DayRolled {

    /** The symbol of a broadcast (session-wide) event. */
    String ALL_SYMBOLS = "*";

    String symbol();

    long eventTime();

    default boolean isBroadcast() {
        return ALL_SYMBOLS.equals(symbol());
    }
}
