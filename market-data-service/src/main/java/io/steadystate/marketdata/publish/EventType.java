package io.steadystate.marketdata.publish;

import io.steadystate.core.event.DayRolled;
import io.steadystate.core.event.MarketEvent;
import io.steadystate.core.event.SessionClosed;
import io.steadystate.core.event.SessionOpened;
import io.steadystate.core.event.SymbolDelisted;
import io.steadystate.core.event.SymbolListed;
import io.steadystate.core.event.Tick;

/** The {@code type} tag of {@code steadystate_marketdata_events_published_total} (docs/CONTRACTS.md). */
public enum EventType {
    TICK("tick"),
    LISTED("listed"),
    DELISTED("delisted"),
    SESSION_OPENED("session_opened"),
    SESSION_CLOSED("session_closed"),
    DAY_ROLLED("day_rolled");

    public final String tag;

    EventType(String tag) {
        this.tag = tag;
    }

    public static EventType of(MarketEvent event) {
        // Tick first: it is 99.9% of the stream
        if (event instanceof Tick) {
            return TICK;
        } else if (event instanceof SymbolListed) {
            return LISTED;
        } else if (event instanceof SymbolDelisted) {
            return DELISTED;
        } else if (event instanceof SessionOpened) {
            return SESSION_OPENED;
        } else if (event instanceof SessionClosed) {
            return SESSION_CLOSED;
        } else if (event instanceof DayRolled) {
            return DAY_ROLLED;
        }
        throw new IllegalArgumentException("unknown market event " + event);
    }
}
