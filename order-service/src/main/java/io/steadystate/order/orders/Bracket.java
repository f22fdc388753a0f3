package io.steadystate.order.orders;

import io.steadystate.core.event.OrderCommand;
import io.steadystate.core.event.OrderEvent;
import io.steadystate.core.event.OrderRole;
import io.steadystate.core.event.OrderStatus;
import io.steadystate.core.event.OrderType;
import io.steadystate.core.event.Side;
import io.steadystate.core.event.StrategySlot;
import io.steadystate.core.event.TimeInForce;

/**
 * An entry order with its stop-loss and take-profit children, linked OCO. Lives in the open-bracket store
 * from acceptance until every leg is terminal, and in its symbol's slot array for the same time.
 *
 * <p>Lifecycle: entry ACCEPTED, children PENDING → entry FILLED, children WORKING → one child FILLED, the
 * other CANCELLED (OCO) → bracket closed. Or, before the fill: cancel / DAY expiry / kill switch /
 * delisting cancel or expire all three. The time in force governs the entry; once it has filled the
 * children stay until one of them fills (or the bracket is cancelled), so a position is closed by its bracket.
 *
 * <p>Identity fields are public and final (read on the per-tick path by execution and intake); what changes — the
 * legs' status — changes only through {@link Leg}'s methods, and the store entry only through {@link OrderState}.
 */
public final class Bracket {
    public final String entryId;
    public final String signalId;
    public final String symbol;
    public final int slotId;
    public final int slotIndex;
    public final TimeInForce timeInForce;
    public final Leg entry;
    public final Leg stopLoss;
    public final Leg takeProfit;
    /** The symbol book whose slot array holds this bracket (cleared when the bracket leaves the store). */
    public final SymbolBook book;

    private Bracket(
            String entryId,
            String signalId,
            String symbol,
            int slotId,
            TimeInForce tif,
            Leg entry,
            Leg stopLoss,
            Leg takeProfit,
            SymbolBook book) {
        this.entryId = entryId;
        this.signalId = signalId;
        this.symbol = symbol;
        this.slotId = slotId;
        this.slotIndex = StrategySlot.ofId(slotId).index();
        this.timeInForce = tif;
        this.entry = entry;
        this.stopLoss = stopLoss;
        this.takeProfit = takeProfit;
        this.book = book;
    }

    public static Bracket accepted(OrderCommand c, SymbolBook book, long eventTime, long originMicros) {
        Side exit = c.side().opposite();
        String id = c.orderId();
        return new Bracket(
                id,
                c.signalId(),
                c.symbol(),
                c.slotId(),
                c.timeInForce(),
                new Leg(
                        id,
                        OrderRole.ENTRY,
                        c.side(),
                        c.type(),
                        c.quantity(),
                        c.type() == OrderType.MARKET ? 0 : c.limitPrice(),
                        OrderStatus.ACCEPTED,
                        eventTime,
                        originMicros),
                new Leg(
                        OrderCommand.childId(id, OrderRole.STOP_LOSS),
                        OrderRole.STOP_LOSS,
                        exit,
                        OrderType.STOP,
                        c.quantity(),
                        c.stopLoss(),
                        OrderStatus.PENDING,
                        eventTime,
                        originMicros),
                new Leg(
                        OrderCommand.childId(id, OrderRole.TAKE_PROFIT),
                        OrderRole.TAKE_PROFIT,
                        exit,
                        OrderType.LIMIT,
                        c.quantity(),
                        c.takeProfit(),
                        OrderStatus.PENDING,
                        eventTime,
                        originMicros),
                book);
    }

    /**
     * Rebuilt from the compacted open-order topic. A missing entry record with children present means the
     * entry had filled (its tombstone was written): the children are working.
     */
    static Bracket recovered(OrderEvent entry, OrderEvent sl, OrderEvent tp, SymbolBook book) {
        OrderEvent any = entry != null ? entry : sl != null ? sl : tp;
        Side entrySide = entry != null ? entry.side() : any.side().opposite();
        Side exit = entrySide.opposite();
        double qty = any.quantity();
        Leg e = entry != null
                ? new Leg(
                        entry.orderId(),
                        OrderRole.ENTRY,
                        entry.side(),
                        entry.type(),
                        qty,
                        entry.triggerPrice(),
                        entry.status(),
                        entry.eventTime(),
                        entry.originMicros())
                : new Leg(
                        any.entryId(),
                        OrderRole.ENTRY,
                        entrySide,
                        OrderType.MARKET,
                        qty,
                        0,
                        OrderStatus.FILLED,
                        any.eventTime(),
                        any.originMicros());
        OrderStatus childStatus = entry != null ? OrderStatus.PENDING : OrderStatus.WORKING;
        Leg s = child(sl, any, OrderRole.STOP_LOSS, OrderType.STOP, exit, qty, childStatus);
        Leg t = child(tp, any, OrderRole.TAKE_PROFIT, OrderType.LIMIT, exit, qty, childStatus);
        return new Bracket(any.entryId(), any.signalId(), any.symbol(), any.slotId(), any.timeInForce(), e, s, t, book);
    }

    private static Leg child(
            OrderEvent e, OrderEvent any, OrderRole role, OrderType type, Side side, double qty, OrderStatus status) {
        if (e == null) {
            // the sibling's record was lost in the crash window: it cannot be rebuilt, so treat it as cancelled
            Leg gone = new Leg(
                    OrderCommand.childId(any.entryId(), role),
                    role,
                    side,
                    type,
                    qty,
                    0,
                    OrderStatus.CANCELLED,
                    any.eventTime(),
                    0);
            gone.reason = "lost in recovery";
            return gone;
        }
        return new Leg(e.orderId(), role, side, type, qty, e.triggerPrice(), status, e.eventTime(), e.originMicros());
    }

    public boolean isClosed() {
        return !entry.isLive() && !stopLoss.isLive() && !takeProfit.isLive();
    }

    public Leg leg(String orderId) {
        if (entry.id.equals(orderId)) {
            return entry;
        }
        if (stopLoss.id.equals(orderId)) {
            return stopLoss;
        }
        return takeProfit.id.equals(orderId) ? takeProfit : null;
    }

    public OrderEvent event(Leg leg) {
        return new OrderEvent(
                leg.id,
                entryId,
                signalId,
                symbol,
                slotId,
                leg.role,
                leg.status,
                leg.side,
                leg.type,
                timeInForce,
                leg.quantity,
                leg.level,
                leg.fillPrice,
                leg.reason,
                leg.eventTime,
                leg.originMicros);
    }

    /** The bracket's entry id for any of its order ids ({@code X}, {@code X/SL}, {@code X/TP}). */
    public static String entryIdOf(String orderId) {
        if (orderId.endsWith("/SL") || orderId.endsWith("/TP")) {
            return orderId.substring(0, orderId.length() - 3);
        }
        return orderId;
    }
}
