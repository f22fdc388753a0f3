package io.steadystate.order.risk;

/**
 * The pre-trade checks that are not about one symbol's state: kill switch, max notional and the order rate.
 * (Slot occupancy and symbol knowledge live with the symbol's book in the engine.)
 *
 * <p>Rate limit: a token bucket on <b>event time</b> — {@code maxOrdersPerSecond} tokens per simulated second,
 * burst of one second's worth. Event time makes the decision deterministic: a replay after a crash or a
 * soak at 60× speed rejects the same orders as a real-time run would. REST orders are stamped with the
 * engine's current event time (the last market event), so a burst of REST calls within one simulated
 * second shares one second's tokens.
 *
 * <p>Not thread-safe: used under the engine lock.
 */
public final class RiskLimits {

    private final double maxNotional;
    private final double ratePerMilli;
    private final double burst;
    private double tokens;
    private long lastRefillMillis = Long.MIN_VALUE;
    private volatile boolean killSwitch;

    public RiskLimits(double maxNotional, int maxOrdersPerSecond) {
        this.maxNotional = maxNotional;
        this.ratePerMilli = maxOrdersPerSecond / 1000.0;
        this.burst = maxOrdersPerSecond;
        this.tokens = burst;
    }

    public boolean killSwitch() {
        return killSwitch;
    }

    public void killSwitch(boolean on) {
        killSwitch = on;
    }

    public boolean notionalAllowed(double quantity, double price) {
        return quantity * price <= maxNotional;
    }

    /** Takes one token at {@code eventTimeMillis}; false when the bucket is empty (nothing taken). */
    public boolean tryAcquire(long eventTimeMillis) {
        if (lastRefillMillis == Long.MIN_VALUE) {
            lastRefillMillis = eventTimeMillis;
        } else if (eventTimeMillis > lastRefillMillis) {
            tokens = Math.min(burst, tokens + (eventTimeMillis - lastRefillMillis) * ratePerMilli);
            lastRefillMillis = eventTimeMillis;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
