package io.steadystate.order.orders;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.steadystate.core.event.OrderRole;
import io.steadystate.core.event.OrderStatus;
import io.steadystate.order.risk.RejectReason;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.EnumMap;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.steadystate.core.state.Bounded;

/**
 * The order section of CONTRACTS.md, registered eagerly with every tag value so each series exists at zero
 * from start-up. Micrometer names map to Prometheus as {@code a.b.c} → {@code a_b_c(_total|_seconds)}.
 */
public final class OrderMetrics {

    public enum SignalOutcome { ACCEPTED, REJECTED, DUPLICATE }

    @Bounded("one counter per SignalOutcome constant")
    private final EnumMap<SignalOutcome, Counter> signals = new EnumMap<>(SignalOutcome.class);
    @Bounded("one counter per OrderStatus constant")
    private final EnumMap<OrderStatus, Counter> events = new EnumMap<>(OrderStatus.class);
    @Bounded("one counter per RejectReason constant")
    private final EnumMap<RejectReason, Counter> rejects = new EnumMap<>(RejectReason.class);
    @Bounded("one counter per OrderRole constant")
    private final EnumMap<OrderRole, Counter> fills = new EnumMap<>(OrderRole.class);
    /** Per-tick count in a primitive adder, read by Micrometer at scrape time: no allocation per tick. */
    private final LongAdder ticks = new LongAdder();
    private final Timer signalToOrder;
    private final Timer tickToOrder;

    public OrderMetrics(MeterRegistry registry) {
        for (SignalOutcome o : SignalOutcome.values()) {
            signals.put(o, Counter.builder("steadystate.order.signals.processed").tag("outcome", lower(o.name()))
                    .description("Signals consumed, by outcome").register(registry));
        }
        for (OrderStatus s : OrderStatus.values()) {
            events.put(s, Counter.builder("steadystate.order.events").tag("status", lower(s.name()))
                    .description("Order events published, by status").register(registry));
        }
        for (RejectReason r : RejectReason.values()) {
            rejects.put(r, Counter.builder("steadystate.order.rejects").tag("reason", r.tag())
                    .description("Orders rejected, by reason").register(registry));
        }
        for (OrderRole r : OrderRole.values()) {
            fills.put(r, Counter.builder("steadystate.order.fills").tag("role", lower(r.name()))
                    .description("Fills, by bracket role").register(registry));
        }
        FunctionCounter.builder("steadystate.order.ticks.processed", ticks, LongAdder::sum).description("Ticks consumed")
                .register(registry);
        signalToOrder = latencyTimer(registry, "steadystate.order.signal.to.order",
                "Origin tick (carried by the signal) to order accepted/rejected, wall time");
        tickToOrder = latencyTimer(registry, "steadystate.order.tick.to.order",
                "Tick published to the fill it triggered, wall time");
    }

    private static Timer latencyTimer(MeterRegistry registry, String name, String description) {
        return Timer.builder(name).description(description)
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
