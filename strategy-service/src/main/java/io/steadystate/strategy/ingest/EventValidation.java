package io.steadystate.strategy.ingest;

import io.steadystate.core.event.MarketEvent;
import io.steadystate.core.time.EventTimeGuard;
import io.steadystate.strategy.symbol.SymbolBook;

/**
 * Domain checks beyond what decoding enforces (records already refuse NaN/negative prices, bad symbols): event
 * time must be a plausible epoch millis and must not jump far ahead of this instance's clock, since idle expiry
 * and bar boundaries run on it and the clock never rewinds (trading-core {@link EventTimeGuard}).
 */
final class EventValidation {

    /** The guard's absolute window, 2000-01-01 .. 2100-01-01 in epoch millis. */
    static final long EARLIEST = EventTimeGuard.DEFAULT_FLOOR;

    static final long LATEST = EventTimeGuard.DEFAULT_CEILING;

    private EventValidation() {}

    /** The absolute window only: what can be said without the clock (e.g. of the first event). */
    static String problemWith(MarketEvent event) {
        long t = event.eventTime();
        if (t < EARLIEST || t >= LATEST) {
            return "eventTime " + t + " outside 2000..2100";
        }
        return null;
    }

    /** The full rule against {@code book}'s clock: the window and the bounded forward step. */
    static String problemWith(MarketEvent event, SymbolBook book) {
        return book.problemWith(event);
    }
}
