package io.steadystate.marketdata.universe;

import io.steadystate.core.state.BoundedStore;
import io.steadystate.core.state.ExitCause;
import io.steadystate.core.state.StoreMetrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The listed symbols and their state: the only per-symbol state of this service.
 *
 * <p>Store {@value #STORE_NAME}: capacity = {@code steadystate.market.max-symbols} (default 2 × target universe),
 * no idle expiry (a listed symbol ticks until delisted). Ways out: delisting (churn or REST) → REMOVED; the
 * capacity bound is never reached because {@link #list} refuses a symbol when full. Every exit, whatever the
 * cause, also takes the symbol out of the roster (the exit listener), so the two never disagree.
 *
 * <p>The roster is a fixed array of the same capacity for O(1) uniform random choice of the next symbol to
 * tick; it is not a second copy of the state, only references to the store's values.
 *
 * <p>Not thread-safe: used under the lock of the market's owner.
 */
public final class SymbolUniverse {

    public static final String STORE_NAME = "market-symbols";

    private final BoundedStore<String, SymbolState> store;
    /** Slots [0, active) hold the listed symbols; length = store capacity, allocated once. */
    private final SymbolState[] roster;

    private int active;
    /** Every symbol listed from now on numbers its ticks from {@code sequenceFloor + 1} (0 for a fresh market). */
    private long sequenceFloor;

    public SymbolUniverse(int capacity, StoreMetrics metrics) {
        this.roster = new SymbolState[capacity];
        this.store = BoundedStore.<String, SymbolState>named(STORE_NAME)
                .capacity(capacity)
                .bytesPerEntry(SymbolState.ESTIMATED_BYTES + 64) // + Caffeine node
                .onExit((symbol, state, cause) -> removeFromRoster(state))
                .build(metrics);
    }

    /** Lists a simulated symbol whose walk is seeded from (seed, symbol); null when full or already listed. */
    public SymbolState listSimulated(String symbol, long seed, double referencePrice) {
        SplittableRandom random = new SplittableRandom(SymbolNames.mix(seed ^ SymbolNames.mix(symbol.hashCode())));
        int baseLots = 1 + random.nextInt(20);
        return add(new SymbolState(symbol, referencePrice, random, baseLots));
    }

    /** Lists a replayed symbol (prices come from the file); null when full or already listed. */
    public SymbolState listReplayed(String symbol, double referencePrice) {
        return add(new SymbolState(symbol, referencePrice, null, 1));
    }

    private SymbolState add(SymbolState state) {
        if (active >= roster.length || store.contains(state.symbol)) {
            return null;
        }
        state.sequence = sequenceFloor;
        store.put(state.symbol, state);
        state.rosterIndex = active;
        roster[active++] = state;
        return state;
    }

    /** A restarted market continues sequence numbers above what the previous run can have used. */
    public void numberSequencesAbove(long floor) {
        if (floor < 0) {
            throw new IllegalArgumentException("sequence floor must be ≥ 0, was " + floor);
        }
        this.sequenceFloor = floor;
    }

    /** Removes the symbol and everything it owned; false when it was not listed. */
    public boolean delist(String symbol) {
        return store.remove(symbol, ExitCause.REMOVED) != null;
    }

    private void removeFromRoster(SymbolState state) {
        int i = state.rosterIndex;
        if (i < 0 || i >= active || roster[i] != state) {
            return;
        }
        SymbolState last = roster[--active];
        roster[i] = last;
        last.rosterIndex = i;
        roster[active] = null;
        state.rosterIndex = -1;
    }

    public SymbolState get(String symbol) {
        return store.get(symbol);
    }

    public boolean contains(String symbol) {
        return store.contains(symbol);
    }

    /** The i-th listed symbol in roster order, 0 ≤ i < {@link #size()}. */
    public SymbolState at(int index) {
        return roster[index];
    }

    public int size() {
        return active;
    }

    public int capacity() {
        return roster.length;
    }

    public boolean isFull() {
        return active >= roster.length;
    }

    public BoundedStore<String, SymbolState> store() {
        return store;
    }

    /** A sorted copy for the REST view (bounded by the capacity; built per request, not kept). */
    public List<SymbolView> snapshot() {
        List<SymbolView> views = new ArrayList<>(active);
        for (int i = 0; i < active; i++) {
            views.add(view(roster[i]));
        }
        views.sort(Comparator.comparing(SymbolView::symbol));
        return views;
    }

    /** The REST view of one listed symbol; null when it is not listed. */
    public SymbolView view(String symbol) {
        SymbolState s = store.get(symbol);
        return s == null ? null : view(s);
    }

    /** {@code ticks} counts this run's ticks: the sequence floor of a resumed market is not a tick count. */
    private SymbolView view(SymbolState s) {
        return new SymbolView(
                s.symbol,
                s.lastPrice,
                s.lastBid,
                s.lastAsk,
                s.sequence - sequenceFloor,
                s.random == null ? null : s.regime.name().toLowerCase(java.util.Locale.ROOT));
    }

    public record SymbolView(String symbol, double price, double bid, double ask, long ticks, String regime) {}
}
