package io.steadystate.order.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.steadystate.core.event.OrderStatus;
import io.steadystate.core.event.Side;
import io.steadystate.order.intake.SubmitResult;
import io.steadystate.order.intake.SubmitResult.Outcome;
import io.steadystate.order.orders.EngineFixture;
import io.steadystate.order.orders.EngineSettings;
import io.steadystate.order.orders.OrderMetrics.SignalOutcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RiskLimitsTest {

    private static void assertRejected(EngineFixture f, SubmitResult r, RejectReason reason) {
        assertThat(r.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(r.order().status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(r.order().reason()).startsWith(reason.tag() + ":");
        assertThat(f.engine.metrics().rejects(reason)).isEqualTo(1);
        assertThat(f.sink.openOrders).doesNotContainKey(r.order().orderId());
    }

    @Test
    void killSwitchRejectsEverythingUntilSwitchedOff() {
        EngineFixture f = new EngineFixture().listed("ACME", 100);
        f.engine.killSwitch(true);
        assertRejected(f, f.buy("ACME", 11, 100), RejectReason.KILL_SWITCH);
        f.engine.killSwitch(false);
        assertThat(f.buy("ACME", 12, 100).outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void secondBracketOnABusySlotIsRejected() {
        EngineFixture f = new EngineFixture().listed("ACME", 100);
        assertThat(f.buy("ACME", 11, 100).outcome()).isEqualTo(Outcome.ACCEPTED);
        f.tick("ACME", 100);
        assertRejected(f, f.buy("ACME", 11, 100), RejectReason.SLOT_BUSY);
        assertThat(f.buy("ACME", 12, 100).outcome()).as("another slot is free").isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void atMostTwentyOneOpenBracketsPerSymbol() {
        EngineFixture f = new EngineFixture().listed("ACME", 100);
        int accepted = 0;
        for (int tf = 1; tf <= 7; tf++) {
            for (int s = 1; s <= 3; s++) {
                accepted += f.buy("ACME", tf * 10 + s, 100).outcome() == Outcome.ACCEPTED ? 1 : 0;
                accepted += f.buy("ACME", tf * 10 + s, 100).outcome() == Outcome.ACCEPTED ? 1 : 0;
            }
        }
        assertThat(accepted).isEqualTo(21);
        assertThat(f.engine.state().openBracketStore().size()).isEqualTo(21);
    }

    @Test
    void fullOpenOrderStoreRejectsInsteadOfEvicting() {
        EngineFixture f = new EngineFixture(EngineSettings.defaults().withMaxOpenOrders(2)).listed("ACME", 100);
        f.buy("ACME", 11, 100);
        f.buy("ACME", 12, 100);
        assertRejected(f, f.buy("ACME", 13, 100), RejectReason.SLOT_BUSY);
        assertThat(f.engine.state().openBracketStore().size()).isEqualTo(2);
    }

    @Test
    void orderAboveMaxNotionalIsRejected() {
        EngineFixture f = new EngineFixture(EngineSettings.defaults().withMaxNotional(5_000)).listed("ACME", 100);
        assertRejected(f, f.signal("ACME", 11, Side.BUY, 100, 95, 110, 51), RejectReason.MAX_NOTIONAL);
        assertThat(f.signal("ACME", 12, Side.BUY, 100, 95, 110, 50).outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void ordersBeyondTheRatePerEventSecondAreRejectedAndTheBucketRefillsWithEventTime() {
        EngineFixture f = new EngineFixture(EngineSettings.defaults().withMaxOrdersPerSecond(2)).listed("ACME", 100);
        assertThat(f.buy("ACME", 11, 100).outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(f.buy("ACME", 12, 100).outcome()).isEqualTo(Outcome.ACCEPTED);
        assertRejected(f, f.buy("ACME", 13, 100), RejectReason.RATE_LIMIT);
        f.tick("ACME", 100); // one event-second later
        assertThat(f.buy("ACME", 21, 100).outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void signalForASymbolWithoutMarketDataIsRejected() {
        EngineFixture f = new EngineFixture();
        assertRejected(f, f.buy("NOPE", 11, 100), RejectReason.UNKNOWN_SYMBOL);
    }

    @Test
    void signalWithAnAbsurdPriceIsRejectedAsInvalid() {
        EngineFixture f = new EngineFixture().listed("ACME", 100);
        assertRejected(f, f.signal("ACME", 11, Side.BUY, 1500, 1400, 1600, 1), RejectReason.INVALID);
    }

    @Test
    void duplicateSignalIsRecognisedAndIgnored() {
        EngineFixture f = new EngineFixture().listed("ACME", 100);
        io.steadystate.core.event.Signal s = new io.steadystate.core.event.Signal(
                "ACME:11:1", "ACME", 11, Side.BUY, 100, 95, 110, 10, 1, f.now + 1, 0);
        assertThat(f.engine.onSignal(s).outcome()).isEqualTo(Outcome.ACCEPTED);
        int published = f.sink.events.size();
        assertThat(f.engine.onSignal(s).outcome()).isEqualTo(Outcome.DUPLICATE);
        f.tick("ACME", 100).tick("ACME", 111); // the bracket closes: still a duplicate afterwards
        assertThat(f.engine.onSignal(s).outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(f.engine.metrics().count(SignalOutcome.DUPLICATE)).isEqualTo(2);
        assertThat(f.sink.events.stream()
                        .filter(e -> e.orderId().equals("S-ACME:11:1") && e.status() == OrderStatus.ACCEPTED))
                .hasSize(1);
        assertThat(published).isEqualTo(3);
    }

    @Test
    void dedupMemoryForgetsIdsAfterItsExpiryOnEventTime() {
        EngineFixture f = new EngineFixture().listed("ACME", 100);
        f.engine.killSwitch(true);
        f.buy("ACME", 11, 100); // rejected, but remembered
        assertThat(f.engine.state().seenOrderIdStore().size()).isEqualTo(1);
        f.now += Duration.ofDays(2).toMillis();
        f.sessionClosed();
        assertThat(f.engine.state().seenOrderIdStore().size()).isZero();
    }
}
