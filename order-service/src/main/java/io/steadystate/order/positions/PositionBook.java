package io.steadystate.order.positions;

import io.steadystate.core.event.Position;
import io.steadystate.core.event.Side;

/**
 * The mutable position of one (symbol, slot): signed quantity, average entry price, realised PnL, and the
 * last price for unrealised PnL. Owned by the engine (touched under its lock only); snapshots are immutable
 * {@link Position} records.
 */
public final class PositionBook {

    private final String symbol;
    private final int slotId;
    private double quantity;
    private double averagePrice;
    private double realisedPnl;
    private double lastPrice;
    private long eventTime;

    public PositionBook(String symbol, int slotId) {
        this.symbol = symbol;
        this.slotId = slotId;
    }

    public static PositionBook of(Position p) {
        PositionBook book = new PositionBook(p.symbol(), p.slotId());
        book.quantity = p.quantity();
        book.averagePrice = p.averagePrice();
        book.realisedPnl = p.realisedPnl();
        book.lastPrice = p.lastPrice();
        book.eventTime = p.eventTime();
        return book;
    }

    /**
     * Applies a fill. Adding to the position moves the average; reducing it realises
     * (price − average) × closed quantity × direction; crossing zero opens the rest at the fill price.
     */
    public void apply(Side side, double qty, double price, long time) {
        double signed = side.sign() * qty;
        if (quantity == 0 || Math.signum(quantity) == Math.signum(signed)) {
            double abs = Math.abs(quantity);
            averagePrice = (abs * averagePrice + qty * price) / (abs + qty);
            quantity += signed;
        } else {
            double closing = Math.min(Math.abs(quantity), qty);
            realisedPnl += closing * (price - averagePrice) * Math.signum(quantity);
            double remaining = quantity + signed;
            if (Math.abs(remaining) < 1e-9) {
                quantity = 0;
                averagePrice = 0;
            } else if (Math.signum(remaining) != Math.signum(quantity)) {
                quantity = remaining;
                averagePrice = price;
            } else {
                quantity = remaining;
            }
        }
        lastPrice = price;
        eventTime = Math.max(eventTime, time);
    }

    /**
     * Why marking at {@code markPrice} and then applying this fill would leave a number that is not finite
     * (a quote near {@code Double.MAX_VALUE}); null when it would not. Mutates nothing: the engine asks before
     * it changes any state, so a step either completes or leaves everything as it was.
     */
    public String problemWithFill(Side side, double qty, double price, double markPrice) {
        PositionBook after = copy();
        after.mark(markPrice);
        after.apply(side, qty, price, eventTime);
        return after.problemWithValues();
    }

    /** Why marking at {@code price} would make the unrealised PnL not finite; null when it would not. */
    public String problemWithMark(double price) {
        double unrealised = quantity == 0 || price == 0 ? 0 : quantity * (price - averagePrice);
        return Double.isFinite(unrealised)
                ? null
                : "marking " + key() + " at " + price + " makes its unrealised PnL " + unrealised;
    }

    private String problemWithValues() {
        double unrealised = unrealisedPnl();
        if (Double.isFinite(quantity)
                && Double.isFinite(averagePrice)
                && Double.isFinite(realisedPnl)
                && Double.isFinite(unrealised)) {
            return null;
        }
        return "position " + key() + " would become quantity=" + quantity + " average=" + averagePrice + " realised="
                + realisedPnl + " unrealised=" + unrealised;
    }

    private PositionBook copy() {
        PositionBook c = new PositionBook(symbol, slotId);
        c.quantity = quantity;
        c.averagePrice = averagePrice;
        c.realisedPnl = realisedPnl;
        c.lastPrice = lastPrice;
        c.eventTime = eventTime;
        return c;
    }

    public void mark(double price) {
        lastPrice = price;
    }

    public double unrealisedPnl() {
        return quantity == 0 || lastPrice == 0 ? 0 : quantity * (lastPrice - averagePrice);
    }

    public boolean isFlat() {
        return quantity == 0;
    }

    public double quantity() {
        return quantity;
    }

    public double realisedPnl() {
        return realisedPnl;
    }

    public double lastPrice() {
        return lastPrice;
    }

    public String symbol() {
        return symbol;
    }

    public int slotId() {
        return slotId;
    }

    public String key() {
        return Position.keyOf(symbol, slotId);
    }

    public Position snapshot() {
        return new Position(symbol, slotId, quantity, averagePrice, realisedPnl, unrealisedPnl(), lastPrice, eventTime);
    }
}
