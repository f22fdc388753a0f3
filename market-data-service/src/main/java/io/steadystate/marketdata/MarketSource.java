package io.steadystate.marketdata;

import io.steadystate.core.event.MarketEvent;
import io.steadystate.marketdata.calendar.SessionCursor;
import io.steadystate.marketdata.universe.SymbolUniverse;

import java.util.function.Consumer;

/**
 * What the market driver plays: the seeded simulation or a CSV replay. Pure (no Kafka, no wall clock apart
 * from Tick.originMicros), so it is tested by collecting its events in a list. Not thread-safe: the owner
 * calls it under one lock.
 */
public interface MarketSource {

    /**
     * Plays up to {@code budgetNanos} of simulated session time, stopping early after {@code maxTicks} ticks.
     * Overnight gaps and weekends cost no budget (the clock jumps). Events go to {@code sink} in stream order.
     *
     * @return the number of ticks emitted ({@code == maxTicks} means the tick cap, not the time budget, ended the call)
     */
    int advance(long budgetNanos, int maxTicks, Consumer<MarketEvent> sink);

    /** True when there is nothing left to play (end of a replay file); a simulation never finishes. */
    boolean finished();

    /** The simulated clock in epoch millis; {@link Long#MIN_VALUE} before the first event. */
    long nowMillis();

    SessionCursor cursor();

    SymbolUniverse universe();

    /** Epoch millis of a simulated clock kept in nanos, {@link Long#MIN_VALUE} before the first event. */
    static long toMillis(long clockNanos) {
        return clockNanos == Long.MIN_VALUE ? Long.MIN_VALUE : clockNanos / 1_000_000L;
    }

    /** {@code a + b}, held at {@link Long#MAX_VALUE} instead of overflowing (budgets may be "forever"). */
    static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
