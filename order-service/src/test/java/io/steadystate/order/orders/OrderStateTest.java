package io.steadystate.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.steadystate.core.event.OrderEvent;
import io.steadystate.core.event.OrderStatus;
import io.steadystate.core.event.OrderType;
import io.steadystate.core.event.Position;
import io.steadystate.core.event.StrategySlot;
import io.steadystate.core.event.TimeInForce;
import io.steadystate.core.state.ExitCause;
import io.steadystate.core.time.EventTimeGuard;
import io.steadystate.order.intake.SubmitResult.Outcome;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every way out of every store of {@link OrderState}, one test each, read from the store's own exit counters
 * (what {@code steadystate_store_evictions_total{cause}} exports) — and after each, {@link OrderState#residuals()}
 * finds the symbol books' slot arrays and the stores in agreement.
 */
class OrderStateTest {

    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final int SLOT_11 = StrategySlot.ofId(11).index();

    private EngineFixture f = new EngineFixture().listed("ACME", 100);

    private OrderState state() {
        return f.engine.state();
    }

    private String accepted(int slot) {
        var r = f.buy("ACME", slot, 100);
        assertThat(r.outcome()).isEqualTo(Outcome.ACCEPTED);
        return r.order().orderId();
    }

    @AfterEach
    void stateIsConsistentAfterEveryWayOut() {
        assertThat(state().residuals()).isEmpty();
    }

    // ---- order-open-brackets -------------------------------------------------------------------------------------

    @Test
    void aBracketLeavesWhenAChildFillsAndItsThreeLegsEnterHistory() {
        String id = accepted(11);
        f.tick("ACME", 100).tick("ACME", 111); // entry fills, then the take-profit (110); stop-loss cancelled (OCO)
        assertThat(state().openBracketStore().size()).isZero();
        assertThat(state().openBracketStore().exits(ExitCause.REMOVED)).isEqualTo(1);
        assertThat(state().symbol("ACME").bracket(SLOT_11))
                .as("the slot is free again")
                .isNull();
        assertThat(state().historyRing().size()).isEqualTo(3);
        assertThat(state().openBracket(id)).isNull();
    }

    @Test
    void anEndedBracketLeavesWithEveryLiveLegPublishedAndTombstoned() {
        String id = accepted(11);
        Bracket b = state().openBracket(id);
        state().end(b, OrderStatus.CANCELLED, "test", f.now);
        assertThat(state().openBracketStore().exits(ExitCause.REMOVED)).isEqualTo(1);
        assertThat(f.sink.events.stream().filter(e -> e.status() == OrderStatus.CANCELLED))
                .hasSize(3);
        assertThat(f.sink.openOrders).isEmpty();
        assertThat(state().symbol("ACME").bracket(SLOT_11)).isNull();
    }

    @Test
    void unfilledDayEntriesLeaveAtTheSessionCloseAndGtcEntriesStay() {
        f.limitBuy("day", "ACME", 12, 90, TimeInForce.DAY);
        f.limitBuy("gtc", "ACME", 13, 90, TimeInForce.GTC);
        f.sessionClosed();
        assertThat(state().openBracketStore().exits(ExitCause.REMOVED)).isEqualTo(1);
        assertThat(state().openBracketStore().size()).isEqualTo(1);
        assertThat(f.sink.last("M-day").status()).isEqualTo(OrderStatus.EXPIRED);
    }

    @Test
    void theKillSwitchEndsEveryOpenBracket() {
        accepted(11);
        accepted(12);
        assertThat(f.engine.killSwitch(true)).isEqualTo(2);
        assertThat(state().openBracketStore().exits(ExitCause.REMOVED)).isEqualTo(2);
        assertThat(state().openBracketStore().size()).isZero();
    }

    @Test
    void aRejectedOrderNeverEntersButIsRememberedAsSeenAndInHistory() {
        accepted(11);
        var busy = f.buy("ACME", 11, 100); // slot busy
        assertThat(busy.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(state().openBracketStore().size()).isEqualTo(1);
        assertThat(state().openBracketStore().exits(ExitCause.REMOVED)).isZero();
        assertThat(state().isDuplicate(busy.order().orderId())).isTrue();
        assertThat(state().historyRing().newest(0, 10, e -> true))
                .extracting(OrderEvent::status)
                .containsExactly(OrderStatus.REJECTED);
    }

    // ---- order-symbols and order-positions -----------------------------------------------------------------------

    @Test
    void aDelistedSymbolLeavesWithItsBracketsAndItsSettledPositions() {
        accepted(11);
        f.tick("ACME", 100); // position on slot 11, children working
        accepted(12); // entry still open on slot 12
        state().delist("ACME");
        assertThat(state().symbolStore().exits(ExitCause.REMOVED)).isEqualTo(1);
        assertThat(state().openBracketStore().exits(ExitCause.REMOVED)).isEqualTo(2);
        assertThat(state().positionStore().exits(ExitCause.REMOVED)).isEqualTo(1);
        assertThat(state().symbolStore().size()
                        + state().openBracketStore().size()
                        + state().positionStore().size())
                .isZero();
        assertThat(f.sink.positionTombstones).containsExactly(Position.keyOf("ACME", 11));
        assertThat(f.sink.events.get(f.sink.events.size() - 1).reason()).isEqualTo("symbol delisted");
    }

    @Test
    void anIdleSymbolExpiresOnEventTimeWithItsBracketsAndPositions() {
        accepted(11);
        f.tick("ACME", 100);
        f.now += 4 * DAY;
        f.listed("OTHER", 10); // event time moves on; ACME sees nothing
        f.now += 4 * DAY;
        f.listed("OTHER", 10); // 8 days: past symbol-idle-expiry (P7D)
        state().expireIdle();
        assertThat(state().symbolStore().exits(ExitCause.EXPIRED)).isEqualTo(1);
        assertThat(state().openBracketStore().exits(ExitCause.REMOVED)).isEqualTo(1);
        assertThat(state().positionStore().exits(ExitCause.REMOVED)).isEqualTo(1);
        assertThat(f.engine.knowsSymbol("ACME")).isFalse();
        assertThat(f.engine.knowsSymbol("OTHER")).isTrue();
        assertThat(f.sink.events.get(f.sink.events.size() - 1).reason()).isEqualTo("symbol retired (expired)");
    }

    @Test
    void aRevokedSymbolLeavesEveryStoreAndNothingIsPublished() {
        accepted(11);
        f.tick("ACME", 100);
        int events = f.sink.events.size();
        assertThat(state().revoke("ACME"::equals)).isEqualTo(1);
        assertThat(state().symbolStore().exits(ExitCause.REVOKED)).isEqualTo(1);
        assertThat(state().openBracketStore().exits(ExitCause.REVOKED)).isEqualTo(1);
        assertThat(state().positionStore().exits(ExitCause.REVOKED)).isEqualTo(1);
        assertThat(state().seenOrderIdStore().exits(ExitCause.REVOKED)).isEqualTo(1);
        assertThat(f.sink.events).hasSize(events);
        assertThat(f.sink.positionTombstones).isEmpty();
    }

    // ---- order-seen-ids and order-history ------------------------------------------------------------------------

    @Test
    void seenIdsExpireOnEventTime() {
        String id = accepted(11);
        f.engine.killSwitch(true); // the bracket leaves; its id stays seen
        f.engine.killSwitch(false);
        assertThat(state().isDuplicate(id)).isTrue();
        f.now += 2 * DAY; // past dedup-expiry (P1D)
        f.sessionClosed(); // every session event runs the idle expiry
        assertThat(state().seenOrderIdStore().exits(ExitCause.EXPIRED)).isEqualTo(1);
        assertThat(state().isDuplicate(id)).isFalse();
    }

    @Test
    void seenIdsLeaveOldestFirstAtCapacity() {
        f = new EngineFixture(settings(2, 10_000)).listed("ACME", 100);
        f.limitBuy("a", "ACME", 11, 90, TimeInForce.GTC);
        f.limitBuy("b", "ACME", 12, 90, TimeInForce.GTC);
        f.limitBuy("c", "ACME", 13, 90, TimeInForce.GTC);
        assertThat(state().seenOrderIdStore().exits(ExitCause.CAPACITY)).isEqualTo(1);
        assertThat(state().seenOrderIdStore().size()).isEqualTo(2);
        assertThat(state().isDuplicate("M-a"))
                .as("still open, so still a duplicate")
                .isTrue();
    }

    @Test
    void historyKeepsOnlyTheNewestTerminalStates() {
        f = new EngineFixture(settings(200_000, 4)).listed("ACME", 100);
        accepted(11);
        accepted(12);
        f.engine.killSwitch(true); // two brackets end: six terminal legs
        assertThat(state().historyRing().added()).isEqualTo(6);
        assertThat(state().historyRing().size()).isEqualTo(4);
        assertThat(f.engine.history(0, 10)).hasSize(4);
    }

    // ---- the residual check itself -------------------------------------------------------------------------------

    @Test
    void residualsFindASlotThatForgotItsBracketAndAPositionItsBookDoesNotHold() {
        accepted(11);
        f.tick("ACME", 100);
        SymbolBook book = state().symbol("ACME");
        Bracket b = book.brackets[SLOT_11];
        var p = book.positions[SLOT_11];
        book.brackets[SLOT_11] = null;
        book.positions[SLOT_11] = null;
        assertThat(state().residuals())
                .containsExactlyInAnyOrder(
                        "open bracket " + b.entryId + " is not in slot 11 of ACME",
                        "position " + Position.keyOf("ACME", 11) + " is not held by its symbol book");
        book.brackets[SLOT_11] = b; // restored, so the after-each check sees a consistent state again
        book.positions[SLOT_11] = p;
    }

    private static EngineSettings settings(int dedupCapacity, int historyCapacity) {
        EngineSettings d = EngineSettings.defaults();
        return new EngineSettings(
                d.maxOpenOrders(),
                d.maxNotional(),
                d.maxOrdersPerSecond(),
                d.maxSymbols(),
                d.symbolIdleExpiry(),
                dedupCapacity,
                d.dedupExpiry(),
                historyCapacity,
                d.slippageBps(),
                OrderType.MARKET,
                TimeInForce.DAY,
                EventTimeGuard.DEFAULT_MAX_STEP);
    }
}
