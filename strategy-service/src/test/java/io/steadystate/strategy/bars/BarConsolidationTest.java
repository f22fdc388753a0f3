package io.steadystate.strategy.bars;

import static io.steadystate.strategy.Fixtures.at;
import static io.steadystate.strategy.Fixtures.defaultRows;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.steadystate.core.event.Timeframe;
import io.steadystate.strategy.params.ParameterTable;
import io.steadystate.strategy.signals.SignalSink;
import io.steadystate.strategy.signals.StrategyMatrix;
import io.steadystate.strategy.symbol.SymbolState;
import org.junit.jupiter.api.Test;

class BarConsolidationTest {

    private final StrategyMatrix matrix =
            new StrategyMatrix(new ParameterTable(defaultRows(), new SimpleMeterRegistry()), new SimpleMeterRegistry());
    private final SymbolState acme = new SymbolState("ACME", 0, 1.5);

    private void tick(String time, double price, long size) {
        acme.onTick(at(time), price, size, 0, matrix, SignalSink.DISCARD);
    }

    @Test
    void barStartsAreAlignedToTheirTimeframe() {
        assertThat(BarBoundaries.startOf(Timeframe.S15, at("2026-11-18T09:30:29.999Z")))
                .isEqualTo(at("2026-11-18T09:30:15Z"));
        assertThat(BarBoundaries.startOf(Timeframe.M15, at("2026-11-18T09:44:59Z")))
                .isEqualTo(at("2026-11-18T09:30:00Z"));
        assertThat(BarBoundaries.startOf(Timeframe.H4, at("2026-11-18T13:00:00Z")))
                .isEqualTo(at("2026-11-18T12:00:00Z"));
        assertThat(BarBoundaries.startOf(Timeframe.D1, at("2026-11-18T15:59:00Z")))
                .isEqualTo(at("2026-11-18T00:00:00Z"));
        // Wednesday 18 Nov 2026 belongs to the week of Monday 16 Nov
        assertThat(BarBoundaries.startOf(Timeframe.W1, at("2026-11-18T15:59:00Z")))
                .isEqualTo(at("2026-11-16T00:00:00Z"));
        assertThat(BarBoundaries.dayOfWeek(at("2026-11-20T00:00:00Z") / 86_400_000L))
                .isEqualTo(5);
    }

    @Test
    void aMinuteBarClosesOnTheFirstTickOfTheNextMinute() {
        tick("2026-11-18T09:30:00Z", 100, 10);
        tick("2026-11-18T09:30:20Z", 102, 5);
        tick("2026-11-18T09:30:59.999Z", 99, 1);
        BarConsolidator m1 = acme.bar(Timeframe.M1);
        assertThat(m1.hasClosed()).isFalse();

        tick("2026-11-18T09:31:00Z", 101, 2);

        assertThat(m1.barsClosed()).isEqualTo(1);
        assertThat(m1.closedStart()).isEqualTo(at("2026-11-18T09:30:00Z"));
        assertThat(new double[] {m1.closedOpen(), m1.closedHigh(), m1.closedLow(), m1.closedClose()})
                .containsExactly(100, 102, 99, 99);
        assertThat(m1.closedVolume()).isEqualTo(16);
        assertThat(m1.start()).isEqualTo(at("2026-11-18T09:31:00Z"));
        assertThat(m1.open()).isEqualTo(101);
        // the 15 s bars: 09:30:00 (100), 09:30:15 (102), 09:30:45 (99) closed; 09:31:00 forming
        assertThat(acme.bar(Timeframe.S15).barsClosed()).isEqualTo(3);
        assertThat(acme.rally().points()).isEqualTo(3);
    }

    @Test
    void aGapMakesNoPhantomBars() {
        tick("2026-11-18T09:30:10Z", 100, 1);
        tick("2026-11-18T09:37:05Z", 103, 1); // nothing for 7 minutes

        BarConsolidator m1 = acme.bar(Timeframe.M1);
        assertThat(m1.barsClosed()).isEqualTo(1); // only the 09:30 bar, no empty 09:31..09:36 bars
        assertThat(m1.closedStart()).isEqualTo(at("2026-11-18T09:30:00Z"));
        assertThat(m1.start()).isEqualTo(at("2026-11-18T09:37:00Z"));
        BarConsolidator m5 = acme.bar(Timeframe.M5);
        assertThat(m5.barsClosed()).isEqualTo(1);
        assertThat(m5.start()).isEqualTo(at("2026-11-18T09:35:00Z"));
        assertThat(acme.bar(Timeframe.M15).barsClosed()).isZero(); // 09:30..09:45 still forming
    }

    @Test
    void aLateTickJoinsTheFormingBarInsteadOfReopeningAClosedOne() {
        tick("2026-11-18T09:31:10Z", 100, 1);
        tick("2026-11-18T09:30:50Z", 90, 1);
        BarConsolidator m1 = acme.bar(Timeframe.M1);
        assertThat(m1.barsClosed()).isZero();
        assertThat(m1.low()).isEqualTo(90);
    }

    @Test
    void sessionCloseClosesIntradayAndDailyBarsRecordsDailyVolumeAndResetsTheRallyWindow() {
        tick("2026-11-18T15:58:10Z", 100, 30);
        tick("2026-11-18T15:59:40Z", 101, 12);
        acme.onSessionClosed(at("2026-11-18T16:00:00Z"), 20775, matrix, SignalSink.DISCARD);

        for (Timeframe tf : new Timeframe[] {Timeframe.S15, Timeframe.M1, Timeframe.H4, Timeframe.D1}) {
            assertThat(acme.bar(tf).isForming()).as(tf.name()).isFalse();
        }
        assertThat(acme.bar(Timeframe.D1).closedStart()).isEqualTo(at("2026-11-18T00:00:00Z"));
        assertThat(acme.bar(Timeframe.D1).closedVolume()).isEqualTo(42);
        assertThat(acme.dailyVolumes().size()).isEqualTo(1);
        assertThat(acme.dailyVolumes().newest()).isEqualTo(42);
        assertThat(acme.rally().points()).isZero();
        assertThat(acme.bar(Timeframe.W1).isForming())
                .as("Wednesday close keeps the week open")
                .isTrue();

        // idempotent: the copy of SessionClosed from another partition changes nothing
        acme.onSessionClosed(at("2026-11-18T16:00:00Z"), 20775, matrix, SignalSink.DISCARD);
        assertThat(acme.dailyVolumes().size()).isEqualTo(1);
    }

    @Test
    void theNextSessionsFirstTickOpensFreshBarsAfterTheOvernightGap() {
        tick("2026-11-18T15:59:40Z", 101, 12);
        acme.onSessionClosed(at("2026-11-18T16:00:00Z"), 20775, matrix, SignalSink.DISCARD);
        tick("2026-11-19T09:30:05Z", 104, 3);

        assertThat(acme.bar(Timeframe.H1).barsClosed()).isEqualTo(1);
        assertThat(acme.bar(Timeframe.H1).start()).isEqualTo(at("2026-11-19T09:00:00Z"));
        assertThat(acme.bar(Timeframe.D1).start()).isEqualTo(at("2026-11-19T00:00:00Z"));
        assertThat(acme.bar(Timeframe.D1).barsClosed()).isEqualTo(1);
    }

    @Test
    void fridaySessionCloseClosesTheWeeklyBar() {
        tick("2026-11-16T10:00:00Z", 100, 1); // Monday
        tick("2026-11-20T15:00:00Z", 110, 1); // Friday
        acme.onSessionClosed(
                at("2026-11-20T16:00:00Z"),
                (int) (at("2026-11-20T00:00:00Z") / 86_400_000L),
                matrix,
                SignalSink.DISCARD);

        BarConsolidator w1 = acme.bar(Timeframe.W1);
        assertThat(w1.barsClosed()).isEqualTo(1);
        assertThat(w1.closedStart()).isEqualTo(at("2026-11-16T00:00:00Z"));
        assertThat(new double[] {w1.closedOpen(), w1.closedHigh(), w1.closedClose()})
                .containsExactly(100, 110, 110);
    }

    @Test
    void aDayRollIntoANewWeekClosesTheWeeklyBarAndOneWithinTheWeekDoesNot() {
        tick("2026-11-18T10:00:00Z", 100, 1); // Wednesday; the week's later sessions never happen
        acme.onDayRolled(at("2026-11-19T00:00:00Z"), 20776, matrix, SignalSink.DISCARD); // Thursday
        assertThat(acme.bar(Timeframe.W1).barsClosed()).isZero();

        acme.onDayRolled(at("2026-11-23T00:00:00Z"), 20780, matrix, SignalSink.DISCARD); // next Monday
        assertThat(acme.bar(Timeframe.W1).barsClosed()).isEqualTo(1);
    }

    @Test
    void theDailyVolumeRingKeepsTheLastSevenSessions() {
        for (int day = 0; day < 9; day++) {
            long t = at("2026-11-02T15:00:00Z") + day * 86_400_000L;
            acme.onTick(t, 100, 100 + day, 0, matrix, SignalSink.DISCARD);
            acme.onSessionClosed(t + 3_600_000L, (int) (t / 86_400_000L), matrix, SignalSink.DISCARD);
        }
        assertThat(acme.dailyVolumes().size()).isEqualTo(7);
        assertThat(acme.dailyVolumes().newest()).isEqualTo(108);
        assertThat(acme.dailyVolumes().get(6)).isEqualTo(102);
    }
}
