package io.steadystate.strategy;

import io.micrometer.core.instrument.MeterRegistry;
import io.steadystate.core.event.Signal;
import io.steadystate.core.event.SlotParameters;
import io.steadystate.core.event.StrategySlot;
import io.steadystate.core.event.Tick;
import io.steadystate.core.state.StoreMetrics;
import io.steadystate.core.time.EventClock;
import io.steadystate.strategy.fault.FaultInjector;
import io.steadystate.strategy.params.ParameterTable;
import io.steadystate.strategy.signals.SignalSink;
import io.steadystate.strategy.signals.StrategyMatrix;
import io.steadystate.strategy.symbol.SymbolBook;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Plain construction of the domain (no CDI, no Kafka) with the shipped default parameters. */
public final class Fixtures {

    /** Wednesday 2026-11-18 00:00 UTC. */
    public static final long WEDNESDAY = Instant.parse("2026-11-18T00:00:00Z").toEpochMilli();

    public static final long MINUTE = 60_000L;
    public static final long DAY = 86_400_000L;

    private Fixtures() {}

    public static long at(String isoInstant) {
        return Instant.parse(isoInstant).toEpochMilli();
    }

    /** The rows of application.properties: S1 21/8/0.1, S2 20/0.1, S3 14/25. */
    public static SlotParameters[] defaultRows() {
        SlotParameters[] rows = new SlotParameters[StrategySlot.COUNT];
        for (int i = 0; i < rows.length; i++) {
            StrategySlot slot = StrategySlot.ofIndex(i);
            rows[i] = switch (slot.strategy()) {
                case TREND -> new SlotParameters(slot.id(), true, 100, 21, 8, 0.1, 1.0, 2.0, 0);
                case BREAKOUT -> new SlotParameters(slot.id(), true, 100, 20, 0, 0.1, 1.0, 2.0, 0);
                case MEAN_REVERSION -> new SlotParameters(slot.id(), true, 100, 14, 0, 25, 1.0, 1.5, 0);
            };
        }
        return rows;
    }

    public static SymbolBook book(MeterRegistry registry, int maxSymbols, Duration idleExpiry, FaultInjector fault) {
        ParameterTable table = new ParameterTable(defaultRows(), registry);
        return new SymbolBook(
                maxSymbols,
                idleExpiry,
                1.5,
                new EventClock(),
                new StoreMetrics(registry),
                new StrategyMatrix(table, registry),
                fault);
    }

    public static SymbolBook book(MeterRegistry registry) {
        return book(registry, 100, Duration.ofDays(4), FaultInjector.off(registry));
    }

    public static Tick tick(String symbol, long eventTime, double price) {
        return tick(symbol, eventTime, price, 10);
    }

    public static Tick tick(String symbol, long eventTime, double price, long size) {
        return new Tick(symbol, eventTime, eventTime, price, price - 0.01, price + 0.01, size, eventTime * 1000 + 7);
    }

    /** Collects signals (test code may grow lists). */
    public static final class Signals implements SignalSink {
        public final List<Signal> received = new ArrayList<>();

        @Override
        public void emit(Signal signal) {
            received.add(signal);
        }
    }
}
