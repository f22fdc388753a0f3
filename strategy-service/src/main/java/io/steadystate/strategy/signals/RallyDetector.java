package io.steadystate.strategy.signals;

import io.steadystate.core.state.MinRing;

/**
 * Seed 000's rally detector, done right: per symbol, the closes of the last {@link #WINDOW} 15-second bars
 * (4 hours of trading) in a primitive ring owned by the symbol's state, which keeps its low per block of slots, so it leaves with the symbol. A rally
 * is a close at least {@code thresholdPct} above the lowest close in the window. Reset at session close, so the
 * window never spans the overnight gap.
 */
public final class RallyDetector {

    /** 4 h of 15 s bars. */
    public static final int WINDOW = 4 * 60 * 4;

    private final MinRing closes = new MinRing(WINDOW);
    private final double thresholdPct;
    private double risePct;
    private boolean rallying;
    private long rallies;

    public RallyDetector(double thresholdPct) {
        this.thresholdPct = thresholdPct;
    }

    /** Feeds one closed 15 s bar; returns true when this bar starts a rally. O(√WINDOW) per 15 s bar, none per tick. */
    public boolean onBar(double close) {
        closes.add(close);
        double low = closes.min();
        risePct = (close - low) / low * 100.0;
        boolean was = rallying;
        rallying = risePct >= thresholdPct;
        if (rallying && !was) {
            rallies++;
            return true;
        }
        return false;
    }

    public void reset() {
        closes.clear();
        risePct = 0;
        rallying = false;
    }

    public boolean rallying() {
        return rallying;
    }

    public double risePct() {
        return risePct;
    }

    public long rallies() {
        return rallies;
    }

    public int points() {
        return closes.size();
    }

    public long bytes() {
        return 16 + 8 * 3 + 8 + 16 + closes.bytes();
    }
}
