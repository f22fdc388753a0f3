package io.steadystate.order.orders;

import io.steadystate.core.event.OrderType;
import io.steadystate.core.event.TimeInForce;
import io.steadystate.core.time.EventTimeGuard;
import io.steadystate.order.config.OrderConfig;
import java.time.Duration;

/** The engine's limits as plain data, so tests and benchmarks build an engine without Quarkus. */
public record EngineSettings(
        int maxOpenOrders,
        double maxNotional,
        int maxOrdersPerSecond,
        int maxSymbols,
        Duration symbolIdleExpiry,
        int dedupCapacity,
        Duration dedupExpiry,
        int historyCapacity,
        double slippageBps,
        OrderType signalEntryType,
        TimeInForce signalTimeInForce,
        Duration maxEventTimeStep) {

    public static EngineSettings from(OrderConfig c) {
        return new EngineSettings(
                c.maxOpenOrders(),
                c.maxNotional(),
                c.maxOrdersPerSecond(),
                c.maxSymbols(),
                c.symbolIdleExpiry(),
                c.dedupCapacity(),
                c.dedupExpiry(),
                c.historyCapacity(),
                c.slippageBps(),
                c.signalEntryType(),
                c.signalTimeInForce(),
                c.maxEventTimeStep());
    }

    /** Defaults of {@link OrderConfig}. */
    public static EngineSettings defaults() {
        return new EngineSettings(
                10_000,
                1_000_000,
                200,
                5_000,
                Duration.ofDays(7),
                200_000,
                Duration.ofDays(1),
                10_000,
                1.0,
                OrderType.MARKET,
                TimeInForce.DAY,
                EventTimeGuard.DEFAULT_MAX_STEP);
    }

    public EngineSettings withMaxOrdersPerSecond(int n) {
        return new EngineSettings(
                maxOpenOrders,
                maxNotional,
                n,
                maxSymbols,
                symbolIdleExpiry,
                dedupCapacity,
                dedupExpiry,
                historyCapacity,
                slippageBps,
                signalEntryType,
                signalTimeInForce,
                maxEventTimeStep);
    }

    public EngineSettings withMaxOpenOrders(int n) {
        return new EngineSettings(
                n,
                maxNotional,
                maxOrdersPerSecond,
                maxSymbols,
                symbolIdleExpiry,
                dedupCapacity,
                dedupExpiry,
                historyCapacity,
                slippageBps,
                signalEntryType,
                signalTimeInForce,
                maxEventTimeStep);
    }

    public EngineSettings withMaxNotional(double n) {
        return new EngineSettings(
                maxOpenOrders,
                n,
                maxOrdersPerSecond,
                maxSymbols,
                symbolIdleExpiry,
                dedupCapacity,
                dedupExpiry,
                historyCapacity,
                slippageBps,
                signalEntryType,
                signalTimeInForce,
                maxEventTimeStep);
    }

    public EngineSettings withMaxSymbols(int n) {
        return new EngineSettings(
                maxOpenOrders,
                maxNotional,
                maxOrdersPerSecond,
                n,
                symbolIdleExpiry,
                dedupCapacity,
                dedupExpiry,
                historyCapacity,
                slippageBps,
                signalEntryType,
                signalTimeInForce,
                maxEventTimeStep);
    }

    public EngineSettings withSignalEntry(OrderType type, TimeInForce tif) {
        return new EngineSettings(
                maxOpenOrders,
                maxNotional,
                maxOrdersPerSecond,
                maxSymbols,
                symbolIdleExpiry,
                dedupCapacity,
                dedupExpiry,
                historyCapacity,
                slippageBps,
                type,
                tif,
                maxEventTimeStep);
    }
}
