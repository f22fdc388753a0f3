package io.steadystate.marketdata;

import io.steadystate.core.event.MarketEvent;
import io.steadystate.marketdata.calendar.SessionCursor;
import io.steadystate.marketdata.resume.ResumePoint;
import io.steadystate.marketdata.universe.SymbolUniverse;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the market driver plays: the seeded simulation or a CSV replay. Pure (no Kafka, no wall clock: the
 * driver's {@link OriginClock} stamps {@code Tick.originMicros}), so it is tested by collecting its events in a
 * list. Not thread-safe: the owner calls it under one lock.
 *
 * <p>What only one kind of source can do is an optional capability ({@link #listings()},
 * {@link #tickRate()}, {@link #replayProgress()}), not a nullable field the caller has to remember to check.
 */
public interface MarketSource {

    /**
     * Plays up to {@code budgetNanos} of simulated session time, stopping early after {@code maxTicks} ticks.
     * Overnight gaps and weekends cost no budget (the clock jumps). Events go to {@code sink} in stream order.
     *
     * @return the number of ticks emitted ({@code == maxTicks} means the tick cap, not the time budget, ended the call)
     */
    int advance(long budgetNanos, int maxTicks, Consumer<MarketEvent> sink);

    /**
     * Continue a stream that a previous run already published up to {@code point}: every event this source
     * emits from now on is strictly later, and every sequence number is above the point's floor. Only before
     * the first {@link #advance}; a later call is refused.
     */
    void resumeAfter(ResumePoint point);

    /** True when there is nothing left to play (end of a replay file); a simulation never finishes. */
    boolean finished();

    /** The simulated clock in epoch nanos; {@link Long#MIN_VALUE} before the first event. */
    long nowNanos();

    /** The simulated clock in epoch millis; {@link Long#MIN_VALUE} before the first event. */
    default long nowMillis() {
        return toMillis(nowNanos());
    }

    /** Where the clock stands in the session calendar; empty until the source knows its first day. */
    Optional<SessionCursor> cursor();

    SymbolUniverse universe();

    /** Symbols can be listed and delisted on demand (the simulation). */
    default Optional<Listings> listings() {
        return Optional.empty();
    }

    /** The per-symbol tick rate can be changed while playing (the simulation). */
    default Optional<TickRate> tickRate() {
        return Optional.empty();
    }

    /** Progress through a file (the replay). */
    default Optional<ReplayProgress> replayProgress() {
        return Optional.empty();
    }

    interface Listings {
        /** False until the first {@link MarketSource#advance}: a listing needs a clock and an open market. */
        boolean started();

        /** Lists {@code symbol}; false when it is already listed or the store is full. */
        boolean list(String symbol, double price, Consumer<MarketEvent> sink);

        /** Delists {@code symbol} (no tick for it follows); false when it is not listed. */
        boolean delist(String symbol, String reason, Consumer<MarketEvent> sink);
    }

    interface TickRate {
        double ticksPerSymbolPerSecond();

        void setTicksPerSymbolPerSecond(double rate);
    }

    interface ReplayProgress {
        String file();

        long linesRead();

        long replayedTicks();

        long malformedLines();

        /** Lines at or before the resume point, skipped because a previous run already published them. */
        long resumedPastLines();

        /** The latest malformed-line reports, newest first. */
        List<String> recentErrors();
    }

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
