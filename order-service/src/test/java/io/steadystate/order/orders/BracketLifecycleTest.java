package io.steadystate.order.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.steadystate.core.event.OrderCommand;
import io.steadystate.core.event.OrderEvent;
import io.steadystate.core.event.OrderRole;
import io.steadystate.core.event.OrderStatus;
import io.steadystate.core.event.Position;
import io.steadystate.core.event.Side;
import io.steadystate.core.event.TimeInForce;
import io.steadystate.core.state.ExitCause;
import io.steadystate.order.intake.SubmitResult;
import io.steadystate.order.intake.SubmitResult.Outcome;
import org.junit.jupiter.api.Test;

class BracketLifecycleTest {

    private static final double SLIP = 1.0 / 10_000;

    private final EngineFixture f = new EngineFixture().listed("ACME", 100);

    private String acceptedBuy() {
        SubmitResult r = f.buy("ACME", 11, 100);
        assertThat(r.outcome()).isEqualTo(Outcome.ACCEPTED);
        return r.order().orderId();
    }

    private static String sl(String id) {
        return OrderCommand.childId(id, OrderRole.STOP_LOSS);
    }

    private static String tp(String id) {
        return OrderCommand.childId(id, OrderRole.TAKE_PROFIT);
    }

    @Test
    void acceptedSignalPublishesEntryAndPendingChildrenAsOpenOrders() {
        String id = acceptedBuy();
        assertThat(f.sink.last(id).status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(f.sink.last(sl(id)).status()).isEqualTo(OrderStatus.PENDING);
        assertThat(f.sink.last(tp(id)).status()).isEqualTo(OrderStatus.PENDING);
        assertThat(f.sink.openOrders).containsOnlyKeys(id, sl(id), tp(id));
        assertThat(f.openBrackets()).isEqualTo(1);
    }

    @Test
    void entryFillMakesStopLossAndTakeProfitWork() {
        String id = acceptedBuy();
        f.tick("ACME", 100);
        OrderEvent entry = f.sink.last(id);
        assertThat(entry.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(entry.fillPrice()).isCloseTo(100 * (1 + SLIP), within(1e-9));
        assertThat(f.sink.last(sl(id)).status()).isEqualTo(OrderStatus.WORKING);
        assertThat(f.sink.last(tp(id)).status()).isEqualTo(OrderStatus.WORKING);
        assertThat(f.sink.openOrders).containsOnlyKeys(sl(id), tp(id)); // entry tombstoned
        Position p = f.sink.positions.get(Position.keyOf("ACME", 11));
        assertThat(p.quantity()).isEqualTo(10);
        assertThat(f.openBrackets()).isEqualTo(1);
    }

    @Test
    void takeProfitFillCancelsStopLossAndClosesThePosition() {
        String id = acceptedBuy();
        f.tick("ACME", 100).tick("ACME", 105).tick("ACME", 111);
        assertThat(f.sink.last(tp(id)).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(f.sink.last(tp(id)).fillPrice()).isEqualTo(111); // limit: the crossing tick's price, no slippage
        assertThat(f.sink.last(sl(id)).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(f.sink.last(sl(id)).reason()).contains("oco");
        Position p = f.sink.positions.get(Position.keyOf("ACME", 11));
        assertThat(p.isFlat()).isTrue();
        assertThat(p.realisedPnl()).isCloseTo(10 * (111 - 100 * (1 + SLIP)), within(1e-6));
        assertRemovedFromEveryOpenStore(1);
    }

    @Test
    void stopLossFillCancelsTakeProfitAndAGapFillsAtTheGappedPrice() {
        String id = acceptedBuy();
        f.tick("ACME", 100).tick("ACME", 90); // gaps through the 95 stop
        assertThat(f.sink.last(sl(id)).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(f.sink.last(sl(id)).fillPrice()).isCloseTo(90 * (1 - SLIP), within(1e-9));
        assertThat(f.sink.last(tp(id)).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(f.sink.positions.get(Position.keyOf("ACME", 11)).isFlat()).isTrue();
        assertRemovedFromEveryOpenStore(1);
    }

    @Test
    void cancellingTheEntryCancelsItsChildren() {
        SubmitResult r = f.limitBuy("c1", "ACME", 12, 98, TimeInForce.GTC);
        String id = r.order().orderId();
        assertThat(f.engine.cancel(id, "test")).isPresent();
        assertThat(f.sink.last(id).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(f.sink.last(sl(id)).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(f.sink.last(tp(id)).status()).isEqualTo(OrderStatus.CANCELLED);
        assertRemovedFromEveryOpenStore(1);
    }

    @Test
    void cancellingAWorkingChildCancelsTheWholeBracketButKeepsThePosition() {
        String id = acceptedBuy();
        f.tick("ACME", 100);
        assertThat(f.engine.cancel(sl(id), "test")).isPresent();
        assertThat(f.sink.last(tp(id)).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(f.engine.pnl().openPositions()).isEqualTo(1);
        assertRemovedFromEveryOpenStore(1);
    }

    @Test
    void dayEntryExpiresAtSessionCloseWithItsChildren() {
        String day = f.limitBuy("d1", "ACME", 12, 98, TimeInForce.DAY).order().orderId();
        String gtc = f.limitBuy("g1", "ACME", 13, 98, TimeInForce.GTC).order().orderId();
        f.tick("ACME", 99).sessionClosed();
        assertThat(f.sink.last(day).status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(f.sink.last(sl(day)).status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(f.sink.last(tp(day)).status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(f.sink.last(gtc).status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(f.openBrackets()).isEqualTo(1);
        assertThat(f.engine.state().openBracketStore().exits(ExitCause.REMOVED)).isEqualTo(1);
    }

    @Test
    void limitEntryFillsOnlyWhenThePriceCrossesAndAtTheTickPriceOnAGap() {
        String id = f.limitBuy("l1", "ACME", 12, 98, TimeInForce.GTC).order().orderId();
        f.tick("ACME", 99);
        assertThat(f.sink.last(id).status()).isEqualTo(OrderStatus.ACCEPTED);
        f.tick("ACME", 96); // gaps below the 98 limit: filled at the better price
        assertThat(f.sink.last(id).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(f.sink.last(id).fillPrice()).isEqualTo(96);
    }

    @Test
    void rejectedOrderNeverEntersTheOpenOrderStore() {
        f.engine.killSwitch(true);
        SubmitResult r = f.buy("ACME", 11, 100);
        assertThat(r.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(f.sink.openOrders).isEmpty();
        assertThat(f.openBrackets()).isZero();
        assertThat(f.engine.state().openBracketStore().exits(ExitCause.REMOVED)).isZero();
        assertThat(f.engine.state().historyRing().size()).isEqualTo(1);
    }

    @Test
    void killSwitchCancelsEveryOpenBracket() {
        acceptedBuy();
        f.limitBuy("k1", "ACME", 12, 98, TimeInForce.GTC);
        assertThat(f.engine.killSwitch(true)).isEqualTo(2);
        assertThat(f.sink.events)
                .filteredOn(e -> e.status() == OrderStatus.CANCELLED)
                .hasSize(6);
        assertRemovedFromEveryOpenStore(2);
    }

    @Test
    void delistingCancelsTheSymbolsOrdersSettlesAndTombstonesItsPositions() {
        String id = acceptedBuy();
        f.tick("ACME", 100).tick("ACME", 104);
        f.delisted("ACME");
        assertThat(f.sink.last(sl(id)).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(f.sink.last(sl(id)).reason()).isEqualTo("symbol delisted");
        assertThat(f.sink.positionTombstones).containsExactly(Position.keyOf("ACME", 11));
        assertThat(f.engine.state().positionStore().size()).isZero();
        assertThat(f.engine.state().symbolStore().size()).isZero();
        assertThat(f.engine.knowsSymbol("ACME")).isFalse();
        assertRemovedFromEveryOpenStore(1);
    }

    @Test
    void openOrderStoresAreBackToZeroAfterTheSessionClosesAndEverythingIsFlat() {
        String[] symbols = {"AAA", "BBB", "CCC"};
        for (String s : symbols) {
            f.listed(s, 50);
        }
        int slot = 0;
        for (int round = 0; round < 3; round++) {
            for (String s : symbols) {
                int[] slots = {11, 12, 13, 21, 22, 23, 31};
                f.signal(s, slots[slot++ % slots.length], Side.BUY, 50, 47.5, 55, 5); // market, fills
                f.limitBuy("lim-" + s + round, s, 41 + round, 40, TimeInForce.DAY); // never fills
            }
            for (String s : symbols) {
                f.tick(s, 50);
            }
            for (String s : symbols) {
                f.tick(s, round % 2 == 0 ? 56 : 47); // TP or SL closes every filled bracket
                f.tick(s, 50);
            }
        }
        assertThat(f.openBrackets()).isGreaterThan(0); // the DAY limits are still open
        f.sessionClosed();
        assertThat(f.engine.pnl().openPositions()).isZero();
        assertThat(f.storeEntriesGauge("order-open-brackets")).isZero();
        assertThat(f.sink.openOrders).isEmpty();
        assertThat(f.engine.state().openBracketStore().exits(ExitCause.CAPACITY))
                .isZero();
        assertThat(f.engine.state().openBracketStore().exits(ExitCause.REMOVED)).isEqualTo(18);
    }

    private void assertRemovedFromEveryOpenStore(long removed) {
        assertThat(f.openBrackets()).isZero();
        assertThat(f.storeEntriesGauge("order-open-brackets")).isZero();
        assertThat(f.engine.state().openBracketStore().exits(ExitCause.REMOVED)).isEqualTo(removed);
        assertThat(f.sink.openOrders).as("order.open-orders tombstoned").isEmpty();
        assertThat(f.engine.openOrders(0, 500)).isEmpty();
    }
}
