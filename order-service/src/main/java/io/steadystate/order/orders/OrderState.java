package io.steadystate.order.orders;

import io.steadystate.core.event.OrderEvent;
import io.steadystate.core.event.OrderStatus;
import io.steadystate.core.event.Position;
import io.steadystate.core.event.Side;
import io.steadystate.core.event.StrategySlot;
import io.steadystate.core.state.BoundedStore;
import io.steadystate.core.state.ExitCause;
import io.steadystate.core.state.ObjectRing;
import io.steadystate.core.state.StoreMetrics;
import io.steadystate.core.time.EventTimeGuard;
import io.steadystate.order.events.OrderSink;
import io.steadystate.order.fault.OrderTrackingLeak;
import io.steadystate.order.positions.PositionBook;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Where order-service's state lives, and every way it leaves: the one owner of the stores below. Intake,
 * execution, session events and the REST views come here to add, end or read; none of them holds a store.
 * <pre>
 *   store (steadystate_store_*)  key → value                  bound
 *   order-open-brackets   entry id → Bracket            max-open-orders (intake rejects slot_busy first: never evicts)
 *   order-symbols         symbol → SymbolBook           max-symbols (refuseWhenFull: never evicts), symbol-idle-expiry
 *   order-positions       symbol|slot → PositionBook    max-symbols × 21 (so never full before order-symbols)
 *   order-seen-ids        order id → its symbol         dedup-capacity (oldest evicted), dedup-expiry
 *   order-history         ring of terminal OrderEvents  history-capacity (oldest overwritten)
 *
 *   way out                               method                  leaves (ExitCause)
 *   child FILLED, sibling CANCELLED (OCO) close                   open-brackets (removed) → history
 *   DELETE, kill switch, DAY expiry       end → close             open-brackets (removed) → history
 *   risk rejection                        rejected                never enters open-brackets; seen id, history
 *   SymbolDelisted                        delist → symbolLeft     symbols (removed); its brackets end, its positions
 *                                                                 settle flat and leave (removed, tombstone)
 *   idle on event time, any session event expireIdle              seen-ids (expired); symbols (expired) as above
 *   partition revoked or lost             revoke                  all four (revoked): nothing published
 *   capacity                              (store bound)           seen-ids (capacity); elsewhere an alarm, logged
 * </pre>
 * Ways in: {@link #open} (an accepted bracket, its seen id), {@link #rejected}, {@link #symbolFor} (a listing or first
 * tick, after {@link #refuseWhenFull}), {@link #applyFill} (a first fill), {@link #restore}. {@link #residuals()}
 * checks that the symbol books' slot arrays and the stores agree. Not thread-safe: runs under the
 * {@code OrderEngine} lock.
 */
public final class OrderState {

    public static final String OPEN_BRACKETS = "order-open-brackets";
    public static final String SYMBOLS = "order-symbols";
    public static final String POSITIONS = "order-positions";
    public static final String SEEN_IDS = "order-seen-ids";
    public static final String HISTORY = "order-history";
    private static final Logger LOG = Logger.getLogger(OrderState.class);
    private static final int SLOTS = StrategySlot.COUNT;

    private final int maxSymbols;
    private final OrderSink sink;
    private final OrderMetrics metrics;
    private final OrderTrackingLeak fault;
    private final LongSupplier wallMicros;
    private final EventTime time;
    private final BoundedStore<String, SymbolBook> symbols;
    private final BoundedStore<String, Bracket> openBrackets;
    private final BoundedStore<String, PositionBook> positions;
    /** order id → its symbol, so the ids of a revoked partition's symbols leave with them. */
    private final BoundedStore<String, String> seenOrderIds;

    private final ObjectRing<OrderEvent> history;

    public OrderState(
            EngineSettings settings,
            OrderSink sink,
            OrderMetrics metrics,
            OrderTrackingLeak fault,
            LongSupplier wallMicros,
            StoreMetrics storeMetrics) {
        this.maxSymbols = settings.maxSymbols();
        this.sink = sink;
        this.metrics = metrics;
        this.fault = fault;
        this.wallMicros = wallMicros;
        this.time = new EventTime(EventTimeGuard.withMaxStep(settings.maxEventTimeStep()));
        this.openBrackets = BoundedStore.<String, Bracket>named(OPEN_BRACKETS)
                .capacity(settings.maxOpenOrders())
                .bytesPerEntry(900)
                .onExit(this::bracketLeft)
                .build(storeMetrics);
        this.positions = BoundedStore.<String, PositionBook>named(POSITIONS)
                .capacity((long) settings.maxSymbols() * SLOTS)
                .bytesPerEntry(120)
                .onExit((key, p, cause) -> {
                    if (cause != ExitCause.REVOKED) { // the new owner continues the position: no tombstone
                        sink.positionRemoved(key);
                    }
                })
                .build(storeMetrics);
        this.symbols = BoundedStore.<String, SymbolBook>named(SYMBOLS)
                .capacity(settings.maxSymbols())
                .idleExpiry(settings.symbolIdleExpiry(), time.clock())
                .bytesPerEntry(300)
                .onExit(this::symbolLeft)
                .build(storeMetrics);
        this.seenOrderIds = BoundedStore.<String, String>named(SEEN_IDS)
                .capacity(settings.dedupCapacity())
                .idleExpiry(settings.dedupExpiry(), time.clock())
                .bytesPerEntry(100)
                .build(storeMetrics);
        this.history = ObjectRing.registered(HISTORY, settings.historyCapacity(), storeMetrics);
    }

    /**
     * A symbol gets a book from its listing or its first tick, and only while the store has room: an unknown
     * symbol never evicts an established one (whose eviction would cancel its brackets and settle its positions).
     * At capacity the record is refused; the dead-letter counter shows a store too small for the universe.
     */
    public void refuseWhenFull(String symbol) {
        if (symbols.size() >= maxSymbols) {
            throw new IllegalArgumentException("symbol store full (" + maxSymbols + " symbols): " + symbol
                    + " not admitted; raise steadystate.order.max-symbols or add instances");
        }
    }

    public boolean isDuplicate(String orderId) {
        return seenOrderIds.get(orderId) != null || openBrackets.contains(orderId);
    }

    /** The event clock (drives idle expiry) and the event-time rule every record passes first. */
    public EventTime time() {
        return time;
    }

    /** The symbol's book, counted as activity (idle expiry); null when unknown. */
    public SymbolBook symbol(String symbol) {
        return symbols.get(symbol);
    }

    /** The symbol's book without counting as activity (a refused record must not keep a symbol alive). */
    public SymbolBook peekSymbol(String symbol) {
        return symbols.peek(symbol);
    }

    /** The symbol's book, created when absent: call {@link #refuseWhenFull} first for a symbol not yet held. */
    public SymbolBook symbolFor(String symbol) {
        return symbols.getOrCreate(symbol, SymbolBook::new);
    }

    /** An accepted bracket enters the store and its slot; its id is remembered as seen. */
    public void open(Bracket b) {
        openBrackets.put(b.entryId, b);
        b.book.brackets[b.slotIndex] = b;
        seenOrderIds.put(b.entryId, b.symbol);
    }

    /** REJECTED is terminal at birth: the order never enters the open-order store, and is remembered as seen. */
    public void rejected(OrderEvent e) {
        seenOrderIds.put(e.orderId(), e.symbol());
        sink.orderEvent(e);
        metrics.event(OrderStatus.REJECTED);
        history.add(e);
        fault.onTerminal(e, null, null);
    }

    /** Applies one fill to the slot's position (entering the store with its first fill); returns the snapshot. */
    public Position applyFill(Bracket b, Side side, double qty, double price, long time) {
        PositionBook p = b.book.positions[b.slotIndex];
        if (p == null) {
            p = new PositionBook(b.symbol, b.slotId);
            b.book.positions[b.slotIndex] = p;
            positions.put(p.key(), p);
        }
        p.apply(side, qty, price, time);
        return p.snapshot();
    }

    /** Adds the state of symbols this instance does not hold (a restart, a gained partition): {@link StateRestore}. */
    public void restore(
            Collection<OrderEvent> openOrders,
            Collection<Position> positionSnapshots,
            Map<String, String> recentlySeenOrderIds,
            long latestEventTime) {
        new StateRestore(this, time).restore(openOrders, positionSnapshots, recentlySeenOrderIds, latestEventTime);
    }

    /** A recovered position enters the store and its slot. */
    void restored(SymbolBook book, PositionBook p) {
        positions.put(p.key(), p);
        book.positions[StrategySlot.ofId(p.slotId()).index()] = p;
    }

    /** A recently seen order id (from the tail of order.events) is remembered again. */
    void restoredSeenId(String orderId, String symbol) {
        seenOrderIds.put(orderId, symbol);
    }

    /** The open brackets {@code which} accepts, copied: the caller may end them while iterating the list. */
    public List<Bracket> openBrackets(Predicate<Bracket> which) {
        List<Bracket> found = new ArrayList<>();
        openBrackets.forEach((id, b) -> {
            if (which.test(b)) {
                found.add(b);
            }
        });
        return found;
    }

    /** Idle expiry on event time, run on every session event: dedup ids first, then symbols (with their state). */
    public void expireIdle() {
        seenOrderIds.expireIdle();
        symbols.expireIdle();
    }

    /** A delisted symbol leaves with everything it holds ({@link #symbolLeft}). */
    public void delist(String symbol) {
        symbols.remove(symbol, ExitCause.REMOVED);
    }

    /**
     * Ownership follows partitions (ARCHITECTURE.md, rule 5): drops everything held for the symbols that
     * {@code lost} accepts with {@link ExitCause#REVOKED}. Publishes nothing: the new owner rebuilds them.
     *
     * @return the number of symbols dropped
     */
    public int revoke(Predicate<String> lost) {
        int dropped = symbols.removeIf((symbol, book) -> lost.test(symbol), ExitCause.REVOKED); // symbolLeft cascades
        // entries a symbol book no longer referenced (none expected) go too, so nothing of a lost symbol stays
        openBrackets.removeIf((id, b) -> lost.test(b.symbol), ExitCause.REVOKED);
        positions.removeIf((key, p) -> lost.test(p.symbol()), ExitCause.REVOKED);
        seenOrderIds.removeIf((id, symbol) -> lost.test(symbol), ExitCause.REVOKED);
        return dropped;
    }

    /**
     * A bracket ends before it is done (cancel, kill switch, DAY expiry, its symbol leaving): every live leg
     * moves to {@code status} (CANCELLED or EXPIRED), is published and leaves order.open-orders; then {@link #close}.
     */
    public void end(Bracket b, OrderStatus status, String reason, long time) {
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
    public void close(Bracket b) {
        openBrackets.remove(b.entryId, ExitCause.REMOVED);
        OrderEvent e = b.event(b.entry);
        OrderEvent sl = b.event(b.stopLoss);
        OrderEvent tp = b.event(b.takeProfit);
        history.add(e);
        history.add(sl);
        history.add(tp);
        fault.onTerminal(e, sl, tp);
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
        long when = Math.max(book.lastEventTime, time.clock().nowMillis());
        String reason = cause == ExitCause.REMOVED ? "symbol delisted" : "symbol retired (" + cause.tag() + ")";
        for (int i = 0; i < SLOTS; i++) {
            Bracket b = book.brackets[i];
            if (b != null) {
                end(b, OrderStatus.CANCELLED, reason, when);
            }
        }
        for (int i = 0; i < SLOTS; i++) {
            PositionBook p = book.positions[i];
            if (p != null) {
                if (!p.isFlat()) {
                    double qty = Math.abs(p.quantity());
                    p.apply(p.quantity() > 0 ? Side.SELL : Side.BUY, qty, p.lastPrice(), when);
                    sink.position(p.snapshot()); // the settled, flat position, then the tombstone
                }
                book.positions[i] = null;
                positions.remove(p.key(), ExitCause.REMOVED);
            }
        }
    }

    /** Publishes the leg's current state; returns the event (also for the open-order upsert). */
    public OrderEvent emit(Bracket b, Leg leg) {
        OrderEvent e = b.event(leg);
        publish(e);
        return e;
    }

    /** Every order event leaves through here, so {@code steadystate_order_events_total} matches the topic. */
    public void publish(OrderEvent e) {
        sink.orderEvent(e);
        metrics.event(e.status());
    }

    /** The open bracket with this entry id, or null. */
    public Bracket openBracket(String entryId) {
        return openBrackets.get(entryId);
    }

    public void forEachOpenBracket(BiConsumer<String, Bracket> action) {
        openBrackets.forEach(action);
    }

    public void forEachPosition(BiConsumer<String, PositionBook> action) {
        positions.forEach(action);
    }

    public ObjectRing<OrderEvent> historyRing() {
        return history;
    }

    public boolean knowsSymbol(String symbol) {
        SymbolBook book = symbols.get(symbol);
        return book != null && book.hasPrice();
    }

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

    /**
     * What is left over that should not be (empty when the state is consistent): see {@link StateResiduals}.
     * Tests call it after every scenario; it walks every store, so it is not for the hot path.
     */
    public List<String> residuals() {
        return new StateResiduals(symbols, openBrackets, positions).find();
    }
}
