package io.steadystate.core.event;

import io.steadystate.core.state.Bounded;
import java.util.List;

/**
 * Bar periods on event time. {@link #D1} is one trading session and {@link #W1} one trading week; both are
 * closed by session events rather than by the clock, so their duration is nominal.
 */
public enum Timeframe {
    S15(15_000L),
    M1(60_000L),
    M5(5 * 60_000L),
    M15(15 * 60_000L),
    M30(30 * 60_000L),
    H1(60 * 60_000L),
    H4(4 * 60 * 60_000L),
    D1(24 * 60 * 60_000L),
    W1(7 * 24 * 60 * 60_000L);

    /** The seven timeframes of the strategy matrix (seed 003's G_TF_NAMES), in matrix order. */
    @Bounded("immutable List.of the seven matrix timeframes")
    public static final List<Timeframe> STRATEGY_TIMEFRAMES = List.of(M1, M5, M15, M30, H1, H4, D1);

    private final long millis;

    Timeframe(long millis) {
        this.millis = millis;
    }

    public long millis() {
        return millis;
    }

    /** Start of the intraday bar containing {@code eventTime}; only meaningful below {@link #D1}. */
    public long barStart(long eventTime) {
        return Math.floorDiv(eventTime, millis) * millis;
    }

    public boolean isIntraday() {
        return millis < D1.millis;
    }
}
