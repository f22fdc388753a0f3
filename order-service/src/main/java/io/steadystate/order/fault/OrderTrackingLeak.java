package io.steadystate.order.fault;

import io.micrometer.core.instrument.MeterRegistry;
import io.steadystate.core.event.OrderEvent;
import io.steadystate.core.state.Bounded;
import io.steadystate.kit.fault.FaultSwitch;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Positive control for the soak harness: seed 000 §2 re-created on purpose. With
 * {@code steadystate.fault.mode=order-tracking} every terminal bracket is copied into plain stop-loss,
 * take-profit and entry→bracket maps that nothing ever cleans — the harness must call LEAK on it.
 * Off by default; when off, {@link #onTerminal} returns at once and the maps stay empty.
 *
 * <p>The values are fresh {@link TrackedOrder} objects (not shared strings), so heap growth and the class
 * histogram both show the leak. Called under the engine lock; the gauges read a volatile counter.
 */
public final class OrderTrackingLeak {

    public static final String MODE = "order-tracking";

    /** What the leaky order manager kept per order: its last event and a copy of its ids. */
    public record TrackedOrder(String orderId, String entryId, OrderEvent lastEvent, long trackedAtNanos) {}

    private final String mode;
    private final boolean active;
    private final int rate;

    @Bounded("fault injection: unbounded on purpose, off by default")
    private final Map<String, TrackedOrder> stopLossOrders = new HashMap<>();

    @Bounded("fault injection: unbounded on purpose, off by default")
    private final Map<String, TrackedOrder> profitTakeOrders = new HashMap<>();

    @Bounded("fault injection: unbounded on purpose, off by default")
    private final Map<String, TrackedOrder[]> entryToBracket = new HashMap<>();

    private volatile long leaked;

    public OrderTrackingLeak(String mode, int rate, MeterRegistry registry) {
        // one switch for the service's faults: this leak, and the duplicate-sending fault of delivery/ that reads
        // mode()
        FaultSwitch fault =
                new FaultSwitch("order-service", Set.of(MODE, DuplicateOrderEvents.MODE), mode, Math.max(1, rate));
        this.mode = fault.mode();
        this.active = MODE.equals(fault.mode());
        this.rate = fault.rate();
        fault.bindGauges(registry, this, f -> f.leaked);
    }

    @Bounded("two gauges with constant names and no tags: registering again finds the same meters")
    public static OrderTrackingLeak off(MeterRegistry registry) {
        return new OrderTrackingLeak("none", 1, registry);
    }

    public boolean active() {
        return active;
    }

    /** The configured {@code steadystate.fault.mode} (other faults of this service read it from here). */
    public String mode() {
        return mode;
    }

    public int rate() {
        return rate;
    }

    /** A bracket (or a rejected entry) reached its terminal state: the leaky manager "forgets" to remove it. */
    public void onTerminal(OrderEvent entry, OrderEvent stopLoss, OrderEvent takeProfit) {
        if (!active) {
            return;
        }
        for (int i = 0; i < rate; i++) {
            String suffix = rate == 1 ? "" : "#" + i;
            TrackedOrder e = track(entry, suffix);
            TrackedOrder sl = stopLoss == null ? null : track(stopLoss, suffix);
            TrackedOrder tp = takeProfit == null ? null : track(takeProfit, suffix);
            if (sl != null) {
                stopLossOrders.put(sl.orderId(), sl);
            }
            if (tp != null) {
                profitTakeOrders.put(tp.orderId(), tp);
            }
            entryToBracket.put(e.orderId(), new TrackedOrder[] {e, sl, tp});
            leaked += 1 + (sl == null ? 0 : 1) + (tp == null ? 0 : 1);
        }
    }

    private static TrackedOrder track(OrderEvent event, String suffix) {
        // new String(...) on purpose: the leak must own its objects, not share the engine's
        return new TrackedOrder(
                new String(event.orderId() + suffix), new String(event.entryId()), event, System.nanoTime());
    }

    public long leakedObjects() {
        return leaked;
    }
}
