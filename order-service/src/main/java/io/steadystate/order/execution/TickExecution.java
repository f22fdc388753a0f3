package io.steadystate.order.execution;

import io.steadystate.core.event.OrderEvent;
import io.steadystate.core.event.OrderRole;
import io.steadystate.core.event.OrderStatus;
import io.steadystate.core.event.StrategySlot;
import io.steadystate.core.event.Tick;
import io.steadystate.order.events.OrderSink;
import io.steadystate.order.orders.Bracket;
import io.steadystate.order.orders.Leg;
import io.steadystate.order.orders.OrderMetrics;
import io.steadystate.order.orders.OrderState;
import io.steadystate.order.orders.SymbolBook;
import io.steadystate.order.positions.PositionBook;
import java.util.function.LongSupplier;

/**
 * Ticks execute brackets: an entry fill makes its children work (from the next tick on), a stop-loss or take-profit
 * fill cancels its sibling (OCO) and closes the bracket ({@link OrderState#close}); positions follow every fill and
 * are marked on every tick. Not thread-safe: runs under the {@code OrderEngine} lock.
 */
public final class TickExecution {

    private static final int SLOTS = StrategySlot.COUNT;

    private final OrderState state;
    private final TickPlan tickPlan;
    private final OrderSink sink;
    private final OrderMetrics metrics;
    private final LongSupplier wallMicros;

    public TickExecution(
            OrderState state, FillModel fills, OrderSink sink, OrderMetrics metrics, LongSupplier wallMicros) {
        this.state = state;
        this.tickPlan = new TickPlan(fills);
        this.sink = sink;
        this.metrics = metrics;
        this.wallMicros = wallMicros;
    }

    /**
     * The hot path: one symbol's 21 slots, no allocation unless something fills. Planned and checked first
     * ({@link TickPlan}), so a tick either completes or changes nothing (throws {@link IllegalArgumentException}).
     * The caller has checked the event time.
     */
    public void onTick(Tick t) {
        SymbolBook book = state.peekSymbol(t.symbol()); // quiet: a refused tick must not count as the symbol's activity
        String problem = tickPlan.plan(book, t);
        if (problem != null) {
            throw new IllegalArgumentException("tick of " + t.symbol() + " refused, nothing changed: " + problem);
        }
        if (book == null) {
            state.refuseWhenFull(t.symbol());
        }
        state.time().advanceTo(t.eventTime());
        book = state.symbolFor(t.symbol());
        metrics.tick();
        book.quote(t.price(), t.eventTime());
        for (int i = 0; i < SLOTS; i++) {
            PositionBook p = book.position(i);
            if (p != null) {
                p.mark(t.price());
            }
            Leg leg = tickPlan.filling(i);
            if (leg == null) {
                continue;
            }
            Bracket b = book.bracket(i);
            if (leg == b.entry) {
                fillEntry(b, tickPlan.price(i), t); // the children work from the next tick on
            } else {
                fillChild(b, leg, leg == b.stopLoss ? b.takeProfit : b.stopLoss, tickPlan.price(i), t);
            }
        }
    }

    private void fillEntry(Bracket b, double price, Tick t) {
        long origin = t.originMicros();
        b.entry.fill(price, t.eventTime(), origin);
        b.stopLoss.moveTo(OrderStatus.WORKING, "", t.eventTime(), origin);
        b.takeProfit.moveTo(OrderStatus.WORKING, "", t.eventTime(), origin);
        state.emit(b, b.entry);
        metrics.fill(OrderRole.ENTRY);
        metrics.tickToOrder(origin, wallMicros.getAsLong());
        OrderEvent sl = state.emit(b, b.stopLoss);
        OrderEvent tp = state.emit(b, b.takeProfit);
        sink.position(state.applyFill(b, b.entry.side, b.entry.quantity, price, t.eventTime()));
        sink.openOrderClosed(b.entry.id, b.symbol);
        sink.openOrder(sl);
        sink.openOrder(tp);
    }

    private void fillChild(Bracket b, Leg filled, Leg sibling, double price, Tick t) {
        long origin = t.originMicros();
        filled.fill(price, t.eventTime(), origin);
        sibling.moveTo(
                OrderStatus.CANCELLED,
                "oco: " + OrderMetrics.lower(filled.role.name()) + " filled",
                t.eventTime(),
                origin);
        state.emit(b, filled);
        metrics.fill(filled.role);
        metrics.tickToOrder(origin, wallMicros.getAsLong());
        state.emit(b, sibling);
        sink.position(state.applyFill(b, filled.side, filled.quantity, price, t.eventTime()));
        sink.openOrderClosed(filled.id, b.symbol);
        sink.openOrderClosed(sibling.id, b.symbol);
        state.close(b);
    }
}
