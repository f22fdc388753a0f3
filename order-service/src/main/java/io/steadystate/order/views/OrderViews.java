package io.steadystate.order.views;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.steadystate.core.event.OrderEvent;
import io.steadystate.core.event.Position;
import io.steadystate.order.orders.Bracket;
import io.steadystate.order.orders.Leg;
import io.steadystate.order.orders.OrderState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What REST reads: one order, pages of open orders, history and positions, the PnL totals, and the open-positions
 * gauge. Read-only over {@link OrderState}; a page costs O(offset + limit), not O(store). Runs under the
 * {@code OrderEngine} lock, except {@link #history} (the ring is thread-safe on its own).
 */
public final class OrderViews {

    private final OrderState state;

    public OrderViews(OrderState state, MeterRegistry registry) {
        this.state = state;
        Gauge.builder("steadystate.order.open.positions", this, OrderViews::countOpenPositions)
                .description("Positions with a non-zero quantity")
                .register(registry);
    }

    /** The order's current state while open, else its last state in history; empty when neither knows it. */
    public Optional<OrderEvent> find(String orderId) {
        Bracket b = state.openBracket(Bracket.entryIdOf(orderId));
        if (b != null && b.leg(orderId) != null) {
            return Optional.of(b.event(b.leg(orderId)));
        }
        List<OrderEvent> closed =
                state.historyRing().newest(0, 1, e -> e.orderId().equals(orderId));
        return closed.isEmpty() ? Optional.empty() : Optional.of(closed.get(0));
    }

    /** Live orders (every non-terminal leg), skipping {@code offset}, at most {@code limit}. */
    public List<OrderEvent> openOrders(int offset, int limit) {
        List<OrderEvent> page = new ArrayList<>(Math.min(limit, 64));
        int[] skipped = {0};
        try {
            state.forEachOpenBracket((id, b) -> {
                for (Leg leg : new Leg[] {b.entry, b.stopLoss, b.takeProfit}) {
                    if (leg.isLive()) {
                        if (page.size() >= limit) {
                            throw PageFull.INSTANCE;
                        }
                        if (skipped[0]++ >= offset) {
                            page.add(b.event(leg));
                        }
                    }
                }
            });
        } catch (PageFull full) {
            // page complete: stop iterating early so a request costs O(offset + limit)
        }
        return page;
    }

    public List<OrderEvent> history(int offset, int limit) {
        return state.historyRing().newest(offset, limit, e -> true);
    }

    public List<Position> positions(int offset, int limit) {
        List<Position> page = new ArrayList<>(Math.min(limit, 64));
        int[] skipped = {0};
        try {
            state.forEachPosition((key, p) -> {
                if (page.size() >= limit) {
                    throw PageFull.INSTANCE;
                }
                if (skipped[0]++ >= offset) {
                    page.add(p.snapshot());
                }
            });
        } catch (PageFull full) {
            // page complete
        }
        return page;
    }

    public PnlSummary pnl() {
        double[] sums = new double[2];
        int[] counts = new int[2];
        state.forEachPosition((key, p) -> {
            sums[0] += p.realisedPnl();
            sums[1] += p.unrealisedPnl();
            counts[0]++;
            if (!p.isFlat()) {
                counts[1]++;
            }
        });
        return new PnlSummary(sums[0], sums[1], sums[0] + sums[1], counts[0], counts[1]);
    }

    private double countOpenPositions() {
        int[] n = {0};
        state.forEachPosition((k, p) -> {
            if (!p.isFlat()) {
                n[0]++;
            }
        });
        return n[0];
    }

    /** Stops a page iteration early; preallocated and stackless so it costs nothing. */
    private static final class PageFull extends RuntimeException {
        static final PageFull INSTANCE = new PageFull();

        private PageFull() {
            super("page full", null, false, false);
        }
    }
}
