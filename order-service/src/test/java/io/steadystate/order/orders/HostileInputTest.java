package io.steadystate.order.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.steadystate.core.event.OrderEvent;
import io.steadystate.core.event.OrderStatus;
import io.steadystate.core.event.Position;
import io.steadystate.core.event.SessionClosed;
import io.steadystate.core.event.Side;
import io.steadystate.core.event.Signal;
import io.steadystate.core.event.SymbolListed;
import io.steadystate.core.event.Tick;
import io.steadystate.core.event.TimeInForce;
import io.steadystate.core.state.ExitCause;
import io.steadystate.order.intake.SubmitResult;
import io.steadystate.order.intake.SubmitResult.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Well-formed records that must not break state: each is refused whole (dead-lettered by the ingest). */
class HostileInputTest {

    private static final long YEAR_2199 = Instant.parse("2199-01-04T14:30:00Z").toEpochMilli();

    private final EngineFixture f = new EngineFixture(EngineSettings.defaults().withMaxOrdersPerSecond(5));

    /** Slot 11 filled (a position with working children), slot 12 a GTC limit entry still open. */
    private void establish(String symbol) {
        f.listed(symbol, 100);
        assertThat(f.buy(symbol, 11, 100).outcome()).isEqualTo(Outcome.ACCEPTED);
        f.tick(symbol, 100);
        assertThat(f.limitBuy(symbol + "-L", symbol, 12, 90, TimeInForce.GTC).outcome())
                .isEqualTo(Outcome.ACCEPTED);
    }

    private double quantity(String symbol, int slot) {
        return f.sink.positions.get(Position.keyOf(symbol, slot)).quantity();
    }

    @Test
    void aTickDatedTwentyOneNinetyNineCancelsNothingSettlesNothingAndLeavesTheRateLimiterAlone() {
        establish("ACME");
        long clockBefore = f.engine.clock().nowMillis();
        int eventsBefore = f.sink.events.size();

        assertThatThrownBy(() -> f.engine.onMarketEvent(new Tick("ACME", YEAR_2199, 99, 100, 100, 100, 10, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside the window");
        f.sessionClosed().sessionClosed();

        assertThat(f.engine.clock().nowMillis()).isLessThan(clockBefore + 10_000);
        assertThat(f.openBrackets()).isEqualTo(2);
        assertThat(quantity("ACME", 11)).isEqualTo(10);
        assertThat(f.sink.events).hasSize(eventsBefore);
        assertThat(f.engine.state().symbolStore().exits(ExitCause.EXPIRED)).isZero();
        // a REST order is stamped with the engine's clock: had the tick moved it, the refill time would be in 2199
        assertThat(f.limitBuy("ACME-R", "ACME", 13, 90, TimeInForce.GTC).outcome())
                .isEqualTo(Outcome.ACCEPTED);
        for (int slot : new int[] {21, 22, 23, 31, 32, 33, 41, 42, 43}) { // one per simulated second: 5/s never binds
            f.now += 1_000;
            assertThat(f.buy("ACME", slot, 100).outcome()).isEqualTo(Outcome.ACCEPTED);
        }
    }

    @Test
    void aSignalOrSessionEventJumpingMoreThanTheMaxStepIsRefusedAndMovesNothing() {
        establish("ACME");
        long clockBefore = f.engine.clock().nowMillis();
        long eightDaysOn = clockBefore + Duration.ofDays(8).toMillis();

        assertThatThrownBy(() -> f.engine.onSignal(new Signal(
                        "ACME:13:" + eightDaysOn, "ACME", 13, Side.BUY, 100, 95, 110, 10, eightDaysOn, eightDaysOn, 0)))
                .hasMessageContaining("ahead of the event clock");
        assertThatThrownBy(() -> f.engine.onMarketEvent(new SessionClosed(eightDaysOn, 20_000)))
                .hasMessageContaining("max step PT168H");

        assertThat(f.engine.clock().nowMillis()).isEqualTo(clockBefore);
        assertThat(f.openBrackets()).isEqualTo(2);
        assertThat(f.buy("ACME", 13, 100).outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void theWeekendJumpOfTheSessionCalendarIsAccepted() {
        establish("ACME");
        f.now += Duration.ofHours(65).toMillis(); // Friday close to Monday open
        f.tick("ACME", 100);
        assertThat(f.engine.clock().nowMillis()).isEqualTo(f.now);
    }

    @Test
    void aBackwardsEventTimeIsAppliedButRewindsNothing() {
        establish("ACME");
        long clockBefore = f.engine.clock().nowMillis();
        long monthAgo = clockBefore - Duration.ofDays(30).toMillis();

        f.engine.onMarketEvent(new Tick("ACME", monthAgo, 50, 101, 101, 101, 10, 0));
        SubmitResult late = f.engine.onSignal(
                new Signal("ACME:13:" + monthAgo, "ACME", 13, Side.BUY, 101, 96, 111, 10, monthAgo, monthAgo, 0));

        assertThat(late.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(f.engine.clock().nowMillis()).isEqualTo(clockBefore);
        f.delisted("ACME"); // settles at max(symbol's last event time, clock): never the rewound tick time
        assertThat(f.sink.positions).isEmpty();
        OrderEvent cancelled = f.sink.last(late.order().orderId());
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.eventTime()).isGreaterThanOrEqualTo(clockBefore);
    }

    @Test
    void anUnknownSymbolAtCapacityIsRefusedAndNeverEvictsAnEstablishedOne() {
        EngineFixture small = new EngineFixture(EngineSettings.defaults().withMaxSymbols(2));
        small.listed("AAA", 100).listed("BBB", 100);
        small.buy("AAA", 11, 100);
        small.buy("BBB", 11, 100);
        small.tick("AAA", 100).tick("BBB", 100);

        for (int i = 0; i < 50; i++) {
            String unknown = "NEW" + i;
            assertThatThrownBy(() -> small.tick(unknown, 100)).hasMessageContaining("symbol store full");
            assertThatThrownBy(() -> small.listed(unknown, 100)).hasMessageContaining("symbol store full");
        }

        assertThat(small.engine.state().symbolStore().exits(ExitCause.CAPACITY)).isZero();
        assertThat(small.engine.knowsSymbol("AAA")).isTrue();
        assertThat(small.engine.knowsSymbol("BBB")).isTrue();
        assertThat(small.openBrackets()).isEqualTo(2);
        assertThat(small.sink.positions.get(Position.keyOf("AAA", 11)).quantity())
                .isEqualTo(10);
        assertThat(small.sink.positions.get(Position.keyOf("BBB", 11)).quantity())
                .isEqualTo(10);
        assertThat(small.sink.positionTombstones).isEmpty();
    }

    @Test
    void aSymbolLeavingFreesRoomForANewOne() {
        EngineFixture small = new EngineFixture(EngineSettings.defaults().withMaxSymbols(1));
        small.listed("AAA", 100).delisted("AAA");
        small.engine.state().symbolStore().expireIdle();
        small.engine.onMarketEvent(new SymbolListed("BBB", small.now += 1000, 50));
        assertThat(small.engine.knowsSymbol("BBB")).isTrue();
    }

    @Test
    void aQuoteNoMarketMakesCannotReachTheEngine() {
        // once a valid-looking quote (finite, bid ≤ ask) with ask = Double.MAX_VALUE overflowed the fill price and
        // a take-profit at MAX_VALUE / 2 its notional; TickPlan still refuses any step that would, but prices are now
        // bounded where records are built (and decoded: INVALID_VALUE on the wire), so such a tick never exists
        f.listed("ACME", 100);
        String id = f.buy("ACME", 11, 100).order().orderId();
        assertThatThrownBy(() -> new Tick("ACME", f.now += 1000, 7, 100, 100, Double.MAX_VALUE, 10, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ask");
        double huge = Double.MAX_VALUE / 2;
        assertThatThrownBy(() -> new Tick("ACME", f.now += 1000, 8, huge, huge, huge, 10, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("over the");

        f.tick("ACME", 100); // the next sane tick fills it
        assertThat(f.engine.find(id).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(quantity("ACME", 11)).isEqualTo(10);
    }

    @Test
    void aFarFutureEventTimeLeftOnTheTopicsDoesNotStartTheClockOnRecovery() {
        EngineFixture fresh = new EngineFixture();
        fresh.engine.restore(List.of(), List.of(), Map.of(), YEAR_2199);
        assertThat(fresh.engine.clock().hasStarted()).isFalse();
        fresh.listed("ACME", 100);
        assertThat(fresh.engine.clock().nowMillis()).isEqualTo(fresh.now);
    }
}
