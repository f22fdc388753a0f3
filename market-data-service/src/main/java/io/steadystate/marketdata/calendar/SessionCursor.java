package io.steadystate.marketdata.calendar;

import io.steadystate.core.event.DayRolled;
import io.steadystate.core.event.MarketEvent;
import io.steadystate.core.event.SessionClosed;
import io.steadystate.core.event.SessionOpened;
import java.util.function.Consumer;

/**
 * Where the simulated clock stands in the {@link SessionCalendar}, and the session events due as it moves.
 * Both the simulation and the CSV replay move it with {@link #advanceTo}, so both emit the same sequence:
 * {@code SessionOpened(d)} at open, {@code SessionClosed(d)} at close, {@code DayRolled(next)} at midnight of
 * the next trading day (weekends skipped), then {@code SessionOpened(next)}. Event times never go backwards.
 */
public final class SessionCursor {

    public enum Phase {
        BEFORE_OPEN,
        OPEN,
        CLOSED
    }

    private final SessionCalendar calendar;
    private long tradingDay;
    private Phase phase = Phase.BEFORE_OPEN;
    private long sessionsClosed;

    public SessionCursor(SessionCalendar calendar, long firstCalendarDay) {
        this.calendar = calendar;
        this.tradingDay = SessionCalendar.tradingDayOnOrAfter(firstCalendarDay);
    }

    /**
     * A cursor placed where a stream whose latest event is at {@code lastEventMillis} stands, without emitting
     * what that stream already carried: the next session event it emits is strictly later. Inside a session
     * it is OPEN (no second SessionOpened); after a close it is CLOSED until the next day roll; on a trading
     * day before its open (the day roll at midnight was published) it waits for that open.
     */
    public static SessionCursor resumedAfter(SessionCalendar calendar, long lastEventMillis) {
        long day = SessionCalendar.epochDayOf(lastEventMillis);
        SessionCursor cursor;
        if (!SessionCalendar.isTradingDay(day)) {
            long previous = day - 1;
            while (!SessionCalendar.isTradingDay(previous)) {
                previous--;
            }
            cursor = new SessionCursor(calendar, previous);
            cursor.phase = Phase.CLOSED;
        } else {
            cursor = new SessionCursor(calendar, day);
            if (lastEventMillis >= calendar.closeMillis(day)) {
                cursor.phase = Phase.CLOSED;
            } else if (lastEventMillis >= calendar.openMillis(day)) {
                cursor.phase = Phase.OPEN;
            }
        }
        return cursor;
    }

    /** Emits, in time order, every session event with an event time at or before {@code epochMillis}. */
    public void advanceTo(long epochMillis, Consumer<? super MarketEvent> sink) {
        while (true) {
            switch (phase) {
                case BEFORE_OPEN -> {
                    long open = calendar.openMillis(tradingDay);
                    if (epochMillis < open) {
                        return;
                    }
                    phase = Phase.OPEN;
                    sink.accept(new SessionOpened(open, (int) tradingDay));
                }
                case OPEN -> {
                    long close = calendar.closeMillis(tradingDay);
                    if (epochMillis < close) {
                        return;
                    }
                    phase = Phase.CLOSED;
                    sessionsClosed++;
                    sink.accept(new SessionClosed(close, (int) tradingDay));
                }
                case CLOSED -> {
                    long next = SessionCalendar.nextTradingDay(tradingDay);
                    long midnight = SessionCalendar.midnightMillis(next);
                    if (epochMillis < midnight) {
                        return;
                    }
                    tradingDay = next;
                    phase = Phase.BEFORE_OPEN;
                    sink.accept(new DayRolled(midnight, (int) next));
                }
            }
        }
    }

    /** When the next session opens: the current day's open before it, else the next trading day's. */
    public long nextOpenMillis() {
        return phase == Phase.BEFORE_OPEN
                ? calendar.openMillis(tradingDay)
                : calendar.openMillis(SessionCalendar.nextTradingDay(tradingDay));
    }

    public long closeMillis() {
        return calendar.closeMillis(tradingDay);
    }

    public long openMillis() {
        return calendar.openMillis(tradingDay);
    }

    public Phase phase() {
        return phase;
    }

    public boolean isOpen() {
        return phase == Phase.OPEN;
    }

    /** Epoch day of the current (or next, before its open) trading day. */
    public long tradingDay() {
        return tradingDay;
    }

    /** Trading days played to their close since the cursor was created. */
    public long sessionsClosed() {
        return sessionsClosed;
    }

    public SessionCalendar calendar() {
        return calendar;
    }
}
