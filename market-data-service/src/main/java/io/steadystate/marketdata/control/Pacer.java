package io.steadystate.marketdata.control;

/**
 * Turns elapsed wall time into what the driver may play next: a budget of simulated time ({@code speed}
 * simulated nanos per wall nano) and, when {@code maxTicksPerSecond > 0}, a token bucket of ticks holding at
 * most 50 ms of the cap (≥ 1 token). Pure: no thread, no clock — the caller says how much time passed — so
 * its arithmetic is unit-tested without sleeping.
 *
 * <p>Rules: a stall counts as at most one second, so it never turns into a burst; when the tick cap ends a
 * grant, the rest of its time budget is dropped, so the simulated clock slows down instead of building a
 * backlog; tokens are only spent while a cap applies, so switching from unthrottled to a cap starts from an
 * empty bucket, not a debt of every tick played unthrottled.
 */
public final class Pacer {

    /** Ticks per grant: bounds how long the driver holds the market lock (a few ms). */
    public static final int CHUNK_TICKS = 4096;

    static final long MAX_ELAPSED_NANOS = 1_000_000_000L;
    private static final double MAX_BUDGET_NANOS = 1e18;

    private double budgetNanos;
    private double tokens;
    private long grantedBudgetNanos;
    private int grantedTicks;
    private long grantedElapsedNanos;
    private boolean capped;

    /** Forgets budget and tokens: after a pause or a stop, the time not played is not owed. */
    public void reset() {
        budgetNanos = 0;
        tokens = 0;
        grantedBudgetNanos = 0;
        grantedTicks = 0;
        grantedElapsedNanos = 0;
    }

    /**
     * Adds {@code elapsedNanos} of wall time and works out the next grant.
     *
     * @return true when there is something to play: at least 1 ns of budget and at least one tick
     */
    public boolean grant(long elapsedNanos, double speed, long maxTicksPerSecond) {
        long elapsed = Math.min(Math.max(0, elapsedNanos), MAX_ELAPSED_NANOS);
        grantedElapsedNanos = elapsed;
        budgetNanos = Math.min(budgetNanos + elapsed * speed, MAX_BUDGET_NANOS);
        int maxTicks = CHUNK_TICKS;
        capped = maxTicksPerSecond > 0;
        if (capped) {
            tokens = Math.min(
                    tokens + elapsed * (double) maxTicksPerSecond / 1e9, Math.max(1.0, maxTicksPerSecond / 20.0));
            maxTicks = (int) Math.min(CHUNK_TICKS, tokens);
        }
        grantedBudgetNanos = (long) budgetNanos;
        grantedTicks = maxTicks;
        return grantedBudgetNanos >= 1 && maxTicks > 0;
    }

    /** Simulated nanos the last grant allows. */
    public long budgetNanos() {
        return grantedBudgetNanos;
    }

    /** Ticks the last grant allows. */
    public int maxTicks() {
        return grantedTicks;
    }

    /** Wall time the last grant accounts for (the elapsed time, capped at one second). */
    public long grantedElapsedNanos() {
        return grantedElapsedNanos;
    }

    /** The source played {@code ticks} of the last grant. */
    public void played(int ticks) {
        budgetNanos = ticks >= grantedTicks ? 0 : budgetNanos - grantedBudgetNanos;
        if (capped) {
            tokens -= ticks;
        }
    }

    /** A full chunk was played: more may be due right away, so the driver should not park. */
    public static boolean behind(int ticks) {
        return ticks >= CHUNK_TICKS;
    }
}
