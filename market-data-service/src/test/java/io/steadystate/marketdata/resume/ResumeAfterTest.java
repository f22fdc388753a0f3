package io.steadystate.marketdata.resume;

import static io.steadystate.marketdata.simulation.Markets.HOUR_NANOS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.steadystate.core.event.MarketEvent;
import io.steadystate.core.event.SessionClosed;
import io.steadystate.core.event.SessionOpened;
import io.steadystate.core.event.Tick;
import io.steadystate.core.state.StoreMetrics;
import io.steadystate.marketdata.OriginClock;
import io.steadystate.marketdata.calendar.SessionCalendar;
import io.steadystate.marketdata.calendar.SessionCursor;
import io.steadystate.marketdata.replay.CsvReplay;
import io.steadystate.marketdata.simulation.MarketSimulator;
import io.steadystate.marketdata.simulation.Markets;
import io.steadystate.marketdata.universe.SymbolUniverse;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** A restarted source continues after what the previous run published: later event times, higher sequences. */
class ResumeAfterTest {

    private static final SessionCalendar CALENDAR = SessionCalendar.standard();

    @Test
    void aSimulationResumedMidSessionContinuesThatSessionStrictlyLater() {
        List<MarketEvent> first = Markets.play(Markets.simulator(3, 50, 1, 0.1), 2 * HOUR_NANOS);
        long last = lastTime(first);
        MarketSimulator resumed = Markets.simulator(3, 50, 1, 0.1);
        resumed.resumeAfter(new ResumePoint(last, 10_000));
        List<MarketEvent> second = Markets.play(resumed, 2 * HOUR_NANOS);

        assertThat(second)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.eventTime()).isGreaterThan(last));
        assertThat(second)
                .as("the session is still open: no second SessionOpened")
                .noneMatch(SessionOpened.class::isInstance);
        assertThat(second)
                .filteredOn(Tick.class::isInstance)
                .allSatisfy(e -> assertThat(((Tick) e).sequence()).isGreaterThan(10_000));
        assertThat(nonDecreasing(second)).isTrue();
    }

    @Test
    void aSimulationResumedAfterACloseRollsToTheNextDay() {
        MarketSimulator before = Markets.simulator(3, 20, 0.01, 0);
        List<MarketEvent> first = Markets.play(before, Markets.SESSION_NANOS); // up to Monday's close
        assertThat(first.get(first.size() - 1)).isInstanceOf(SessionClosed.class);
        long last = lastTime(first);
        MarketSimulator resumed = Markets.simulator(3, 20, 0.01, 0);
        resumed.resumeAfter(new ResumePoint(last, 0));
        List<MarketEvent> second = Markets.play(resumed, HOUR_NANOS);
        assertThat(second.stream().map(e -> e.getClass().getSimpleName()).limit(2))
                .containsExactly("DayRolled", "SessionOpened");
        assertThat(second).allSatisfy(e -> assertThat(e.eventTime()).isGreaterThan(last));
        assertThat(Instant.ofEpochMilli(second.get(1).eventTime())).isEqualTo(Instant.parse("2026-01-06T09:30:00Z"));
    }

    @Test
    void aTopicOlderThanTheStartDateLeavesTheStartDateAndOnlyRaisesSequences() {
        MarketSimulator resumed = Markets.simulator(3, 20, 1, 0);
        resumed.resumeAfter(
                new ResumePoint(Instant.parse("2025-06-02T12:00:00Z").toEpochMilli(), 7));
        List<MarketEvent> events = Markets.play(resumed, HOUR_NANOS);
        assertThat(Instant.ofEpochMilli(events.get(0).eventTime())).isEqualTo(Instant.parse("2026-01-05T09:30:00Z"));
        assertThat(events)
                .filteredOn(Tick.class::isInstance)
                .first()
                .satisfies(t -> assertThat(((Tick) t).sequence()).isEqualTo(8));
    }

    @Test
    void resumingAfterTheFirstEventIsRefused() {
        MarketSimulator simulator = Markets.simulator(3, 20, 1, 0);
        Markets.play(simulator, HOUR_NANOS);
        assertThatThrownBy(() -> simulator.resumeAfter(new ResumePoint(0, 0)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCursorResumedOnAWeekendWaitsForMondaysRoll() {
        SessionCursor cursor = SessionCursor.resumedAfter(
                CALENDAR, Instant.parse("2026-01-10T12:00:00Z").toEpochMilli());
        assertThat(cursor.phase()).isEqualTo(SessionCursor.Phase.CLOSED);
        List<MarketEvent> events = new ArrayList<>();
        cursor.advanceTo(Instant.parse("2026-01-12T09:30:00Z").toEpochMilli(), events::add);
        assertThat(events.stream().map(e -> e.getClass().getSimpleName()))
                .containsExactly("DayRolled", "SessionOpened");
        assertThat(Instant.ofEpochMilli(events.get(0).eventTime())).isEqualTo(Instant.parse("2026-01-12T00:00:00Z"));
    }

    @Test
    void aReplayResumedSkipsThePublishedLinesAndContinuesItsSessionsAndSequences() {
        long last = Instant.parse("2026-01-09T15:59:00Z").toEpochMilli(); // the third line
        CsvReplay replay = sample();
        replay.resumeAfter(new ResumePoint(last, 100));
        List<MarketEvent> events = new ArrayList<>();
        replay.advance(Long.MAX_VALUE, Integer.MAX_VALUE, events::add);

        assertThat(events).allSatisfy(e -> assertThat(e.eventTime()).isGreaterThan(last));
        assertThat(events)
                .as("Friday's session was open: no second SessionOpened for it")
                .filteredOn(SessionOpened.class::isInstance)
                .hasSize(1);
        assertThat(events)
                .filteredOn(Tick.class::isInstance)
                .first()
                .satisfies(t -> assertThat(((Tick) t).sequence()).isEqualTo(101));
        assertThat(replay.resumedPastLines()).isEqualTo(3);
        assertThat(replay.replayedTicks()).isEqualTo(6);
    }

    private static CsvReplay sample() {
        BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(ResumeAfterTest.class.getResourceAsStream("/replay/sample-ticks.csv")),
                StandardCharsets.UTF_8));
        return new CsvReplay(
                "sample-ticks.csv",
                reader,
                CALENDAR,
                new SymbolUniverse(10, new StoreMetrics(new SimpleMeterRegistry())),
                OriginClock.FIXED_AT_ZERO);
    }

    private static long lastTime(List<MarketEvent> events) {
        return events.get(events.size() - 1).eventTime();
    }

    private static boolean nonDecreasing(List<MarketEvent> events) {
        for (int i = 1; i < events.size(); i++) {
            if (events.get(i).eventTime() < events.get(i - 1).eventTime()) {
                return false;
            }
        }
        return true;
    }
}
