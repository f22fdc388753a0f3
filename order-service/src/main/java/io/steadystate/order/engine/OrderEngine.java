package io.steadystate.order.engine;

import io.micrometer.core.instrument.MeterRegistry;
import io.steadystate.core.event.MarketEvent;
import io.steadystate.core.event.OrderEvent;
import io.steadystate.core.event.Position;
import io.steadystate.core.event.Signal;
import io.steadystate.core.event.Tick;
import io.steadystate.core.state.ExitCause;
import io.steadystate.core.state.StoreMetrics;
import io.steadystate.core.time.EventClock;
import io.steadystate.order.events.OrderSink;
import io.steadystate.order.execution.FillModel;
import io.steadystate.order.execution.TickExecution;
import io.steadystate.order.fault.OrderTrackingLeak;
import io.steadystate.order.intake.ManualOrder;
import io.steadystate.order.intake.OrderIntake;
import io.steadystate.order.intake.SubmitResult;
import io.steadystate.order.orders.EngineSettings;
import io.steadystate.order.orders.OrderMetrics;
import io.steadystate.order.orders.OrderState;
import io.steadystate.order.risk.RiskLimits;
import io.steadystate.order.session.SessionEvents;
import io.steadystate.order.views.OrderViews;
import io.steadystate.order.views.PnlSummary;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The order engine's door and its one lock: signals and manual orders ({@link OrderIntake}) become brackets, ticks
 * execute them ({@link TickExecution}), session events expire and retire ({@link SessionEvents}), REST reads
 * ({@link OrderViews}); all state — every store and every way out of it — is {@link OrderState}'s.
 *
 * <p><b>Concurrency model</b>: one lock. Every public method is {@code synchronized} on the engine, so all
 * state is mutated by one thread at a time — whether the caller is the consumer's batch thread, the rebalance
 * listener (revoke / rebuild of partitions) or a REST thread. Work under the lock is small (a tick touches one
 * symbol's 21 slots; a REST page is at most {@code max-page-size} items) and never waits for the broker:
 * {@link OrderSink} calls are asynchronous sends. Simpler than per-partition threads and measured fast enough
 * (README). The parts behind this door are not thread-safe and are only called from here.
 */
public final class OrderEngine {

    private final OrderMetrics metrics;
    private final OrderState state;
    private final OrderViews views;
    private final OrderIntake intake;
    private final TickExecution execution;
    private final SessionEvents session;
    /** True once the first rebuild (start-up or first partition assignment) has finished. */
    private volatile boolean initialised;
    /** Rebuilds of gained partitions in progress: while &gt; 0 the state is incomplete (503, readiness DOWN). */
    private volatile int rebuilding;

    public OrderEngine(
            EngineSettings settings,
            OrderSink sink,
            MeterRegistry registry,
            OrderTrackingLeak fault,
            LongSupplier wallMicros) {
        this.metrics = new OrderMetrics(registry);
        this.state = new OrderState(settings, sink, metrics, fault, wallMicros, new StoreMetrics(registry));
        this.views = new OrderViews(state, registry);
        this.intake = new OrderIntake(
                settings,
                state,
                views,
                new RiskLimits(settings.maxNotional(), settings.maxOrdersPerSecond()),
                sink,
                metrics,
                wallMicros);
        this.execution = new TickExecution(state, new FillModel(settings.slippageBps()), sink, metrics, wallMicros);
        this.session = new SessionEvents(state);
    }

    // ---- recovery and partition ownership ---------------------------------------------------------------------

    /**
     * Rebuilds state from the compacted topics (see {@code recovery.StateRecovery}) before any input is
     * processed: live orders from order.open-orders, positions from order.positions, recently seen order ids
     * (id → symbol) from the tail of order.events. Afterwards {@link #isRecovered()} is true.
     */
    public synchronized void recover(
            Collection<OrderEvent> openOrders,
            Collection<Position> positionSnapshots,
            Map<String, String> recentlySeenOrderIds,
            long latestEventTime) {
        restore(openOrders, positionSnapshots, recentlySeenOrderIds, latestEventTime);
        initialised = true;
    }

    /**
     * Adds the state of symbols this instance has just gained (a partition assignment) or recovers after a
     * restart. Only ever called for symbols the engine does not hold: their owner was another instance, or
     * nobody. Does not change readiness: see {@link #beginRebuild()}.
     */
    public synchronized void restore(
            Collection<OrderEvent> openOrders,
            Collection<Position> positionSnapshots,
            Map<String, String> recentlySeenOrderIds,
            long latestEventTime) {
        state.restore(openOrders, positionSnapshots, recentlySeenOrderIds, latestEventTime);
    }

    /**
     * Ownership follows partitions (ARCHITECTURE.md, rule 5): drops everything held for the symbols that
     * {@code lost} accepts — their symbol books, open brackets, positions and dedup ids — with
     * {@link ExitCause#REVOKED}. Publishes nothing: no cancel, no tombstone, because the new owner of the
     * partition rebuilds the same brackets and positions from the compacted topics and continues them.
     *
     * @return the number of symbols dropped
     */
    public synchronized int revokeSymbols(Predicate<String> lost) {
        return state.revoke(lost);
    }

    /** A rebuild of gained partitions starts: until {@link #endRebuild()} the state is incomplete. */
    public synchronized void beginRebuild() {
        rebuilding++;
    }

    /** The rebuild is done (also the end of the start-up recovery: the first assignment). */
    public synchronized void endRebuild() {
        rebuilding = Math.max(0, rebuilding - 1);
        initialised = true;
    }

    /** Marks the engine ready without recovering (tests, benchmarks, first start on an empty cluster). */
    public synchronized void startEmpty() {
        initialised = true;
    }

    /**
     * True when the state is complete: the first rebuild has finished and no rebuild of gained partitions is
     * running. Readiness and the 503 of mutating REST calls follow it.
     */
    public boolean isRecovered() {
        return initialised && rebuilding == 0;
    }

    // ---- input -------------------------------------------------------------------------------------------------

    /** A strategy signal: deduplicated by its deterministic order id, then the common acceptance path. */
    public synchronized SubmitResult onSignal(Signal s) {
        return intake.onSignal(s);
    }

    /** A REST order: market checks (400, nothing changed), then the same acceptance path as signals. */
    public synchronized SubmitResult submitManual(ManualOrder m) {
        return intake.submitManual(m);
    }

    /**
     * One market event, applied whole or refused whole: an implausible event time, a symbol the store has no room
     * for, or a tick whose fills cannot be represented throw {@link IllegalArgumentException} before anything
     * changes (the ingest dead-letters the record with the message, reason VALIDATION).
     */
    public synchronized void onMarketEvent(MarketEvent event) {
        state.time().refuseImplausible(event.eventTime(), event.getClass().getSimpleName());
        if (event instanceof Tick t) {
            execution.onTick(t);
        } else {
            session.apply(event);
        }
    }

    // ---- commands from REST --------------------------------------------------------------------------------------

    /** Cancels the whole bracket of {@code orderId} (any of its three ids); empty when it is not open. */
    public synchronized Optional<OrderEvent> cancel(String orderId, String reason) {
        return intake.cancel(orderId, reason);
    }

    /** On: rejects every new order and cancels every open bracket (returns how many). Off: accepts again. */
    public synchronized int killSwitch(boolean on) {
        return intake.killSwitch(on);
    }

    public boolean killSwitch() {
        return intake.killSwitch();
    }

    // ---- queries (REST) ----------------------------------------------------------------------------------------

    public synchronized Optional<OrderEvent> find(String orderId) {
        return views.find(orderId);
    }

    /** Live orders (every non-terminal leg), skipping {@code offset}, at most {@code limit}. */
    public synchronized List<OrderEvent> openOrders(int offset, int limit) {
        return views.openOrders(offset, limit);
    }

    public List<OrderEvent> history(int offset, int limit) {
        return views.history(offset, limit); // the ring is thread-safe on its own
    }

    public synchronized List<Position> positions(int offset, int limit) {
        return views.positions(offset, limit);
    }

    public synchronized PnlSummary pnl() {
        return views.pnl();
    }

    public synchronized boolean knowsSymbol(String symbol) {
        return state.knowsSymbol(symbol);
    }

    // ---- introspection (tests, metrics) ----------------------------------------------------------------------

    /** The owner of every store (tests and metrics read it; call its methods under this engine's lock). */
    public OrderState state() {
        return state;
    }

    public OrderMetrics metrics() {
        return metrics;
    }

    public EventClock clock() {
        return state.time().clock();
    }
}
