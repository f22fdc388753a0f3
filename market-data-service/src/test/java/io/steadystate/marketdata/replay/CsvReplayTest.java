package io.steadystate.marketdata.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.steadystate.core.event.DayRolled;
import io.steadystate.core.event.MarketEvent;
import io.steadystate.core.event.SessionClosed;
import io.steadystate.core.event.SessionOpened;
import io.steadystate.core.event.SymbolListed;
import io.steadystate.core.event.Tick;
import io.steadystate.core.state.StoreMetrics;
import io.steadystate.marketdata.OriginClock;
import io.steadystate.marketdata.calendar.SessionCalendar;
import io.steadystate.marketdata.universe.SymbolUniverse;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class CsvReplayTest {

    private static final long MINUTE_NANOS = 60_000_000_000L;

    @Test
    void theSampleReplaysItsTicksWithSessionEventsAndSkipsTheBadLines() {
        CsvReplay replay = sample(10);
        List<MarketEvent> events = new ArrayList<>();
        replay.advance(Long.MAX_VALUE, Integer.MAX_VALUE, events::add);

        assertThat(events.stream().map(CsvReplayTest::describe).toList())
                .containsExactly(
                        "open 2026-01-09T09:30:00Z",
                        "listed ACME 101.25",
                        "tick ACME#1 101.25 101.24/101.26 x300",
                        "listed GLOB 55.1",
                        "tick GLOB#1 55.1 55.09/55.11 x100",
                        "tick ACME#2 101.3 101.3/101.3 x200",
                        "tick GLOB#2 55.12 55.11/55.13 x400",
                        "tick GLOB#3 55.15 55.14/55.16 x100",
                        "close 2026-01-09T16:00:00Z",
                        "roll 2026-01-12T00:00:00Z",
                        "open 2026-01-12T09:30:00Z",
                        "tick ACME#3 102.0 101.99/102.01 x500",
                        "tick GLOB#4 54.9 54.89/54.91 x700",
                        "listed NEWCO 12.5",
                        "tick NEWCO#1 12.5 12.49/12.51 x1000",
                        "tick ACME#4 102.1 102.09/102.11 x100",
                        "close 2026-01-12T16:00:00Z");
        assertThat(replay.finished()).isTrue();
        assertThat(replay.replayedTicks()).isEqualTo(9);
        assertThat(replay.malformedLines()).isEqualTo(5);
        assertThat(replay.recentErrors()).hasSize(5);
        assertThat(String.join("\n", replay.recentErrors()))
                .contains("line 7: price 'abc' is not a number")
                .contains("line 9: expected 4 or 6 fields")
                .contains("line 11: symbol 'acme!'")
                .contains("line 13: timestamp 2026-01-12T09:29:00Z is before the previous line's")
                .contains("line 15: bid 12.56 above ask 12.54");
    }

    @Test
    void replayTimeCostsBudgetOnlyInsideASessionSoTheWeekendIsSkipped() {
        CsvReplay replay = sample(10);
        List<MarketEvent> events = new ArrayList<>();
        replay.advance(5 * MINUTE_NANOS, Integer.MAX_VALUE, events::add);
        assertThat(describe(events.get(events.size() - 1))).isEqualTo("close 2026-01-09T16:00:00Z");
        assertThat(replay.nowMillis())
                .isEqualTo(Instant.parse("2026-01-09T16:03:00Z").toEpochMilli());

        events.clear();
        replay.advance(MINUTE_NANOS, Integer.MAX_VALUE, events::add);
        assertThat(events.stream().map(CsvReplayTest::describe).toList())
                .containsExactly(
                        "roll 2026-01-12T00:00:00Z", "open 2026-01-12T09:30:00Z",
                        "tick ACME#3 102.0 101.99/102.01 x500", "tick GLOB#4 54.9 54.89/54.91 x700",
                        "listed NEWCO 12.5", "tick NEWCO#1 12.5 12.49/12.51 x1000");
        assertThat(replay.finished()).isFalse();
    }

    @Test
    void aSymbolBeyondTheStoreCapacityIsRejectedAsABadLine() {
        CsvReplay replay = sample(2);
        List<MarketEvent> events = new ArrayList<>();
        replay.advance(Long.MAX_VALUE, Integer.MAX_VALUE, events::add);
        assertThat(events).noneMatch(e -> "NEWCO".equals(e.symbol()));
        assertThat(replay.malformedLines()).isEqualTo(6);
        assertThat(replay.recentErrors())
                .anyMatch(m -> m.startsWith("line 14: symbol NEWCO would exceed max-symbols 2"));
    }

    @Test
    void aFileOfOnlyBadLinesFinishesWithoutEvents() {
        CsvReplay replay = new CsvReplay(
                "inline",
                new BufferedReader(new StringReader("garbage\n1,2\n,,,\n")),
                SessionCalendar.standard(),
                universe(10),
                OriginClock.FIXED_AT_ZERO);
        List<MarketEvent> events = new ArrayList<>();
        replay.advance(Long.MAX_VALUE, Integer.MAX_VALUE, events::add);
        assertThat(events).isEmpty();
        assertThat(replay.finished()).isTrue();
        assertThat(replay.malformedLines()).isEqualTo(3);
    }

    private static CsvReplay sample(int capacity) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(CsvReplayTest.class.getResourceAsStream("/replay/sample-ticks.csv")),
                StandardCharsets.UTF_8));
        return new CsvReplay(
                "sample-ticks.csv", reader, SessionCalendar.standard(), universe(capacity), OriginClock.FIXED_AT_ZERO);
    }

    private static SymbolUniverse universe(int capacity) {
        return new SymbolUniverse(capacity, new StoreMetrics(new SimpleMeterRegistry()));
    }

    private static String describe(MarketEvent e) {
        String at = Instant.ofEpochMilli(e.eventTime()).toString();
        if (e instanceof Tick t) {
            return "tick " + t.symbol() + "#" + t.sequence() + " " + t.price() + " " + t.bid() + "/" + t.ask() + " x"
                    + t.size();
        } else if (e instanceof SymbolListed l) {
            return "listed " + l.symbol() + " " + l.referencePrice();
        } else if (e instanceof SessionOpened) {
            return "open " + at;
        } else if (e instanceof SessionClosed) {
            return "close " + at;
        } else if (e instanceof DayRolled) {
            return "roll " + at;
        }
        return e.toString();
    }
}
