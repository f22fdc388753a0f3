package io.steadystate.order.execution;

import io.steadystate.core.event.OrderType;
import io.steadystate.core.event.StrategySlot;
import io.steadystate.core.event.Tick;
import io.steadystate.order.orders.Bracket;
import io.steadystate.order.orders.Leg;
import io.steadystate.order.orders.SymbolBook;
import io.steadystate.order.positions.PositionBook;
import java.util.Arrays;

/**
 * What one tick will do to one symbol's 21 slots — which leg fills at which price — decided and checked
 * <em>before</em> {@link TickExecution} changes anything. A tick that would produce a number an order event or a position
 * cannot hold (an ask near {@code Double.MAX_VALUE} slips to an infinite fill price, an infinite notional or
 * PnL) is refused whole: no leg moves, no position changes, no clock moves, and the caller dead-letters it.
 *
 * <p>Fill rules per slot (unchanged from the engine's): a live entry is tried first and, filled or not, ends the
 * slot's step (the children work from the next tick on); otherwise the stop-loss, then the take-profit.
 *
 * <p>One instance per {@link TickExecution}, reused under the engine lock: two fixed arrays, no allocation per tick (a fill
 * allocates one position copy to check it).
 */
final class TickPlan {

    private static final int SLOTS = StrategySlot.COUNT;

    private final FillModel fills;
    private final Leg[] filling = new Leg[SLOTS];
    private final double[] prices = new double[SLOTS];

    TickPlan(FillModel fills) {
        this.fills = fills;
    }

    /** Plans {@code t} against {@code book} (null: a symbol without a book, nothing to fill); returns why not, or null. */
    String plan(SymbolBook book, Tick t) {
        Arrays.fill(filling, null);
        if (book == null) {
            return null;
        }
        for (int i = 0; i < SLOTS; i++) {
            Bracket b = book.bracket(i);
            PositionBook p = book.position(i);
            Leg leg = b == null ? null : legFilling(b, t, i);
            String problem = leg != null
                    ? problemWithFill(b, leg, prices[i], p, t.price())
                    : p != null ? p.problemWithMark(t.price()) : null;
            if (problem != null) {
                Arrays.fill(filling, null);
                return problem;
            }
            filling[i] = leg;
        }
        return null;
    }

    /** The leg of slot {@code i} the planned tick fills, or null. */
    Leg filling(int i) {
        return filling[i];
    }

    /** The planned fill price of slot {@code i} (meaningful only when {@link #filling} is not null). */
    double price(int i) {
        return prices[i];
    }

    private Leg legFilling(Bracket b, Tick t, int i) {
        if (b.entry.isLive()) {
            return fillsAt(b.entry, fills.fillPrice(b.entry.side, b.entry.type, b.entry.level, t), i);
        }
        if (b.stopLoss.isLive()) {
            Leg sl = fillsAt(b.stopLoss, fills.fillPrice(b.stopLoss.side, OrderType.STOP, b.stopLoss.level, t), i);
            if (sl != null) {
                return sl;
            }
        }
        if (b.takeProfit.isLive()) {
            return fillsAt(b.takeProfit, fills.fillPrice(b.takeProfit.side, OrderType.LIMIT, b.takeProfit.level, t), i);
        }
        return null;
    }

    private Leg fillsAt(Leg leg, double price, int i) {
        if (Double.isNaN(price)) {
            return null;
        }
        prices[i] = price;
        return leg;
    }

    private static String problemWithFill(Bracket b, Leg leg, double price, PositionBook position, double markPrice) {
        if (!(price > 0) || Double.isInfinite(price)) {
            return "fill of " + leg.id + " would be at " + price + ": not a positive finite price";
        }
        double notional = leg.quantity * price;
        if (Double.isInfinite(notional)) {
            return "fill of " + leg.id + " at " + price + " has an infinite notional";
        }
        PositionBook p = position != null ? position : new PositionBook(b.symbol, b.slotId);
        return p.problemWithFill(leg.side, leg.quantity, price, markPrice);
    }
}
