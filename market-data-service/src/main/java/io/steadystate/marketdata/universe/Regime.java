package io.steadystate.marketdata.universe;

/**
 * Volatility regime of one symbol's random walk. Volatility and drift are per sqrt-second / per second of
 * simulated time, so the path does not depend on the tick rate; the switch probability is per tick.
 */
public enum Regime {
    //       vol/√s    max |drift|/s  spread bps  switch-out per tick
    CALM(0.00007, 0.0, 2.0, 1.0 / 3000),
    TRENDING(0.00012, 0.000002, 3.0, 1.0 / 1200),
    VOLATILE(0.00035, 0.0, 9.0, 1.0 / 400);

    public final double volatility;
    public final double maxDrift;
    public final double spreadBps;
    public final double switchProbability;

    Regime(double volatility, double maxDrift, double spreadBps, double switchProbability) {
        this.volatility = volatility;
        this.maxDrift = maxDrift;
        this.spreadBps = spreadBps;
        this.switchProbability = switchProbability;
    }

    private static final Regime[] ALL = values();

    /** A different regime than this one, chosen with {@code pick} in [0, 1). */
    Regime other(double pick) {
        int offset = 1 + (int) (pick * (ALL.length - 1));
        return ALL[(ordinal() + offset) % ALL.length];
    }
}
