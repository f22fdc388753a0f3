package io.steadystate.order.orders;

import io.steadystate.core.event.StrategySlot;
import io.steadystate.order.positions.PositionBook;

/**
 * Everything the engine holds for one symbol: the last quote, and per strategy slot (fixed 7×3 = 21 cells)
 * at most one open bracket and one position. Retiring the symbol (delisting, idle expiry) removes it all in
 * one call. The arrays are fixed-size, never grown: "one open bracket per slot" is their shape.
 */
final class SymbolBook {
    final String symbol;
    final Bracket[] brackets = new Bracket[StrategySlot.COUNT];
    final PositionBook[] positions = new PositionBook[StrategySlot.COUNT];
    double lastPrice;
    long lastEventTime;

    SymbolBook(String symbol) {
        this.symbol = symbol;
    }

    boolean hasPrice() {
        return lastPrice > 0;
    }
}
