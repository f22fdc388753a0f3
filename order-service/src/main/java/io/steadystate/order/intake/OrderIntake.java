package io.steadystate.order.intake;

import io.steadystate.core.event.OrderCommand;
import io.steadystate.core.event.OrderEvent;
import io.steadystate.core.event.OrderRole;
import io.steadystate.core.event.OrderStatus;
import io.steadystate.core.event.OrderType;
import io.steadystate.core.event.Signal;
import io.steadystate.core.event.StrategySlot;
import io.steadystate.order.events.OrderSink;
import io.steadystate.order.intake.SubmitResult.Outcome;
import io.steadystate.order.orders.Bracket;
import io.steadystate.order.orders.EngineSettings;
import io.steadystate.order.orders.OrderMetrics;
import io.steadystate.order.orders.OrderMetrics.SignalOutcome;
import io.steadystate.order.orders.OrderState;
import io.steadystate.order.orders.SymbolBook;
import io.steadystate.order.risk.RejectReason;
import io.steadystate.order.risk.RiskLimits;
import io.steadystate.order.views.OrderViews;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Orders in: strategy signals and REST submissions become brackets or rejections (and the REST commands on
 * them: cancel, kill switch), after the market checks
 * ({@link MarketChecks}) and the risk checks in a fixed order (README "Risk checks"). Every event of an accepted
 * order is built — and so validated — before the rate token is taken or {@link OrderState} changes.
 * Not thread-safe: runs under the {@code OrderEngine} lock.
 */
public final class OrderIntake {

    private final EngineSettings settings;
    private final OrderState state;
    private final OrderViews views;
    private final RiskLimits risk;
    private final OrderSink sink;
    private final OrderMetrics metrics;
    private final LongSupplier wallMicros;

    public OrderIntake(
            EngineSettings settings,
            OrderState state,
            OrderViews views,
            RiskLimits risk,
            OrderSink sink,
            OrderMetrics metrics,
            LongSupplier wallMicros) {
        this.settings = settings;
        this.state = state;
        this.views = views;
        this.risk = risk;
        this.sink = sink;
        this.metrics = metrics;
        this.wallMicros = wallMicros;
    }

    /** A strategy signal: deduplicated by its deterministic order id, then the common acceptance path. */
    public SubmitResult onSignal(Signal s) {
        state.time().refuseImplausible(s.eventTime(), "signal " + s.id());
        state.time().advanceTo(s.eventTime());
        String orderId = OrderCommand.idForSignal(s.id());
        if (state.isDuplicate(orderId)) {
            metrics.signal(SignalOutcome.DUPLICATE);
            return new SubmitResult(Outcome.DUPLICATE, "order " + orderId + " already seen", null);
        }
        OrderType type = settings.signalEntryType();
        OrderCommand command = new OrderCommand(
                orderId,
                s.id(),
                s.symbol(),
                s.slotId(),
                s.side(),
                type,
                s.quantity(),
                type == OrderType.LIMIT ? s.referencePrice() : 0,
                s.stopLoss(),
                s.takeProfit(),
                settings.signalTimeInForce(),
                s.eventTime(),
                s.originMicros());
        SymbolBook book = state.symbol(s.symbol());
        SubmitResult result;
        if (book == null || !book.hasPrice()) {
            result = reject(command, RejectReason.UNKNOWN_SYMBOL, "no market data seen for " + s.symbol());
        } else {
            String absurd =
                    MarketChecks.absurdPrice(book.lastPrice(), s.referencePrice(), s.stopLoss(), s.takeProfit());
            result = absurd != null
                    ? reject(command, RejectReason.INVALID, absurd)
                    : accept(command, book, s.referencePrice());
        }
        metrics.signal(result.outcome() == Outcome.ACCEPTED ? SignalOutcome.ACCEPTED : SignalOutcome.REJECTED);
        metrics.signalToOrder(s.originMicros(), wallMicros.getAsLong());
        return result;
    }

    /**
     * A REST order. Checks against the market first — unknown symbol, absurd price, bracket on the wrong side —
     * which change nothing and answer 400; then the same acceptance path as signals.
     */
    public SubmitResult submitManual(ManualOrder m) {
        String orderId = OrderCommand.idForClientOrder(m.clientOrderId());
        if (state.isDuplicate(orderId)) {
            return new SubmitResult(
                    Outcome.DUPLICATE,
                    "order " + orderId + " already exists",
                    views.find(orderId).orElse(null));
        }
        SymbolBook book = state.symbol(m.symbol());
        if (book == null || !book.hasPrice()) {
            metrics.reject(RejectReason.UNKNOWN_SYMBOL);
            return new SubmitResult(
                    Outcome.UNKNOWN_SYMBOL, "unknown symbol " + m.symbol() + " (no market data seen)", null);
        }
        double reference = m.type() == OrderType.LIMIT ? m.limitPrice() : book.lastPrice();
        String problem = MarketChecks.absurdPrice(book.lastPrice(), reference, m.stopLoss(), m.takeProfit());
        if (problem == null) {
            problem = MarketChecks.bracketSideProblem(m.side(), reference, m.stopLoss(), m.takeProfit());
        }
        if (problem != null) {
            metrics.reject(RejectReason.INVALID);
            return new SubmitResult(Outcome.INVALID, problem, null);
        }
        long now = state.time().clock().nowMillis();
        OrderCommand command = new OrderCommand(
                orderId,
                "",
                m.symbol(),
                m.slotId(),
                m.side(),
                m.type(),
                m.quantity(),
                m.type() == OrderType.LIMIT ? m.limitPrice() : 0,
                m.stopLoss(),
                m.takeProfit(),
                m.timeInForce(),
                now,
                wallMicros.getAsLong());
        return accept(command, book, reference);
    }

    /** DELETE: cancels the whole bracket of {@code orderId} (any of its three ids); empty when it is not open. */
    public Optional<OrderEvent> cancel(String orderId, String reason) {
        Bracket b = state.openBracket(Bracket.entryIdOf(orderId));
        if (b == null || b.leg(orderId) == null) {
            return Optional.empty();
        }
        state.end(b, OrderStatus.CANCELLED, reason, state.time().nowOrZero());
        return Optional.of(b.event(b.leg(orderId)));
    }

    /** On: rejects every new order and cancels every open bracket (returns how many). Off: accepts again. */
    public int killSwitch(boolean on) {
        risk.killSwitch(on);
        if (!on) {
            return 0;
        }
        var all = state.openBrackets(b -> true);
        long time = state.time().nowOrZero();
        for (Bracket b : all) {
            state.end(b, OrderStatus.CANCELLED, "kill switch", time);
        }
        return all.size();
    }

    public boolean killSwitch() {
        return risk.killSwitch();
    }

    /** Risk checks in a fixed order; the rate token is taken last so rejected orders do not consume it. */
    private SubmitResult accept(OrderCommand c, SymbolBook book, double referencePrice) {
        int slot = StrategySlot.ofId(c.slotId()).index();
        if (risk.killSwitch()) {
            return reject(c, RejectReason.KILL_SWITCH, "kill switch is on");
        }
        if (book.bracket(slot) != null) {
            return reject(
                    c,
                    RejectReason.SLOT_BUSY,
                    "slot " + c.slotId() + " of " + c.symbol() + " already has open bracket "
                            + book.bracket(slot).entryId);
        }
        if (state.openBracketStore().size() >= settings.maxOpenOrders()) {
            return reject(c, RejectReason.SLOT_BUSY, "open-order store full (" + settings.maxOpenOrders() + ")");
        }
        if (!risk.notionalAllowed(c.quantity(), referencePrice)) {
            return reject(
                    c,
                    RejectReason.MAX_NOTIONAL,
                    "notional " + c.quantity() * referencePrice + " above max " + settings.maxNotional());
        }
        // every event is built (and so validated) before the rate token is taken or a store changes
        Bracket b = Bracket.accepted(c, book, c.eventTime(), c.originMicros());
        OrderEvent entry = b.event(b.entry);
        OrderEvent sl = b.event(b.stopLoss);
        OrderEvent tp = b.event(b.takeProfit);
        if (!risk.tryAcquire(c.eventTime())) {
            return reject(
                    c, RejectReason.RATE_LIMIT, "more than " + settings.maxOrdersPerSecond() + " orders per second");
        }
        state.open(b);
        state.publish(entry);
        state.publish(sl);
        state.publish(tp);
        sink.openOrder(entry);
        sink.openOrder(sl);
        sink.openOrder(tp);
        return new SubmitResult(Outcome.ACCEPTED, "accepted", entry);
    }

    /** REJECTED is terminal at birth: built first (it may refuse the input), then {@link OrderState#rejected}. */
    private SubmitResult reject(OrderCommand c, RejectReason reason, String message) {
        OrderEvent e = new OrderEvent(
                c.orderId(),
                c.orderId(),
                c.signalId(),
                c.symbol(),
                c.slotId(),
                OrderRole.ENTRY,
                OrderStatus.REJECTED,
                c.side(),
                c.type(),
                c.timeInForce(),
                c.quantity(),
                c.limitPrice(),
                0,
                reason.tag() + ": " + message,
                c.eventTime(),
                c.originMicros());
        metrics.reject(reason);
        state.rejected(e);
        return new SubmitResult(Outcome.REJECTED, e.reason(), e);
    }
}
