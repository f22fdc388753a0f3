package io.steadystate.marketdata.simulation;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.steadystate.core.event.MarketEvent;
import io.steadystate.core.state.StoreMetrics;
import io.steadystate.marketdata.OriginClock;
import io.steadystate.marketdata.calendar.SessionCalendar;
import io.steadystate.marketdata.universe.SymbolUniverse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: a deterministic simulator (originMicros fixed at 0) and the events it emits. */
public final class Markets {

    /** Monday 5 January 2026. */
    public static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);

    public static final long HOUR_NANOS = 3_600_000_000_000L;
    public static final long SESSION_NANOS = (long) (6.5 * HOUR_NANOS);

    private Markets() {}

    public static MarketSimulator simulator(
            long seed, int symbols, double ticksPerSymbolPerSecond, double churnPerDay) {
        return simulator(seed, symbols, ticksPerSymbolPerSecond, churnPerDay, symbols * 2);
    }

    public static MarketSimulator simulator(
            long seed, int symbols, double ticksPerSymbolPerSecond, double churnPerDay, int capacity) {
        return simulator(seed, symbols, ticksPerSymbolPerSecond, churnPerDay, capacity, OriginClock.FIXED_AT_ZERO);
    }

    public static MarketSimulator simulator(
            long seed,
            int symbols,
            double ticksPerSymbolPerSecond,
            double churnPerDay,
            int capacity,
            OriginClock origin) {
        SymbolUniverse universe = new SymbolUniverse(capacity, new StoreMetrics(new SimpleMeterRegistry()));
        return new MarketSimulator(
                new SimulationSettings(seed, symbols, ticksPerSymbolPerSecond, churnPerDay, MONDAY),
                SessionCalendar.standard(),
                universe,
                origin);
    }

    /** Plays {@code sessionNanos} of session time in one call and returns every event. */
    public static List<MarketEvent> play(MarketSimulator simulator, long sessionNanos) {
        List<MarketEvent> events = new ArrayList<>();
        simulator.advance(sessionNanos, Integer.MAX_VALUE, events::add);
        return events;
    }
}
