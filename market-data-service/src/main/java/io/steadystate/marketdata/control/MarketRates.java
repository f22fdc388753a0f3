package io.steadystate.marketdata.control;

import io.steadystate.marketdata.config.RateBounds;

/**
 * The pace the driver reads before each grant: {@code speed} (simulated seconds per wall second) and the
 * tick cap (0 = unthrottled). Volatile: set by REST, read by the driver without a lock. Validation is
 * {@link RateBounds}, the same as the configuration's.
 */
public final class MarketRates {

    private volatile double speed;
    private volatile long maxTicksPerSecond;

    public MarketRates(double speed, long maxTicksPerSecond) {
        set(speed, maxTicksPerSecond);
    }

    /** Both valid or neither applied. */
    public void set(double newSpeed, long newMaxTicksPerSecond) {
        String problem = RateBounds.checkSpeed(newSpeed);
        if (problem == null) {
            problem = RateBounds.checkMaxTicksPerSecond(newMaxTicksPerSecond);
        }
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        this.speed = newSpeed;
        this.maxTicksPerSecond = newMaxTicksPerSecond;
    }

    public double speed() {
        return speed;
    }

    public long maxTicksPerSecond() {
        return maxTicksPerSecond;
    }
}
