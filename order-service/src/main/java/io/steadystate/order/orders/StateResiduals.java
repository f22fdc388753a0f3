package io.steadystate.order.orders;

import io.steadystate.core.event.StrategySlot;
import io.steadystate.core.state.BoundedStore;
import io.steadystate.order.positions.PositionBook;
import java.util.ArrayList;
import java.util.List;

/**
 * The residual check of {@link OrderState} (after NautilusTrader's {@code Cache.check_residuals}): the slot arrays
 * of the symbol books mirror two stores, and every way in or out must change both. Finds an open bracket whose
 * symbol is gone or whose slot forgot it, a closed bracket still stored, a slot pointing at a bracket or position
 * the store does not hold, a position its symbol book does not hold. Read-only: {@code peek}, never {@code get}.
 */
final class StateResiduals {

    /** At most this many problems are reported: enough to see the pattern, bounded whatever the state. */
    static final int MAX_PROBLEMS = 20;

    private final BoundedStore<String, SymbolBook> symbols;
    private final BoundedStore<String, Bracket> openBrackets;
    private final BoundedStore<String, PositionBook> positions;

    StateResiduals(
            BoundedStore<String, SymbolBook> symbols,
            BoundedStore<String, Bracket> openBrackets,
            BoundedStore<String, PositionBook> positions) {
        this.symbols = symbols;
        this.openBrackets = openBrackets;
        this.positions = positions;
    }

    List<String> find() {
        List<String> problems = new ArrayList<>(); // at most MAX_PROBLEMS (report)
        openBrackets.forEach((id, b) -> {
            if (symbols.peek(b.symbol) != b.book) {
                report(
                        problems,
                        "open bracket " + id + " belongs to a symbol book that is not in " + OrderState.SYMBOLS);
            } else if (b.book.brackets[b.slotIndex] != b) {
                report(problems, "open bracket " + id + " is not in slot " + b.slotId + " of " + b.symbol);
            }
            if (b.isClosed()) {
                report(problems, "bracket " + id + " is closed but still in " + OrderState.OPEN_BRACKETS);
            }
        });
        positions.forEach((key, p) -> {
            SymbolBook book = symbols.peek(p.symbol());
            if (book == null || book.positions[StrategySlot.ofId(p.slotId()).index()] != p) {
                report(problems, "position " + key + " is not held by its symbol book");
            }
        });
        symbols.forEach((symbol, book) -> {
            for (int i = 0; i < StrategySlot.COUNT; i++) {
                Bracket b = book.brackets[i];
                if (b != null && openBrackets.peek(b.entryId) != b) {
                    report(
                            problems,
                            symbol + " slot index " + i + " points at " + b.entryId + ", not in "
                                    + OrderState.OPEN_BRACKETS);
                }
                PositionBook p = book.positions[i];
                if (p != null && positions.peek(p.key()) != p) {
                    report(
                            problems,
                            symbol + " slot index " + i + " holds " + p.key() + ", not in " + OrderState.POSITIONS);
                }
            }
        });
        return problems;
    }

    private static void report(List<String> problems, String problem) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        }
    }
}
