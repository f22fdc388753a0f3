package io.steadystate.core.time;

import com.github.benmanes.caffeine.cache.Ticker;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulated clock of one service instance: the latest event time it has seen. Idle expiry, daily resets
 * and weekly windows run on this clock, so replaying 20 trading days in 20 minutes runs every clean-up path
 * 20 times. It never moves backwards: a late event does not rewind it. It does not judge how far an event
 * may move it forward — {@link EventTimeGuard} does, before the event is applied.
 *
 * <p>As a Caffeine {@link Ticker} it lets bounded stores expire idle entries on event time.
 */
public final class EventClock implements Ticker {

    private final AtomicLong nowMillis = new AtomicLong(Long.MIN_VALUE);

    /** Moves the clock to {@code eventTimeMillis} if that is later; returns the clock after the move. */
    public long advanceTo(long eventTimeMillis) {
        long current = nowMillis.get();
        while (eventTimeMillis > current) {
            if (nowMillis.compareAndSet(current, eventTimeMillis)) {
                return eventTimeMillis;
            }
            current = nowMillis.get();
        }
        return current;
    }

    /** Event time in epoch millis, or {@link Long#MIN_VALUE} before the first event. */
    public long nowMillis() {
        return nowMillis.get();
    }

    public boolean hasStarted() {
        return nowMillis.get() != Long.MIN_VALUE;
    }

    /**
     * Nanoseconds for Caffeine; 0 until the first event so nothing expires before time starts. Saturates instead
     * of overflowing: epoch millis beyond year 2262 would wrap to a negative nano time and make every entry look
     * idle for centuries (or never).
     */
    @Override
    public long read() {
        long now = nowMillis.get();
        if (now == Long.MIN_VALUE) {
            return 0;
        }
        long high = Math.multiplyHigh(now, 1_000_000L);
        long low = now * 1_000_000L;
        if (high != (low >> 63)) {
            return now > 0 ? Long.MAX_VALUE : Long.MIN_VALUE + 1;
        }
        return low;
    }
}
