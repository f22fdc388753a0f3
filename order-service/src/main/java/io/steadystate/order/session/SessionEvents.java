package io.steadystate.order.session;

import io.steadystate.core.event.DayRolled;
import io.steadystate.core.event.MarketEvent;
import io.steadystate.core.event.OrderStatus;
import io.steadystate.core.event.SessionClosed;
import io.steadystate.core.event.SessionOpened;
import io.steadystate.core.event.SymbolDelisted;
import io.steadystate.core.event.SymbolListed;
import io.steadystate.core.event.TimeInForce;
import io.steadystate.order.orders.Bracket;
import io.steadystate.order.orders.OrderState;
import io.steadystate.order.orders.SymbolBook;

/**
 * The market events that are not ticks: a listing gives a symbol its book and quote, a delisting retires it with
 * everything it holds, a session close expires unfilled DAY entries, and every session event runs the idle expiry
 * of symbols and dedup ids (all on event time). Not thread-safe: runs under the {@code OrderEngine} lock.
 */
public final class SessionEvents {

    private final OrderState state;

    public SessionEvents(OrderState state) {
        this.state = state;
    }

    /** Applies {@code event} (any market event but a tick; its event time already checked) or refuses it whole. */
    public void apply(MarketEvent event) {
        if (event instanceof SymbolListed l && state.peekSymbol(l.symbol()) == null) {
            state.refuseWhenFull(l.symbol());
        }
        state.time().advanceTo(event.eventTime());
        if (event instanceof SymbolListed l) {
            SymbolBook book = state.symbolFor(l.symbol());
            book.quote(l.referencePrice(), l.eventTime());
        } else if (event instanceof SymbolDelisted d) {
            state.delist(d.symbol()); // symbolLeft does the clean-up
        } else if (event instanceof SessionClosed c) {
            expireDayOrders(c.eventTime());
            state.expireIdle();
        } else if (event instanceof SessionOpened || event instanceof DayRolled) {
            state.expireIdle();
        }
    }

    /** DAY entries that have not filled expire at the session close (event time); their children with them. */
    private void expireDayOrders(long closeTime) {
        for (Bracket b : state.openBrackets(b -> b.timeInForce == TimeInForce.DAY && b.entry.isLive())) {
            state.end(b, OrderStatus.EXPIRED, "day order expired at session close", closeTime);
        }
    }
}
