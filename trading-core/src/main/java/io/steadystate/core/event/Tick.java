package io.steadystate.core.event;

/**
 * One trade print with the prevailing quote.
 *
 * @param sequence     per-symbol sequence number, strictly increasing: lets consumers detect gaps and replays
 * @param originMicros wall-clock epoch microseconds of the instant the producer scheduled the tick (not when
 *                     its send returned, so producer stalls count as latency); used only to measure latency
 *                     across services, never as business time
 */
public record Tick(
        String symbol,
        long eventTime,
        long sequence,
        double price,
        double bid,
        double ask,
        long size,
        long originMicros)
        implements MarketEvent {

    public Tick {
        Validation.symbol(symbol);
        Validation.price("price", price);
        Validation.price("bid", bid);
        Validation.price("ask", ask);
        if (bid > ask) {
            throw new IllegalArgumentException("bid " + bid + " above ask " + ask + " for " + symbol);
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size + " for " + symbol);
        }
    }
}
