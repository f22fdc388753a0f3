package io.steadystate.order.orders;

import io.steadystate.core.time.EventClock;
import io.steadystate.core.time.EventTimeGuard;

/**
 * This instance's event clock and the rule every record's event time must pass before it moves anything
 * (trading-core {@link EventTimeGuard}): a record dated a century ahead must not expire every symbol, push the
 * rate limiter's refill time away or overflow the clock. The clock drives the idle expiry of {@link OrderState}'s
 * stores, and only moves forward. Not thread-safe: runs under the {@code OrderEngine} lock.
 */
public final class EventTime {

    private final EventClock clock = new EventClock();
    private final EventTimeGuard guard;

    public EventTime(EventTimeGuard guard) {
        this.guard = guard;
    }

    /** Throws {@link IllegalArgumentException} (the record is dead-lettered) when {@code eventTime} is implausible. */
    public void refuseImplausible(long eventTime, String what) {
        String problem = guard.problemWith(eventTime, clock);
        if (problem != null) {
            throw new IllegalArgumentException(what + " refused, nothing changed: " + problem);
        }
    }

    /**
     * Why a time recovered from order.events must not start the clock (outside the window: a far-future time left
     * by an earlier, unguarded run); null when it may. Judged by the window only: there is no clock yet to step from.
     */
    String problemWithRecovered(long latestEventTime) {
        return guard.problemWith(latestEventTime, Long.MIN_VALUE);
    }

    public void advanceTo(long eventTime) {
        clock.advanceTo(eventTime);
    }

    /** The clock's time, 0 before the first event (a cancel on an instance that has seen nothing). */
    public long nowOrZero() {
        return clock.hasStarted() ? clock.nowMillis() : 0;
    }

    public EventClock clock() {
        return clock;
    }
}
