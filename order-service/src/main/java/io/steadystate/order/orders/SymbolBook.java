package io.steadystate.order.orders;

import io.steadystate.core.event.StrategySlot;
import io.steadystate.order.positions.PositionBook;

/**
 * Everything order-service holds for one symbol: the last quote, and per strategy slot (fixed 7×3 = 21 cells)
 * at most one open bracket and one position. Retiring the symbol (delisting, idle expiry) removes it all in
 * one call. The arrays are fixed-size, never grown: "one open bracket per slot" is their shape.
 *
 * <p>The slot cells are written only by {@link OrderState}, together with the store entry they mirror, so a
 * cell and its store cannot disagree (see {@link OrderState#residuals()}); others read them.
 */
public final class SymbolBook {
    public final String symbol;
    final Bracket[] brackets = new Bracket[StrategySlot.COUNT];
    final PositionBook[] positions = new PositionBook[StrategySlot.COUNT];
    double lastPrice;
    long lastEventTime;

    SymbolBook(String symbol) {
        this.symbol = symbol;
    }

    public boolean hasPrice() {
        return lastPrice > 0;
    }

    public double lastPrice() {
        return lastPrice;
    }

    /** The open bracket of slot index {@code i} (0..20), or null. */
    public Bracket bracket(int i) {
        return brackets[i];
    }

    /** The position of slot index {@code i} (0..20), or null. */
    public PositionBook position(int i) {
        return positions[i];
    }

    /** A new quote (tick or listing): the last price, and the last event time, which only moves forward. */
    public void quote(double price, long eventTime) {
        lastPrice = price;
        lastEventTime = Math.max(lastEventTime, eventTime);
    }
}
