package io.steadystate.order.orders;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.steadystate.core.event.DayRolled;
import io.steadystate.core.event.MarketEvent;
import io.steadystate.core.event.OrderCommand;
import io.steadystate.core.event.OrderEvent;
import io.steadystate.core.event.OrderRole;
import io.steadystate.core.event.OrderStatus;
import io.steadystate.core.event.OrderType;
import io.steadystate.core.event.Position;
import io.steadystate.core.event.SessionClosed;
import io.steadystate.core.event.SessionOpened;
import io.steadystate.core.event.Side;
import io.steadystate.core.event.Signal;
import io.steadystate.core.event.StrategySlot;
import io.steadystate.core.event.SymbolDelisted;
import io.steadystate.core.event.SymbolListed;
import io.steadystate.core.event.Tick;
import io.steadystate.core.state.BoundedStore;
import io.steadystate.core.state.ExitCause;
import io.steadystate.core.state.ObjectRing;
import io.steadystate.core.state.StoreMetrics;
import io.steadystate.core.time.EventClock;
import io.steadystate.core.time.EventTimeGuard;
import io.steadystate.order.events.OrderSink;
import io.steadystate.order.execution.FillModel;
import io.steadystate.order.fault.OrderTrackingLeak;
import io.steadystate.order.orders.OrderMetrics.SignalOutcome;
import io.steadystate.order.orders.SubmitResult.Outcome;
import io.steadystate.order.positions.PositionBook;
import io.steadystate.order.risk.RejectReason;
import io.steadystate.order.risk.RiskLimits;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The order engine: signals and manual orders become brackets, ticks execute them, positions follow.
 *
 * <p><b>Concurrency model</b>: one lock. Every public method is {@code synchronized} on the engine, so all
 * state below is mutated by one thread at a time — whether the caller is the consumer's batch thread, the
 * rebalance listener (revoke / rebuild of partitions) or a REST thread. Work under the lock is small (a tick touches one symbol's 21 slots; a REST
 * page is at most {@code max-page-size} items) and never waits for the broker: {@link OrderSink} calls are
 * asynchronous sends. Simpler than per-partition threads and measured fast enough (README).
 *
 * <p><b>Stores</b> (each reported as {@code steadystate_store_*{store=...}}):
 * <ul>
 *   <li>{@code order-open-brackets}: entry id → {@link Bracket}, capacity {@code max-open-orders}. Removed on
 *       every terminal path: entry REJECTED (never admitted), entry CANCELLED/EXPIRED (children with it),
 *       child FILLED (sibling CANCELLED by OCO), DELETE, kill switch, delisting, symbol idle expiry.
 *       New brackets are rejected (slot_busy) before the store is full, so capacity eviction never drops a live order.</li>
 *   <li>{@code order-symbols}: symbol → {@link SymbolBook}, capacity {@code max-symbols}, idle expiry on event
 *       time; enters on its listing or first tick only while there is room (refused at capacity, so capacity
 *       eviction never retires an established symbol); leaves on SymbolDelisted or idle expiry, taking its
 *       brackets and positions with it.</li>
 *   <li>{@code order-positions}: symbol|slot → {@link PositionBook}; capacity max-symbols × 21, so it can never
 *       fill before the symbol store does. Leaves with its symbol (tombstone on order.positions).</li>
 *   <li>{@code order-seen-ids}: order ids seen (dedup of redelivered signals and retried REST orders),
 *       capacity {@code dedup-capacity}, idle expiry {@code dedup-expiry} on event time.</li>
 *   <li>{@code order-history}: ring of the last {@code history-capacity} terminal order states.</li>
 * </ul>
 * Ownership follows partitions: {@link #revokeSymbols} drops a lost partition's symbols from every per-symbol
 * store ({@code ExitCause.REVOKED}, nothing published) and {@link #restore} adds a gained partition's state.
 */
public final class OrderEngine {

    private static final Logger LOG = Logger.getLogger(OrderEngine.class);
    private static final int SLOTS = StrategySlot.COUNT;
    /** A price further than this factor from the last price is a typo, not an order. */
    private static final double ABSURD_FACTOR = 10.0;

    private final EngineSettings settings;
    private final OrderSink sink;
    private final OrderMetrics metrics;
    private final OrderTrackingLeak fault;
    private final FillModel fills;
    private final RiskLimits risk;
    private final LongSupplier wallMicros;
    private final EventClock clock = new EventClock();
    private final EventTimeGuard timeGuard;
    private final TickPlan tickPlan;
    private final BoundedStore<String, SymbolBook> symbols;
    private final BoundedStore<String, Bracket> openBrackets;
    private final BoundedStore<String, PositionBook> positions;
    /** order id → its symbol, so the ids of a revoked partition's symbols leave with them. */
    private final BoundedStore<String, String> seenOrderIds;
    private final ObjectRing<OrderEvent> history;
    /** True once the first rebuild (start-up or first partition assignment) has finished. */
    private volatile boolean initialised;
    /** Rebuilds of gained partitions in progress: while &gt; 0 the state is incomplete (503, readiness DOWN). */
    private volatile int rebuilding;

    public OrderEngine(EngineSettings settings, OrderSink sink, MeterRegistry registry, OrderTrackingLeak fault,
                       LongSupplier wallMicros) {
        this.settings = settings;
        this.sink = sink;
        this.fault = fault;
        this.wallMicros = wallMicros;
        this.metrics = new OrderMetrics(registry);
        this.fills = new FillModel(settings.slippageBps());
        this.tickPlan = new TickPlan(fills);
        this.timeGuard = EventTimeGuard.withMaxStep(settings.maxEventTimeStep());
        this.risk = new RiskLimits(settings.maxNotional(), settings.maxOrdersPerSecond());
        StoreMetrics storeMetrics = new StoreMetrics(registry);
        this.openBrackets = BoundedStore.<String, Bracket>named("order-open-brackets")
                .capacity(settings.maxOpenOrders())
                .bytesPerEntry(900)
                .onExit(this::bracketLeft)
                .build(storeMetrics);
        this.positions = BoundedStore.<String, PositionBook>named("order-positions")
                .capacity((long) settings.maxSymbols() * SLOTS)
                .bytesPerEntry(120)
                .onExit((key, p, cause) -> {
                    if (cause != ExitCause.REVOKED) { // the new owner continues the position: no tombstone
                        sink.positionRemoved(key);
                    }
                })
                .build(storeMetrics);
        this.symbols = BoundedStore.<String, SymbolBook>named("order-symbols")
                .capacity(settings.maxSymbols())
                .idleExpiry(settings.symbolIdleExpiry(), clock)
                .bytesPerEntry(300)
                .onExit(this::symbolLeft)
                .build(storeMetrics);
        this.seenOrderIds = BoundedStore.<String, String>named("order-seen-ids")
                .capacity(settings.dedupCapacity())
                .idleExpiry(settings.dedupExpiry(), clock)
                .bytesPerEntry(100)
                .build(storeMetrics);
        this.history = ObjectRing.registered("order-history", settings.historyCapacity(), storeMetrics);
        Gauge.builder("steadystate.order.open.positions", this, OrderEngine::countOpenPositions)
                .description("Positions with a non-zero quantity").register(registry);
    }

    // ---- recovery and partition ownership ---------------------------------------------------------------------

    /**
     * Rebuilds state from the compacted topics (see {@code recovery.StateRecovery}) before any input is
     * processed: live orders from order.open-orders, positions from order.positions, recently seen order ids
     * (id → symbol) from the tail of order.events. Afterwards {@link #isRecovered()} is true.
     */
    public synchronized void recover(Collection<OrderEvent> openOrders, Collection<Position> positionSnapshots,
                                     Map<String, String> recentlySeenOrderIds, long latestEventTime) {
        restore(openOrders, positionSnapshots, recentlySeenOrderIds, latestEventTime);
        initialised = true;
    }

    /**
     * Adds the state of symbols this instance has just gained (a partition assignment) or recovers after a
     * restart. Only ever called for symbols the engine does not hold: their owner was another instance, or
     * nobody. Does not change readiness: see {@link #beginRebuild()}.
     */
    public synchronized void restore(Collection<OrderEvent> openOrders, Collection<Position> positionSnapshots,
                                     Map<String, String> recentlySeenOrderIds, long latestEventTime) {
        if (latestEventTime != Long.MIN_VALUE) {
            // a far-future time left on order.events by an earlier, unguarded run must not start the clock there
            String problem = timeGuard.problemWith(latestEventTime, Long.MIN_VALUE);
            if (problem == null) {
                clock.advanceTo(latestEventTime);
            } else {
                LOG.warnf("recovered event time ignored, clock not moved: %s", problem);
            }
        }
        for (Position p : positionSnapshots) {
            SymbolBook book = symbols.getOrCreate(p.symbol(), SymbolBook::new);
            if (p.lastPrice() > 0) {
                book.lastPrice = p.lastPrice();
            }
            PositionBook pb = PositionBook.of(p);
            positions.put(pb.key(), pb);
            book.positions[StrategySlot.ofId(p.slotId()).index()] = pb;
        }
        Map<String, OrderEvent[]> byEntry = new HashMap<>(); // local: gone when recovery returns
        for (OrderEvent e : openOrders) {
            byEntry.computeIfAbsent(e.entryId(), k -> new OrderEvent[3])[e.role().ordinal()] = e;
        }
        for (OrderEvent[] legs : byEntry.values()) {
            OrderEvent any = legs[0] != null ? legs[0] : legs[1] != null ? legs[1] : legs[2];
            SymbolBook book = symbols.getOrCreate(any.symbol(), SymbolBook::new);
            if (!book.hasPrice() && any.triggerPrice() > 0) {
                book.lastPrice = any.triggerPrice(); // a rough quote until the first tick; only used by REST checks
            }
            Bracket b = Bracket.recovered(legs[0], legs[1], legs[2], book);
            openBrackets.put(b.entryId, b);
            book.brackets[b.slotIndex] = b;
            seenOrderIds.put(b.entryId, b.symbol);
        }
        recentlySeenOrderIds.forEach(seenOrderIds::put);
        LOG.infof("restored %d open brackets, %d positions, %d recently seen order ids", byEntry.size(),
                positionSnapshots.size(), recentlySeenOrderIds.size());
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
        int dropped = symbols.removeIf((symbol, book) -> lost.test(symbol), ExitCause.REVOKED); // symbolLeft cascades
        // entries a symbol book no longer referenced (none expected) go too, so nothing of a lost symbol stays
        openBrackets.removeIf((id, b) -> lost.test(b.symbol), ExitCause.REVOKED);
        positions.removeIf((key, p) -> lost.test(p.symbol()), ExitCause.REVOKED);
        seenOrderIds.removeIf((id, symbol) -> lost.test(symbol), ExitCause.REVOKED);
        return dropped;
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

    // ---- input: signals and manual orders --------------------------------------------------------------------

    /** A strategy signal: deduplicated by its deterministic order id, then the common acceptance path. */
    public synchronized SubmitResult onSignal(Signal s) {
        refuseImplausible(s.eventTime(), "signal " + s.id());
        clock.advanceTo(s.eventTime());
        String orderId = OrderCommand.idForSignal(s.id());
        if (isDuplicate(orderId)) {
            metrics.signal(SignalOutcome.DUPLICATE);
            return new SubmitResult(Outcome.DUPLICATE, "order " + orderId + " already seen", null);
        }
        OrderType type = settings.signalEntryType();
        OrderCommand command = new OrderCommand(orderId, s.id(), s.symbol(), s.slotId(), s.side(), type, s.quantity(),
                type == OrderType.LIMIT ? s.referencePrice() : 0, s.stopLoss(), s.takeProfit(),
                settings.signalTimeInForce(), s.eventTime(), s.originMicros());
        SymbolBook book = symbols.get(s.symbol());
        SubmitResult result;
        if (book == null || !book.hasPrice()) {
            result = reject(command, RejectReason.UNKNOWN_SYMBOL, "no market data seen for " + s.symbol());
        } else {
            String absurd = absurdPrice(book.lastPrice, s.referencePrice(), s.stopLoss(), s.takeProfit());
            result = absurd != null ? reject(command, RejectReason.INVALID, absurd) : accept(command, book, s.referencePrice());
        }
        metrics.signal(result.outcome() == Outcome.ACCEPTED ? SignalOutcome.ACCEPTED : SignalOutcome.REJECTED);
        metrics.signalToOrder(s.originMicros(), wallMicros.getAsLong());
        return result;
    }

    /**
     * A REST order. Checks against the market first — unknown symbol, absurd price, bracket on the wrong side —
     * which change nothing and answer 400; then the same acceptance path as signals.
     */
    public synchronized SubmitResult submitManual(ManualOrder m) {
        String orderId = OrderCommand.idForClientOrder(m.clientOrderId());
        if (isDuplicate(orderId)) {
            return new SubmitResult(Outcome.DUPLICATE, "order " + orderId + " already exists", find(orderId).orElse(null));
        }
        SymbolBook book = symbols.get(m.symbol());
        if (book == null || !book.hasPrice()) {
            metrics.reject(RejectReason.UNKNOWN_SYMBOL);
            return new SubmitResult(Outcome.UNKNOWN_SYMBOL, "unknown symbol " + m.symbol() + " (no market data seen)", null);
        }
        double reference = m.type() == OrderType.LIMIT ? m.limitPrice() : book.lastPrice;
        String problem = absurdPrice(book.lastPrice, reference, m.stopLoss(), m.takeProfit());
        if (problem == null) {
            problem = bracketSideProblem(m.side(), reference, m.stopLoss(), m.takeProfit());
        }
        if (problem != null) {
            metrics.reject(RejectReason.INVALID);
            return new SubmitResult(Outcome.INVALID, problem, null);
        }
        long now = clock.nowMillis();
        OrderCommand command = new OrderCommand(orderId, "", m.symbol(), m.slotId(), m.side(), m.type(), m.quantity(),
                m.type() == OrderType.LIMIT ? m.limitPrice() : 0, m.stopLoss(), m.takeProfit(), m.timeInForce(),
                now, wallMicros.getAsLong());
        return accept(command, book, reference);
    }

    private boolean isDuplicate(String orderId) {
        return seenOrderIds.get(orderId) != null || openBrackets.contains(orderId);
    }

    private static String absurdPrice(double last, double... prices) {
        for (double p : prices) {
            if (p > last * ABSURD_FACTOR || p < last / ABSURD_FACTOR) {
                return "price " + p + " is absurd against the last price " + last + " (allowed 0.1x..10x)";
            }
        }
        return null;
    }

    private static String bracketSideProblem(Side side, double reference, double stopLoss, double takeProfit) {
        boolean ok = side == Side.BUY
                ? stopLoss < reference && reference < takeProfit
                : takeProfit < reference && reference < stopLoss;
        return ok ? null : "bracket on the wrong side: a " + side + " needs "
                + (side == Side.BUY ? "stopLoss < entry < takeProfit" : "takeProfit < entry < stopLoss")
                + ", was stopLoss=" + stopLoss + " entry=" + reference + " takeProfit=" + takeProfit;
    }

    /** Risk checks in a fixed order; the rate token is taken last so rejected orders do not consume it. */
    private SubmitResult accept(OrderCommand c, SymbolBook book, double referencePrice) {
        int slot = StrategySlot.ofId(c.slotId()).index();
        if (risk.killSwitch()) {
            return reject(c, RejectReason.KILL_SWITCH, "kill switch is on");
        }
        if (book.brackets[slot] != null) {
            return reject(c, RejectReason.SLOT_BUSY, "slot " + c.slotId() + " of " + c.symbol()
                    + " already has open bracket " + book.brackets[slot].entryId);
        }
        if (openBrackets.size() >= settings.maxOpenOrders()) {
            return reject(c, RejectReason.SLOT_BUSY, "open-order store full (" + settings.maxOpenOrders() + ")");
        }
        if (!risk.notionalAllowed(c.quantity(), referencePrice)) {
            return reject(c, RejectReason.MAX_NOTIONAL, "notional " + c.quantity() * referencePrice
                    + " above max " + settings.maxNotional());
        }
        // every event is built (and so validated) before the rate token is taken or a store changes
        Bracket b = Bracket.accepted(c, book, c.eventTime(), c.originMicros());
        OrderEvent entry = b.event(b.entry);
        OrderEvent sl = b.event(b.stopLoss);
        OrderEvent tp = b.event(b.takeProfit);
        if (!risk.tryAcquire(c.eventTime())) {
            return reject(c, RejectReason.RATE_LIMIT, "more than " + settings.maxOrdersPerSecond() + " orders per second");
        }
        openBrackets.put(b.entryId, b);
        book.brackets[slot] = b;
        seenOrderIds.put(b.entryId, b.symbol);
        publish(entry);
        publish(sl);
        publish(tp);
        sink.openOrder(entry);
        sink.openOrder(sl);
        sink.openOrder(tp);
        return new SubmitResult(Outcome.ACCEPTED, "accepted", entry);
    }

    /** REJECTED is terminal at birth: the order never enters the open-order store, and is remembered as seen. */
    private SubmitResult reject(OrderCommand c, RejectReason reason, String message) {
        OrderEvent e = new OrderEvent(c.orderId(), c.orderId(), c.signalId(), c.symbol(), c.slotId(), OrderRole.ENTRY,
                OrderStatus.REJECTED, c.side(), c.type(), c.timeInForce(), c.quantity(), c.limitPrice(), 0,
                reason.tag() + ": " + message, c.eventTime(), c.originMicros()); // built first: it may refuse the input
        metrics.reject(reason);
        seenOrderIds.put(c.orderId(), c.symbol());
        sink.orderEvent(e);
        metrics.event(OrderStatus.REJECTED);
        history.add(e);
        fault.onTerminal(e, null, null);
        return new SubmitResult(Outcome.REJECTED, e.reason(), e);
    }

    // ---- input: market events --------------------------------------------------------------------------------

    /**
     * One market event, applied whole or refused whole: an implausible event time, a symbol the store has no room
     * for, or a tick whose fills cannot be represented throw {@link IllegalArgumentException} before anything
     * changes (the ingest dead-letters the record with the message, reason VALIDATION).
     */
    public synchronized void onMarketEvent(MarketEvent event) {
        refuseImplausible(event.eventTime(), event.getClass().getSimpleName());
        if (event instanceof Tick t) {
            onTick(t);
            return;
        }
        if (event instanceof SymbolListed l && symbols.peek(l.symbol()) == null) {
            refuseWhenFull(l.symbol());
        }
        clock.advanceTo(event.eventTime());
        if (event instanceof SymbolListed l) {
            SymbolBook book = symbols.getOrCreate(l.symbol(), SymbolBook::new);
            book.lastPrice = l.referencePrice();
            book.lastEventTime = Math.max(book.lastEventTime, l.eventTime());
        } else if (event instanceof SymbolDelisted d) {
            symbols.remove(d.symbol(), ExitCause.REMOVED); // symbolLeft does the clean-up
        } else if (event instanceof SessionClosed c) {
            expireDayOrders(c.eventTime());
            housekeeping();
        } else if (event instanceof SessionOpened || event instanceof DayRolled) {
            housekeeping();
        }
    }

    private void housekeeping() {
        seenOrderIds.expireIdle();
        symbols.expireIdle();
    }

    /**
     * The hot path: one symbol's 21 slots, no allocation unless something fills. Planned and checked first
     * ({@link TickPlan}), so a tick either completes or changes nothing.
     */
    private void onTick(Tick t) {
        SymbolBook book = symbols.peek(t.symbol()); // quiet: a refused tick must not count as the symbol's activity
        String problem = tickPlan.plan(book, t);
        if (problem != null) {
            throw new IllegalArgumentException("tick of " + t.symbol() + " refused, nothing changed: " + problem);
        }
        if (book == null) {
            refuseWhenFull(t.symbol());
        }
        clock.advanceTo(t.eventTime());
        book = symbols.getOrCreate(t.symbol(), SymbolBook::new);
        metrics.tick();
        book.lastPrice = t.price();
        book.lastEventTime = Math.max(book.lastEventTime, t.eventTime());
        for (int i = 0; i < SLOTS; i++) {
            PositionBook p = book.positions[i];
            if (p != null) {
                p.mark(t.price());
            }
            Leg leg = tickPlan.filling(i);
            if (leg == null) {
                continue;
            }
            Bracket b = book.brackets[i];
            if (leg == b.entry) {
                fillEntry(b, tickPlan.price(i), t); // the children work from the next tick on
            } else {
                fillChild(b, leg, leg == b.stopLoss ? b.takeProfit : b.stopLoss, tickPlan.price(i), t);
            }
        }
    }

    /**
     * The event-time rule (trading-core {@link EventTimeGuard}): checked before anything moves, so a record dated
     * a century ahead cannot expire every symbol, push the rate limiter's refill time away or overflow the clock.
     */
    private void refuseImplausible(long eventTime, String what) {
        String problem = timeGuard.problemWith(eventTime, clock);
        if (problem != null) {
            throw new IllegalArgumentException(what + " refused, nothing changed: " + problem);
        }
    }

    /**
     * A symbol gets a book from its listing or its first tick, and only while the store has room: an unknown
     * symbol never evicts an established one (whose eviction would cancel its brackets and settle its positions).
     * At capacity the record is refused; the dead-letter counter shows a store too small for the universe.
     */
    private void refuseWhenFull(String symbol) {
        if (symbols.size() >= settings.maxSymbols()) {
            throw new IllegalArgumentException("symbol store full (" + settings.maxSymbols() + " symbols): " + symbol
                    + " not admitted; raise steadystate.order.max-symbols or add instances");
        }
    }

    private void fillEntry(Bracket b, double price, Tick t) {
        long origin = t.originMicros();
        b.entry.fillPrice = price;
        b.entry.moveTo(OrderStatus.FILLED, "", t.eventTime(), origin);
        b.stopLoss.moveTo(OrderStatus.WORKING, "", t.eventTime(), origin);
        b.takeProfit.moveTo(OrderStatus.WORKING, "", t.eventTime(), origin);
        emit(b, b.entry);
        metrics.fill(OrderRole.ENTRY);
        metrics.tickToOrder(origin, wallMicros.getAsLong());
        OrderEvent sl = emit(b, b.stopLoss);
        OrderEvent tp = emit(b, b.takeProfit);
        sink.position(applyFill(b, b.entry.side, b.entry.quantity, price, t.eventTime()));
        sink.openOrderClosed(b.entry.id, b.symbol);
        sink.openOrder(sl);
        sink.openOrder(tp);
    }

    private void fillChild(Bracket b, Leg filled, Leg sibling, double price, Tick t) {
        long origin = t.originMicros();
        filled.fillPrice = price;
        filled.moveTo(OrderStatus.FILLED, "", t.eventTime(), origin);
        sibling.moveTo(OrderStatus.CANCELLED, "oco: " + OrderMetrics.lower(filled.role.name()) + " filled",
                t.eventTime(), origin);
        emit(b, filled);
        metrics.fill(filled.role);
        metrics.tickToOrder(origin, wallMicros.getAsLong());
        emit(b, sibling);
        sink.position(applyFill(b, filled.side, filled.quantity, price, t.eventTime()));
        sink.openOrderClosed(filled.id, b.symbol);
        sink.openOrderClosed(sibling.id, b.symbol);
        close(b);
    }

    private Position applyFill(Bracket b, Side side, double qty, double price, long time) {
        PositionBook p = b.book.positions[b.slotIndex];
        if (p == null) {
            p = new PositionBook(b.symbol, b.slotId);
            b.book.positions[b.slotIndex] = p;
            positions.put(p.key(), p);
        }
        p.apply(side, qty, price, time);
        return p.snapshot();
    }

    /** DAY entries that have not filled expire at the session close (event time); their children with them. */
    private void expireDayOrders(long closeTime) {
        List<Bracket> expiring = new ArrayList<>();
        openBrackets.forEach((id, b) -> {
            if (b.timeInForce == io.steadystate.core.event.TimeInForce.DAY && b.entry.isLive()) {
                expiring.add(b);
            }
        });
        for (Bracket b : expiring) {
            end(b, OrderStatus.EXPIRED, "day order expired at session close", closeTime);
        }
    }

    /** Ends every live leg of {@code b} with {@code status} (CANCELLED or EXPIRED) and closes the bracket. */
    private void end(Bracket b, OrderStatus status, String reason, long time) {
        long origin = wallMicros.getAsLong();
        Leg[] legs = {b.entry, b.stopLoss, b.takeProfit};
        boolean[] wasLive = new boolean[3];
        for (int i = 0; i < 3; i++) {
            if (legs[i].isLive()) {
                wasLive[i] = true;
                legs[i].moveTo(status, reason, time, origin);
                emit(b, legs[i]);
            }
        }
        for (int i = 0; i < 3; i++) {
            if (wasLive[i]) {
                sink.openOrderClosed(legs[i].id, b.symbol);
            }
        }
        close(b);
    }

    /** The single exit of a finished bracket: leaves the store (bracketLeft clears the slot), enters history. */
    private void close(Bracket b) {
        openBrackets.remove(b.entryId, ExitCause.REMOVED);
        OrderEvent e = b.event(b.entry);
        OrderEvent sl = b.event(b.stopLoss);
        OrderEvent tp = b.event(b.takeProfit);
        history.add(e);
        history.add(sl);
        history.add(tp);
        fault.onTerminal(e, sl, tp);
    }

    private OrderEvent emit(Bracket b, Leg leg) {
        OrderEvent e = b.event(leg);
        publish(e);
        return e;
    }

    private void publish(OrderEvent e) {
        sink.orderEvent(e);
        metrics.event(e.status());
    }

    /** Exit hook of the open-bracket store, whatever the cause: the symbol's slot forgets the bracket. */
    private void bracketLeft(String entryId, Bracket b, ExitCause cause) {
        if (b.book.brackets[b.slotIndex] == b) {
            b.book.brackets[b.slotIndex] = null;
        }
        if (cause != ExitCause.REMOVED && cause != ExitCause.REVOKED) {
            LOG.errorf("open bracket %s left the store by %s: this is an alarm, not a normal path", entryId, cause);
        }
    }

    /**
     * Exit hook of the symbol store (delisting, idle expiry, capacity): cancels the symbol's open brackets,
     * settles any open position at the last price, and removes its positions (tombstones on order.positions).
     * Runs inside the symbol store's eviction, so it touches the other stores only.
     */
    private void symbolLeft(String symbol, SymbolBook book, ExitCause cause) {
        if (cause == ExitCause.REVOKED) { // another instance owns the symbol now: drop, publish nothing
            for (int i = 0; i < SLOTS; i++) {
                Bracket b = book.brackets[i];
                if (b != null) {
                    openBrackets.remove(b.entryId, ExitCause.REVOKED);
                }
                PositionBook p = book.positions[i];
                if (p != null) {
                    book.positions[i] = null;
                    positions.remove(p.key(), ExitCause.REVOKED);
                }
            }
            return;
        }
        long time = Math.max(book.lastEventTime, clock.nowMillis());
        String reason = cause == ExitCause.REMOVED ? "symbol delisted" : "symbol retired (" + cause.tag() + ")";
        for (int i = 0; i < SLOTS; i++) {
            Bracket b = book.brackets[i];
            if (b != null) {
                end(b, OrderStatus.CANCELLED, reason, time);
            }
        }
        for (int i = 0; i < SLOTS; i++) {
            PositionBook p = book.positions[i];
            if (p != null) {
                if (!p.isFlat()) {
                    double qty = Math.abs(p.quantity());
                    p.apply(p.quantity() > 0 ? Side.SELL : Side.BUY, qty, p.lastPrice(), time);
                    sink.position(p.snapshot()); // the settled, flat position, then the tombstone
                }
                book.positions[i] = null;
                positions.remove(p.key(), ExitCause.REMOVED);
            }
        }
    }

    // ---- commands from REST --------------------------------------------------------------------------------

    /** Cancels the whole bracket of {@code orderId} (any of its three ids); empty when it is not open. */
    public synchronized Optional<OrderEvent> cancel(String orderId, String reason) {
        Bracket b = openBrackets.get(Bracket.entryIdOf(orderId));
        if (b == null || b.leg(orderId) == null) {
            return Optional.empty();
        }
        end(b, OrderStatus.CANCELLED, reason, clock.hasStarted() ? clock.nowMillis() : 0);
        return Optional.of(b.event(b.leg(orderId)));
    }

    /** On: rejects every new order and cancels every open bracket (returns how many). Off: accepts again. */
    public synchronized int killSwitch(boolean on) {
        risk.killSwitch(on);
        if (!on) {
            return 0;
        }
        List<Bracket> all = new ArrayList<>();
        openBrackets.forEach((id, b) -> all.add(b));
        long time = clock.hasStarted() ? clock.nowMillis() : 0;
        for (Bracket b : all) {
            end(b, OrderStatus.CANCELLED, "kill switch", time);
        }
        return all.size();
    }

    public boolean killSwitch() {
        return risk.killSwitch();
    }

    // ---- queries (REST) ----------------------------------------------------------------------------------------

    public synchronized Optional<OrderEvent> find(String orderId) {
        Bracket b = openBrackets.get(Bracket.entryIdOf(orderId));
        if (b != null && b.leg(orderId) != null) {
            return Optional.of(b.event(b.leg(orderId)));
        }
        List<OrderEvent> closed = history.newest(0, 1, e -> e.orderId().equals(orderId));
        return closed.isEmpty() ? Optional.empty() : Optional.of(closed.get(0));
    }

    /** Live orders (every non-terminal leg), skipping {@code offset}, at most {@code limit}. */
    public synchronized List<OrderEvent> openOrders(int offset, int limit) {
        List<OrderEvent> page = new ArrayList<>(Math.min(limit, 64));
        int[] skipped = {0};
        try {
            openBrackets.forEach((id, b) -> {
                for (Leg leg : new Leg[]{b.entry, b.stopLoss, b.takeProfit}) {
                    if (leg.isLive()) {
                        if (page.size() >= limit) {
                            throw PageFull.INSTANCE;
                        }
                        if (skipped[0]++ >= offset) {
                            page.add(b.event(leg));
                        }
                    }
                }
            });
        } catch (PageFull full) {
            // page complete: stop iterating early so a request costs O(offset + limit)
        }
        return page;
    }

    public List<OrderEvent> history(int offset, int limit) {
        return history.newest(offset, limit, e -> true); // the ring is thread-safe on its own
    }

    public synchronized List<Position> positions(int offset, int limit) {
        List<Position> page = new ArrayList<>(Math.min(limit, 64));
        int[] skipped = {0};
        try {
            positions.forEach((key, p) -> {
                if (page.size() >= limit) {
                    throw PageFull.INSTANCE;
                }
                if (skipped[0]++ >= offset) {
                    page.add(p.snapshot());
                }
            });
        } catch (PageFull full) {
            // page complete
        }
        return page;
    }

    public synchronized PnlSummary pnl() {
        double[] sums = new double[2];
        int[] counts = new int[2];
        positions.forEach((key, p) -> {
            sums[0] += p.realisedPnl();
            sums[1] += p.unrealisedPnl();
            counts[0]++;
            if (!p.isFlat()) {
                counts[1]++;
            }
        });
        return new PnlSummary(sums[0], sums[1], sums[0] + sums[1], counts[0], counts[1]);
    }

    private double countOpenPositions() {
        int[] n = {0};
        positions.forEach((k, p) -> {
            if (!p.isFlat()) {
                n[0]++;
            }
        });
        return n[0];
    }

    // ---- introspection (tests, metrics) ----------------------------------------------------------------------

    public BoundedStore<String, ?> openBracketStore() {
        return openBrackets;
    }

    public BoundedStore<String, ?> positionStore() {
        return positions;
    }

    public BoundedStore<String, ?> symbolStore() {
        return symbols;
    }

    public BoundedStore<String, ?> seenOrderIdStore() {
        return seenOrderIds;
    }

    public ObjectRing<OrderEvent> historyRing() {
        return history;
    }

    public OrderMetrics metrics() {
        return metrics;
    }

    public EventClock clock() {
        return clock;
    }

    public synchronized boolean knowsSymbol(String symbol) {
        SymbolBook book = symbols.get(symbol);
        return book != null && book.hasPrice();
    }

    /** Stops a page iteration early; preallocated and stackless so it costs nothing. */
    private static final class PageFull extends RuntimeException {
        static final PageFull INSTANCE = new PageFull();

        private PageFull() {
            super("page full", null, false, false);
        }
    }
}
