package io.steadystate.order.orders;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.steadystate.core.event.OrderRole;
import io.steadystate.core.event.OrderStatus;
import io.steadystate.core.state.Bounded;
import io.steadystate.kit.delivery.CommittedCounter;
import io.steadystate.order.risk.RejectReason;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The order section of CONTRACTS.md, registered eagerly with every tag value so each series exists at zero
 * from start-up. Micrometer names map to Prometheus as {@code a.b.c} → {@code a_b_c(_total|_seconds)}.
 */
public final class OrderMetrics {

    public enum SignalOutcome {
        ACCEPTED,
        REJECTED,
        DUPLICATE
    }

    @Bounded("one counter per SignalOutcome constant")
    private final EnumMap<SignalOutcome, Counter> signals = new EnumMap<>(SignalOutcome.class);

    @Bounded("one counter per OrderStatus constant")
    private final EnumMap<OrderStatus, Counter> events = new EnumMap<>(OrderStatus.class);

    @Bounded("one counter per RejectReason constant")
    private final EnumMap<RejectReason, Counter> rejects = new EnumMap<>(RejectReason.class);

    @Bounded("one counter per OrderRole constant")
    private final EnumMap<OrderRole, Counter> fills = new EnumMap<>(OrderRole.class);
    /**
     * Ticks of committed transactions only (a replay after an abort must not count twice); no allocation per tick.
     * The other counters here count processing, replays included (README, "Metrics").
     */
    private final CommittedCounter ticks = new CommittedCounter();

    private final Timer signalToOrder;
    private final Timer tickToOrder;

    public OrderMetrics(MeterRegistry registry) {
        for (SignalOutcome o : SignalOutcome.values()) {
            signals.put(
                    o,
                    Counter.builder("steadystate.order.signals.processed")
                            .tag("outcome", lower(o.name()))
                            .description("Signals consumed, by outcome")
                            .register(registry));
        }
        for (OrderStatus s : OrderStatus.values()) {
            events.put(
                    s,
                    Counter.builder("steadystate.order.events")
                            .tag("status", lower(s.name()))
                            .description("Order events published, by status")
                            .register(registry));
        }
        for (RejectReason r : RejectReason.values()) {
            rejects.put(
                    r,
                    Counter.builder("steadystate.order.rejects")
                            .tag("reason", r.tag())
                            .description("Orders rejected, by reason")
                            .register(registry));
        }
        for (OrderRole r : OrderRole.values()) {
            fills.put(
                    r,
                    Counter.builder("steadystate.order.fills")
                            .tag("role", lower(r.name()))
                            .description("Fills, by bracket role")
                            .register(registry));
        }
        ticks.register("steadystate.order.ticks.processed", "Ticks consumed (committed transactions)", registry);
        signalToOrder = latencyTimer(
                registry,
                "steadystate.order.signal.to.order",
                "Origin tick (carried by the signal) to order accepted/rejected, wall time");
        tickToOrder = latencyTimer(
                registry, "steadystate.order.tick.to.order", "Tick published to the fill it triggered, wall time");
    }

    private static Timer latencyTimer(MeterRegistry registry, String name, String description) {
        return Timer.builder(name)
                .description(description)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    public static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    public void signal(SignalOutcome outcome) {
        signals.get(outcome).increment();
    }

    public void event(OrderStatus status) {
        events.get(status).increment();
    }

    public void reject(RejectReason reason) {
        rejects.get(reason).increment();
    }

    public void fill(OrderRole role) {
        fills.get(role).increment();
    }

    public void tick() {
        ticks.increment();
    }

    /** The delivery loop committed: the ticks handled since the last commit or abort count. */
    public void committed() {
        ticks.committed();
    }

    /** The delivery loop aborted: those ticks will be handled again. */
    public void aborted() {
        ticks.aborted();
    }

    /** Ticks of committed transactions. */
    public long ticksCommitted() {
        return ticks.count();
    }

    public void signalToOrder(long originMicros, long nowMicros) {
        record(signalToOrder, originMicros, nowMicros);
    }

    public void tickToOrder(long originMicros, long nowMicros) {
        record(tickToOrder, originMicros, nowMicros);
    }

    private static void record(Timer timer, long originMicros, long nowMicros) {
        if (originMicros > 0 && nowMicros >= originMicros) {
            timer.record(nowMicros - originMicros, TimeUnit.MICROSECONDS);
        }
    }

    public long count(SignalOutcome outcome) {
        return (long) signals.get(outcome).count();
    }

    public long rejects(RejectReason reason) {
        return (long) rejects.get(reason).count();
    }
}
