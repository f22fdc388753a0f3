package io.steadystate.order.orders;

import io.steadystate.core.event.OrderEvent;
import io.steadystate.core.event.Position;
import io.steadystate.order.positions.PositionBook;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Turns what {@code recovery.StateRecovery} read from the compacted topics into {@link OrderState} entries: live
 * orders from order.open-orders (regrouped into brackets), positions from order.positions, recently seen order
 * ids (id → symbol) from the tail of order.events. Only ever given symbols the state does not hold: their owner
 * was another instance, or nobody. Not refused at capacity: restoring must not drop state.
 */
final class StateRestore {

    private static final Logger LOG = Logger.getLogger(StateRestore.class);

    private final OrderState state;
    private final EventTime time;

    StateRestore(OrderState state, EventTime time) {
        this.state = state;
        this.time = time;
    }

    void restore(
            Collection<OrderEvent> openOrders,
            Collection<Position> positionSnapshots,
            Map<String, String> recentlySeenOrderIds,
            long latestEventTime) {
        if (latestEventTime != Long.MIN_VALUE) {
            String problem = time.problemWithRecovered(latestEventTime);
            if (problem == null) {
                time.advanceTo(latestEventTime);
            } else {
                LOG.warnf("recovered event time ignored, clock not moved: %s", problem);
            }
        }
        for (Position p : positionSnapshots) {
            SymbolBook book = state.symbolFor(p.symbol());
            if (p.lastPrice() > 0) {
                book.lastPrice = p.lastPrice();
            }
            state.restored(book, PositionBook.of(p));
        }
        Map<String, OrderEvent[]> byEntry = new HashMap<>(); // local: gone when recovery returns
        for (OrderEvent e : openOrders) {
            byEntry.computeIfAbsent(e.entryId(), k -> new OrderEvent[3])[
                    e.role().ordinal()] = e;
        }
        for (OrderEvent[] legs : byEntry.values()) {
            OrderEvent any = legs[0] != null ? legs[0] : legs[1] != null ? legs[1] : legs[2];
            SymbolBook book = state.symbolFor(any.symbol());
            if (!book.hasPrice() && any.triggerPrice() > 0) {
                book.lastPrice = any.triggerPrice(); // a rough quote until the first tick; only used by REST checks
            }
            state.open(Bracket.recovered(legs[0], legs[1], legs[2], book)); // the store, its slot, its seen id
        }
        recentlySeenOrderIds.forEach(state::restoredSeenId);
        LOG.infof(
                "restored %d open brackets, %d positions, %d recently seen order ids",
                byEntry.size(), positionSnapshots.size(), recentlySeenOrderIds.size());
    }
}
