package io.steadystate.marketdata.api;

/** Request bodies. Numbers are boxed so an absent field is distinguishable from zero. */
public final class ApiRequests {

    private ApiRequests() {}

    /** {@code PUT /market/rate}: any subset; all applied or none. */
    public record RateChange(Double speed, Double maxTicksPerSecond, Double ticksPerSymbolPerSecond) {}

    /** {@code POST /market/symbols}. */
    public record Listing(String symbol, Double price) {}
}
