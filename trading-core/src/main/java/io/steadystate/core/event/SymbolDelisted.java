package io.steadystate.core.event;

/** A symbol leaves the universe: no tick for it follows, and every service drops all state it owned. */
public record SymbolDelisted(String symbol, long eventTime, String reason) implements MarketEvent {
    public SymbolDelisted {
        Validation.symbol(symbol);
        reason = reason == null ? "" : reason;
    }
}
