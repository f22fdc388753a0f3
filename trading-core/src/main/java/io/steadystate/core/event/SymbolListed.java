package io.steadystate.core.event;

/** A symbol enters the universe; its ticks follow on the same partition. */
public record SymbolListed(String symbol, long eventTime, double referencePrice) implements MarketEvent {
    public SymbolListed {
        Validation.symbol(symbol);
        Validation.price("referencePrice", referencePrice);
    }
}
