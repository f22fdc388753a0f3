package io.steadystate.soak.sampling;

/** The simulated market clock as market-data reports it (gauges or {@code GET /market/status}). */
public record MarketClock(Double simulatedEpochSeconds, Double simulatedDays, Double activeSymbols) {

    public static final MarketClock UNKNOWN = new MarketClock(null, null, null);
}
