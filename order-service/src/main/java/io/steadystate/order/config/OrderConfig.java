package io.steadystate.order.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;

/**
 * {@code steadystate.order.*}: every bound and limit of the order engine in one place. The soak harness sets
 * {@code max-open-orders}, {@code max-notional} and {@code max-orders-per-second} (CONTRACTS.md).
 */
@ConfigMapping(prefix = "steadystate.order")
public interface OrderConfig {

    /** Capacity of the open-bracket store: one entry per live bracket (entry + its two OCO children). */
    @WithDefault("10000")
    @Positive
    int maxOpenOrders();

    /** Largest quantity × price one order may carry. */
    @WithDefault("1000000")
    @Positive
    double maxNotional();

    /** Token bucket on event time: sustained orders per simulated second, burst of one second's worth. */
    @WithDefault("200")
    @Positive
    int maxOrdersPerSecond();

    /** Capacity of the per-symbol book store (last price, the 21 slot brackets and positions). */
    @WithDefault("5000")
    @Positive
    int maxSymbols();

    /** A symbol with no market event for this long (event time) is retired like a delisting. */
    @WithDefault("P7D")
    @NotNull
    Duration symbolIdleExpiry();

    /**
     * Largest forward jump of event time one record may make past the engine's clock (trading-core
     * {@code EventTimeGuard}); a record jumping further is dead-lettered (VALIDATION) and moves nothing. Seven
     * days covers weekends and holiday closures of a session calendar.
     */
    @WithDefault("P7D")
    @NotNull
    Duration maxEventTimeStep();

    /** Capacity of the order-id dedup memory. */
    @WithDefault("200000")
    @Positive
    int dedupCapacity();

    /** Event time after which a seen order id is forgotten (redeliveries arrive within seconds). */
    @WithDefault("P1D")
    @NotNull
    Duration dedupExpiry();

    /** Closed orders (one entry per leg) kept for GET /orders/history and GET /orders/{id}. */
    @WithDefault("10000")
    @Positive
    int historyCapacity();

    /** Slippage of market and stop fills, in basis points of the touched bid/ask. */
    @WithDefault("1.0")
    @DecimalMin("0")
    double slippageBps();

    /** Entry type of signal-driven orders: MARKET or LIMIT (at the signal's reference price). */
    @WithDefault("MARKET")
    @NotNull
    io.steadystate.core.event.OrderType signalEntryType();

    @WithDefault("DAY")
    @NotNull
    io.steadystate.core.event.TimeInForce signalTimeInForce();

    /**
     * How many of the latest records of each order.events partition recovery reads to re-learn recently closed
     * order ids (dedup of REST retries). A count, not a wall-clock window back from the restart.
     */
    @WithDefault("20000")
    @Min(0)
    int recoveryTailRecords();

    /** Largest page of the list endpoints. */
    @WithDefault("500")
    @Min(1)
    @Max(500)
    int maxPageSize();
}
