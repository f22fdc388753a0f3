package io.steadystate.strategy.ingest;

import io.steadystate.core.event.MarketEvent;

/**
 * Domain checks beyond what decoding enforces (records already refuse NaN/negative prices, bad symbols): event
 * time must be a plausible epoch millis, since idle expiry and bar boundaries run on it and the clock never rewinds.
 */
final class EventValidation {

    /** 2000-01-01 .. 2200-01-01 in epoch millis. */
    static final long EARLIEST = 946_684_800_000L;
    static final long LATEST = 7_258_118_400_000L;

    private EventValidation() {
    }

    static String problemWith(MarketEvent event) {
        long t = event.eventTime();
        if (t < EARLIEST || t > LATEST) {
            return "eventTime " + t + " outside 2000..2200";
        }
        return null;
    }
}
