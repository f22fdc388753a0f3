package io.steadystate.strategy.signals;

import static io.steadystate.strategy.Fixtures.at;
import static io.steadystate.strategy.Fixtures.tick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.steadystate.core.event.Side;
import io.steadystate.core.event.Signal;
import io.steadystate.core.event.SlotParameters;
import io.steadystate.core.state.StoreMetrics;
import io.steadystate.core.time.EventClock;
import io.steadystate.strategy.Fixtures;
import io.steadystate.strategy.fault.FaultInjector;
import io.steadystate.strategy.params.ParameterTable;
import io.steadystate.strategy.symbol.SymbolBook;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StrategyMatrixTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ParameterTable table = new ParameterTable(Fixtures.defaultRows(), registry);
    private final SymbolBook book = new SymbolBook(
            10,
            Duration.ofDays(4),
            1.5,
            new EventClock(),
            new StoreMetrics(registry),
            new StrategyMatrix(table, registry),
            FaultInjector.off(registry));
    private final Fixtures.Signals signals = new Fixtures.Signals();

    /** Three flat M1 bars at 100, then a 110 bar closed by the tick of the next minute. */
    private void breakoutOnM1() {
        book.apply(tick("ACME", at("2026-11-18T09:30:05Z"), 100), 0, signals);
        book.apply(tick("ACME", at("2026-11-18T09:31:05Z"), 100), 0, signals);
        book.apply(tick("ACME", at("2026-11-18T09:32:05Z"), 100), 0, signals);
        book.apply(tick("ACME", at("2026-11-18T09:33:05Z"), 110), 0, signals);
        book.apply(tick("ACME", at("2026-11-18T09:34:05Z"), 111), 0, signals);
    }

    @Test
    void aClosedBarBreakoutBecomesASignalWithDeterministicIdBracketAndLotSize() {
        table.apply(new SlotParameters(12, true, 250, 2, 0, 0.0, 1.0, 2.0, 1)); // M1/S2: 2-bar channel
        breakoutOnM1();

        Signal s = signals.received.stream()
                .filter(x -> x.slotId() == 12)
                .findFirst()
                .orElseThrow();
        long barTime = at("2026-11-18T09:33:00Z");
        assertThat(s.id()).isEqualTo(Signal.idFor("ACME", 12, barTime)).isEqualTo("ACME:12:" + barTime);
        assertThat(s.side()).isEqualTo(Side.BUY);
        assertThat(s.referencePrice()).isEqualTo(110);
        assertThat(s.stopLoss()).isCloseTo(108.9, within(1e-9)); // 110 × (1 − 1 %)
        assertThat(s.takeProfit()).isCloseTo(112.2, within(1e-9)); // 110 × (1 + 2 %)
        assertThat(s.quantity()).isEqualTo(250);
        assertThat(s.barTime()).isEqualTo(barTime);
        assertThat(s.eventTime()).isEqualTo(at("2026-11-18T09:34:05Z"));
        assertThat(s.originMicros()).isEqualTo(at("2026-11-18T09:34:05Z") * 1000 + 7); // the closing tick's
        assertThat(registry.get(StrategyMatrix.SIGNALS)
                        .tag("timeframe", "M1")
                        .tag("strategy", "S2")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aDisabledSlotKeepsItsIndicatorsWarmButEmitsNothing() {
        table.apply(new SlotParameters(12, false, 250, 2, 0, 0.0, 1.0, 2.0, 1));
        breakoutOnM1();
        assertThat(signals.received).noneMatch(s -> s.slotId() == 12);
        assertThat(book.peek("ACME").orElseThrow().slot(1).signals()).isZero();
    }

    @Test
    void allTwentyOneSignalCountersExistBeforeTheFirstSignal() {
        assertThat(registry.get(StrategyMatrix.SIGNALS).counters()).hasSize(21);
    }
}
