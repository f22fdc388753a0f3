package io.steadystate.strategy.symbol;

import io.steadystate.core.event.DayRolled;
import io.steadystate.core.event.MarketEvent;
import io.steadystate.core.event.SessionClosed;
import io.steadystate.core.event.SessionOpened;
import io.steadystate.core.event.SymbolDelisted;
import io.steadystate.core.event.SymbolListed;
import io.steadystate.core.event.Tick;
import io.steadystate.core.kafka.Partitioning;
import io.steadystate.core.state.BoundedStore;
import io.steadystate.core.state.ExitCause;
import io.steadystate.core.state.StoreMetrics;
import io.steadystate.core.time.EventClock;
import io.steadystate.core.time.EventTimeGuard;
import io.steadystate.kit.delivery.CommittedCounter;
import io.steadystate.kit.log.ThrottledLog;
import io.steadystate.strategy.fault.FaultInjector;
import io.steadystate.strategy.signals.SignalSink;
import io.steadystate.strategy.signals.StrategyMatrix;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Where every symbol's state lives, and every way it leaves. One store:
 * <pre>
 *   store        "strategy-symbols"   (steadystate_store_*{store="strategy-symbols"})
 *   value        SymbolState — everything the symbol owns
 *   capacity     steadystate.strategy.max-symbols        → cause=capacity (an alarm, logged)
 *   idle expiry  steadystate.strategy.idle-expiry, on event time (EventClock, advanced by every event),
 *                enforced on every session event          → cause=expired
 *   delisting    SymbolDelisted                          → cause=removed
 *   rebalance    partition revoked or lost               → cause=revoked (gained partitions warm up from ticks)
 * </pre>
 * Entries are created by a symbol's first tick or its listing. Session events are broadcast to every partition,
 * so each copy is applied to the symbols of the partition it arrived on, in order with their ticks.
 */
public final class SymbolBook {

    public static final String STORE = "strategy-symbols";
    public static final String TICKS = "steadystate.strategy.ticks.processed";
    private static final Logger LOG = Logger.getLogger(SymbolBook.class);

    private final BoundedStore<String, SymbolState> symbols;
    private final EventClock clock;
    private final EventTimeGuard timeGuard;
    private final StrategyMatrix matrix;
    private final FaultInjector fault;
    private final double rallyThresholdPct;
    /**
     * Ticks of committed transactions only: the delivery loop reports commits and aborts through the handler, so a
     * replay after an abort does not count twice. No allocation per tick.
     */
    private final CommittedCounter ticks = new CommittedCounter();
    /** At most one line per minute when the bound is hit (an undersized store evicts on every new symbol). */
    private final ThrottledLog capacityLog = new ThrottledLog(LOG, 60_000);

    private final String capacityWarning;

    public SymbolBook(
            int maxSymbols,
            Duration idleExpiry,
            double rallyThresholdPct,
            EventClock clock,
            StoreMetrics storeMetrics,
            StrategyMatrix matrix,
            FaultInjector fault) {
        this(maxSymbols, idleExpiry, rallyThresholdPct, clock, storeMetrics, matrix, fault, EventTimeGuard.defaults());
    }

    /** @param timeGuard the event-time rule every event must pass before it is applied (default: 7-day step) */
    public SymbolBook(
            int maxSymbols,
            Duration idleExpiry,
            double rallyThresholdPct,
            EventClock clock,
            StoreMetrics storeMetrics,
            StrategyMatrix matrix,
            FaultInjector fault,
            EventTimeGuard timeGuard) {
        this.clock = clock;
        this.timeGuard = timeGuard;
        this.matrix = matrix;
        this.fault = fault;
        this.rallyThresholdPct = rallyThresholdPct;
        this.capacityWarning = "symbol store full (" + maxSymbols
                + ") — raise steadystate.strategy.max-symbols or add instances; evicted";
        ticks.register(
                TICKS, "Ticks processed by the strategy matrix (committed transactions)", storeMetrics.registry());
        this.symbols = BoundedStore.<String, SymbolState>named(STORE)
                .capacity(maxSymbols)
                .idleExpiry(idleExpiry, clock)
                .bytesPerEntry(new SymbolState("EMPTY", 0, rallyThresholdPct).estimatedBytes())
                .onExit(this::onExit)
                .build(storeMetrics);
    }

    private void onExit(String symbol, SymbolState state, ExitCause cause) {
        if (cause == ExitCause.CAPACITY) {
            capacityLog.warn(capacityWarning, symbol);
        }
        fault.onSymbolExit(symbol, state, cause);
    }

    /**
     * Why {@code event} must not be applied (its event time is outside the window or jumps more than the max
     * step ahead of this instance's clock; see {@link EventTimeGuard}); null when it may. Call it before
     * {@link #apply} and dead-letter the record with the answer (reason VALIDATION).
     */
    public String problemWith(MarketEvent event) {
        return timeGuard.problemWith(event.eventTime(), clock);
    }

    /**
     * Applies one decoded market event that arrived on {@code partition} (tests may pass 0 throughout). An event
     * {@link #problemWith} refuses throws {@link IllegalArgumentException} before anything moves: a tick dated a
     * century ahead must not advance the clock and so expire every symbol at the next session event.
     */
    public void apply(MarketEvent event, int partition, SignalSink sink) {
        String problem = problemWith(event);
        if (problem != null) {
            throw new IllegalArgumentException(
                    event.getClass().getSimpleName() + " refused, nothing changed: " + problem);
        }
        clock.advanceTo(event.eventTime());
        if (event instanceof Tick tick) {
            onTick(tick, partition, sink);
        } else if (event instanceof SymbolListed listed) {
            stateOf(listed.symbol(), partition);
        } else if (event instanceof SymbolDelisted delisted) {
            symbols.remove(delisted.symbol(), ExitCause.REMOVED);
        } else if (event instanceof SessionClosed closed) {
            symbols.forEach((symbol, state) -> {
                if (state.partition() == partition) {
                    state.onSessionClosed(closed.eventTime(), closed.tradingDay(), matrix, sink);
                }
            });
            symbols.expireIdle();
        } else if (event instanceof DayRolled rolled) {
            symbols.forEach((symbol, state) -> {
                if (state.partition() == partition) {
                    state.onDayRolled(rolled.eventTime(), rolled.newTradingDay(), matrix, sink);
                }
            });
            symbols.expireIdle();
        } else if (event instanceof SessionOpened) {
            symbols.expireIdle();
        }
    }

    private void onTick(Tick tick, int partition, SignalSink sink) {
        SymbolState state = stateOf(tick.symbol(), partition);
        state.onTick(tick.eventTime(), tick.price(), tick.size(), tick.originMicros(), matrix, sink);
        fault.onTick(tick);
        ticks.increment();
    }

    private SymbolState stateOf(String symbol, int partition) {
        SymbolState state = symbols.get(symbol);
        if (state == null) {
            // allocation only when a symbol is admitted
            state = symbols.getOrCreate(symbol, s -> new SymbolState(s, partition, rallyThresholdPct));
        }
        return state;
    }

    /**
     * The consumer lost {@code revoked} partitions of a topic with {@code partitionCount} partitions: every symbol
     * that hashes to one of them leaves with cause=revoked (its new owner warms it up from ticks).
     */
    public int revoke(boolean[] revoked, int partitionCount) {
        return symbols.removeIf(
                (symbol, state) -> {
                    int p = Partitioning.partitionOf(symbol, partitionCount);
                    return p < revoked.length && revoked[p];
                },
                ExitCause.REVOKED);
    }

    /** Runs idle expiry at the current event time (also done on every session event). */
    public void expireIdle() {
        symbols.expireIdle();
    }

    /** A read-only lookup that does not count as activity (a debug view must not keep a symbol alive). */
    public Optional<SymbolState> peek(String symbol) {
        return Optional.ofNullable(symbols.peek(symbol));
    }

    public long size() {
        return symbols.size();
    }

    public long capacity() {
        return symbols.capacity();
    }

    public EventClock clock() {
        return clock;
    }

    public StrategyMatrix matrix() {
        return matrix;
    }

    /** Ticks applied: {@link CommittedCounter#committed} / {@link CommittedCounter#aborted} follow the loop. */
    public CommittedCounter ticks() {
        return ticks;
    }
}
