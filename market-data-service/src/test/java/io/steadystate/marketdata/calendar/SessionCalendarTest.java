package io.steadystate.marketdata.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.steadystate.core.event.DayRolled;
import io.steadystate.core.event.MarketEvent;
import io.steadystate.core.event.SessionClosed;
import io.steadystate.core.event.SessionOpened;
import io.steadystate.core.event.Tick;
import io.steadystate.marketdata.simulation.MarketSimulator;
import io.steadystate.marketdata.simulation.Markets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionCalendarTest {

    @Test
    void aSimulatedWeekOpensAndClosesEachWeekdayRollsTheDayAndSkipsTheWeekend() {
        MarketSimulator simulator = Markets.simulator(1, 10, 0.1, 0);
        List<MarketEvent> events = new ArrayList<>();
        // six sessions of budget: Monday..Friday, then Monday again; nights and the weekend cost nothing
        simulator.advance(6 * Markets.SESSION_NANOS, Integer.MAX_VALUE, events::add);

        List<String> sessionEvents = events.stream()
                .filter(MarketEvent::isBroadcast)
                .map(SessionCalendarTest::describe)
                .toList();
        assertThat(sessionEvents)
                .containsExactly(
                        "open MONDAY 2026-01-05T09:30:00Z",
                        "close MONDAY 2026-01-05T16:00:00Z",
                        "roll TUESDAY 2026-01-06T00:00:00Z",
                        "open TUESDAY 2026-01-06T09:30:00Z",
                        "close TUESDAY 2026-01-06T16:00:00Z",
                        "roll WEDNESDAY 2026-01-07T00:00:00Z",
                        "open WEDNESDAY 2026-01-07T09:30:00Z",
                        "close WEDNESDAY 2026-01-07T16:00:00Z",
                        "roll THURSDAY 2026-01-08T00:00:00Z",
                        "open THURSDAY 2026-01-08T09:30:00Z",
                        "close THURSDAY 2026-01-08T16:00:00Z",
                        "roll FRIDAY 2026-01-09T00:00:00Z",
                        "open FRIDAY 2026-01-09T09:30:00Z",
                        "close FRIDAY 2026-01-09T16:00:00Z",
                        "roll MONDAY 2026-01-12T00:00:00Z",
                        "open MONDAY 2026-01-12T09:30:00Z",
                        "close MONDAY 2026-01-12T16:00:00Z");
        assertThat(simulator.cursor().orElseThrow().sessionsClosed()).isEqualTo(6);
    }

    @Test
    void ticksOnlyHappenInsideASession() {
        MarketSimulator simulator = Markets.simulator(2, 10, 0.2, 0);
        List<MarketEvent> events = new ArrayList<>();
        simulator.advance(3 * Markets.SESSION_NANOS, Integer.MAX_VALUE, events::add);
        SessionCalendar calendar = SessionCalendar.standard();
        assertThat(events).filteredOn(e -> e instanceof Tick).isNotEmpty().allSatisfy(t -> {
            long day = SessionCalendar.epochDayOf(t.eventTime());
            assertThat(SessionCalendar.isTradingDay(day)).isTrue();
            assertThat(t.eventTime()).isBetween(calendar.openMillis(day), calendar.closeMillis(day) - 1);
        });
    }

    @Test
    void aCursorStartingOnASaturdayOpensOnMonday() {
        SessionCursor cursor = new SessionCursor(
                SessionCalendar.standard(), LocalDate.of(2026, 1, 10).toEpochDay());
        List<MarketEvent> events = new ArrayList<>();
        cursor.advanceTo(Instant.parse("2026-01-12T10:00:00Z").toEpochMilli(), events::add);
        assertThat(events)
                .containsExactly(
                        new SessionOpened(Instant.parse("2026-01-12T09:30:00Z").toEpochMilli(), (int)
                                LocalDate.of(2026, 1, 12).toEpochDay()));
    }

    private static String describe(MarketEvent e) {
        Instant at = Instant.ofEpochMilli(e.eventTime());
        DayOfWeek dow = at.atOffset(ZoneOffset.UTC).getDayOfWeek();
        String kind = e instanceof SessionOpened
                ? "open"
                : e instanceof SessionClosed ? "close" : e instanceof DayRolled ? "roll" : "unexpected " + e;
        return kind + " " + dow + " " + at;
    }
}
