package io.steadystate.marketdata.control;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.steadystate.marketdata.MarketSource;
import io.steadystate.marketdata.calendar.SessionCursor;
import java.time.LocalDate;

/**
 * What status and gauges show of the market, as volatile copies: written by the holder of the market lock
 * after the source moved, read by anyone without waiting for that lock (which a blocked send may hold).
 * Registers the {@code steadystate_marketdata_simulated_*} and {@code _active_symbols} gauges at start-up.
 */
public final class MarketSnapshot {

    private volatile long simulatedTimeMillis = Long.MIN_VALUE;
    private volatile long tradingDay;
    private volatile long simulatedDays;
    private volatile int activeSymbols;
    private volatile boolean sessionOpen;
    private volatile double ticksPerSecond;

    // the rate window: driver thread only
    private long windowStartNanos;
    private long windowTicks;

    public MarketSnapshot(LocalDate startDate, MeterRegistry registry) {
        this.tradingDay = startDate.toEpochDay();
        Gauge.builder(
                        "steadystate.marketdata.simulated.time.seconds",
                        this,
                        s -> s.simulatedTimeMillis == Long.MIN_VALUE ? 0 : s.simulatedTimeMillis / 1000.0)
                .description("Simulated clock, epoch seconds")
                .register(registry);
        Gauge.builder("steadystate.marketdata.simulated.days", this, s -> s.simulatedDays)
                .description("Trading days played to their close since start")
                .register(registry);
        Gauge.builder("steadystate.marketdata.active.symbols", this, s -> s.activeSymbols)
                .description("Symbols listed now")
                .register(registry);
    }

    /** Called under the market lock after the source moved. */
    public void update(MarketSource source) {
        simulatedTimeMillis = source.nowMillis();
        source.cursor().ifPresent(this::update);
        activeSymbols = source.universe().size();
    }

    private void update(SessionCursor cursor) {
        tradingDay = cursor.tradingDay();
        simulatedDays = cursor.sessionsClosed();
        sessionOpen = cursor.isOpen();
    }

    /** Driver thread: {@code ticks} were played by {@code nowNanos}; publishes the rate once a second. */
    public void played(int ticks, long nowNanos) {
        windowTicks += ticks;
        long span = nowNanos - windowStartNanos;
        if (span >= 1_000_000_000L) {
            ticksPerSecond = windowTicks * 1e9 / span;
            windowStartNanos = nowNanos;
            windowTicks = 0;
        }
    }

    /** Driver thread: not playing (paused, stopped, waiting); the rate is 0 and the window starts afresh. */
    public void idle(long nowNanos) {
        ticksPerSecond = 0;
        windowStartNanos = nowNanos;
        windowTicks = 0;
    }

    /** {@link Long#MIN_VALUE} before the first event. */
    public long simulatedTimeMillis() {
        return simulatedTimeMillis;
    }

    public long tradingDay() {
        return tradingDay;
    }

    public long simulatedDays() {
        return simulatedDays;
    }

    public int activeSymbols() {
        return activeSymbols;
    }

    public boolean sessionOpen() {
        return sessionOpen;
    }

    public double ticksPerSecond() {
        return ticksPerSecond;
    }
}
