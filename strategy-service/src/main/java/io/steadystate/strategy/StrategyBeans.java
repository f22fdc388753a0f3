package io.steadystate.strategy;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.steadystate.core.event.SlotParameters;
import io.steadystate.core.event.StrategySlot;
import io.steadystate.core.state.StoreMetrics;
import io.steadystate.core.time.EventClock;
import io.steadystate.core.time.EventTimeGuard;
import io.steadystate.kit.fault.FaultConfig;
import io.steadystate.strategy.fault.FaultInjector;
import io.steadystate.strategy.params.ParameterTable;
import io.steadystate.strategy.signals.StrategyMatrix;
import io.steadystate.strategy.symbol.SymbolBook;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Wires the plain (CDI-free, unit-testable) domain classes from configuration. Everything that registers meters is
 * {@link Startup}: meters exist, zero-valued, before the first event (CONTRACTS.md).
 */
public class StrategyBeans {

    @Produces
    @Singleton
    EventClock eventClock() {
        return new EventClock();
    }

    @Produces
    @Singleton
    StoreMetrics storeMetrics(MeterRegistry registry) {
        return new StoreMetrics(registry);
    }

    @Produces
    @Singleton
    @Startup
    FaultInjector faultInjector(FaultConfig config, MeterRegistry registry) {
        return FaultInjector.from(config, registry);
    }

    @Produces
    @Singleton
    @Startup
    ParameterTable parameterTable(StrategyConfig config, MeterRegistry registry) {
        return new ParameterTable(defaultRows(config), registry);
    }

    @Produces
    @Singleton
    @Startup
    StrategyMatrix strategyMatrix(ParameterTable parameters, MeterRegistry registry) {
        return new StrategyMatrix(parameters, registry);
    }

    @Produces
    @Singleton
    @Startup
    SymbolBook symbolBook(
            StrategyConfig config, EventClock clock, StoreMetrics metrics, StrategyMatrix matrix, FaultInjector fault) {
        return new SymbolBook(
                config.maxSymbols(),
                config.idleExpiry(),
                config.rallyThresholdPct(),
                clock,
                metrics,
                matrix,
                fault,
                EventTimeGuard.withMaxStep(config.maxEventTimeStep()));
    }

    /** Every timeframe starts from its strategy's configured row (version 0); strategy.params overrides slots. */
    public static SlotParameters[] defaultRows(StrategyConfig config) {
        SlotParameters[] rows = new SlotParameters[StrategySlot.COUNT];
        for (int i = 0; i < rows.length; i++) {
            StrategySlot slot = StrategySlot.ofIndex(i);
            StrategyConfig.SlotDefaults d = switch (slot.strategy()) {
                case TREND -> config.trend();
                case BREAKOUT -> config.breakout();
                case MEAN_REVERSION -> config.meanReversion();
            };
            rows[i] = new SlotParameters(
                    slot.id(),
                    d.enabled(),
                    d.lotSize(),
                    d.period(),
                    d.secondaryPeriod(),
                    d.threshold(),
                    d.stopLossPct(),
                    d.takeProfitPct(),
                    0);
        }
        return rows;
    }
}
