package io.steadystate.marketdata.universe;

import io.steadystate.core.event.Tick;
import java.util.SplittableRandom;

/**
 * Everything this service holds for one listed symbol, in one object: removing it from the
 * {@link SymbolUniverse} removes all of it. Mutated only under the universe's owner's lock (the simulation
 * thread, or a REST call holding the same lock).
 */
public final class SymbolState {

    final String symbol;
    final double referencePrice;
    final double logReference;
    /** Null for replayed symbols: their prices come from the file. */
    final SplittableRandom random;

    final int baseLots;
    long sequence;
    double logPrice;
    double lastPrice;
    double lastBid;
    double lastAsk;
    Regime regime = Regime.CALM;
    double drift;
    /** Index in the roster's array, kept for O(1) removal. */
    int rosterIndex = -1;

    SymbolState(String symbol, double referencePrice, SplittableRandom random, int baseLots) {
        this.symbol = symbol;
        this.referencePrice = referencePrice;
        this.random = random;
        this.baseLots = baseLots;
        this.logReference = Math.log(referencePrice);
        this.logPrice = logReference;
        this.lastPrice = referencePrice;
        this.lastBid = referencePrice;
        this.lastAsk = referencePrice;
    }

    /** Pull towards the reference price per second, in log space: keeps prices bounded over weeks of soak. */
    private static final double REVERSION_PER_SECOND = 0.00001;
    /** A walk never leaves [reference / 20, reference × 20]. */
    private static final double MAX_LOG_EXCURSION = Math.log(20);

    private static final double PRICE_STEP = 0.0001;

    /**
     * One step of the seeded walk: maybe switch regime, move the log price (drift + regime volatility +
     * reversion), quote a spread around it and draw a size from the intraday volume curve.
     *
     * @param dt              mean simulated seconds between two ticks of this symbol
     * @param sessionFraction 0 at the open, 1 at the close
     */
    public Tick nextTick(double dt, double sqrtDt, double sessionFraction, long eventTime, long originMicros) {
        SplittableRandom r = random;
        if (r.nextDouble() < regime.switchProbability) {
            regime = regime.other(r.nextDouble());
            drift = regime.maxDrift == 0
                    ? 0
                    : (r.nextBoolean() ? 1 : -1) * regime.maxDrift * (0.5 + 0.5 * r.nextDouble());
        }
        logPrice += drift * dt
                + regime.volatility * sqrtDt * r.nextGaussian()
                - REVERSION_PER_SECOND * dt * (logPrice - logReference);
        logPrice = Math.max(logReference - MAX_LOG_EXCURSION, Math.min(logReference + MAX_LOG_EXCURSION, logPrice));

        double price = Math.max(PRICE_STEP, roundToStep(Math.exp(logPrice)));
        double spreadBps = regime.spreadBps * (sessionFraction < 0.05 ? 2 : 1);
        double half = Math.max(PRICE_STEP, price * spreadBps / 20_000);
        double bid = Math.max(PRICE_STEP, roundToStep(price - half));
        double ask = Math.max(bid, roundToStep(price + half));
        double edge = 2 * sessionFraction - 1;
        double volumeCurve = 0.55 + 1.8 * edge * edge; // U-shape: ×2.35 at open and close, ×0.55 at midday
        long lots = Math.max(1, Math.round(baseLots * volumeCurve * Math.exp(0.5 * r.nextGaussian())));
        recordQuote(price, bid, ask);
        return new Tick(symbol, eventTime, ++sequence, price, bid, ask, lots * 100, originMicros);
    }

    private static double roundToStep(double value) {
        return Math.round(value * 10_000) / 10_000.0; // PRICE_STEP = 1e-4; dividing keeps decimals clean
    }

    /** Next per-symbol sequence number (strictly increasing, starts at 1). */
    public long nextSequence() {
        return ++sequence;
    }

    public void recordQuote(double price, double bid, double ask) {
        lastPrice = price;
        lastBid = bid;
        lastAsk = ask;
    }

    public String symbol() {
        return symbol;
    }

    public double referencePrice() {
        return referencePrice;
    }

    public long sequence() {
        return sequence;
    }

    public double lastPrice() {
        return lastPrice;
    }

    public double lastBid() {
        return lastBid;
    }

    public double lastAsk() {
        return lastAsk;
    }

    public Regime regime() {
        return regime;
    }

    /** Shallow size measured with JOL-style arithmetic: header+fields ≈ 96 B, SplittableRandom 24 B, String ≈ 48 B. */
    static final long ESTIMATED_BYTES = 96 + 24 + 48;
}
