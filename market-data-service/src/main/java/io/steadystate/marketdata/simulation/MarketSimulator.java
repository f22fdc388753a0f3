package io.steadystate.marketdata.simulation;

import io.steadystate.core.event.MarketEvent;
import io.steadystate.core.event.SymbolDelisted;
import io.steadystate.core.event.SymbolListed;
import io.steadystate.marketdata.MarketSource;
import io.steadystate.marketdata.OriginClock;
import io.steadystate.marketdata.calendar.SessionCalendar;
import io.steadystate.marketdata.calendar.SessionCursor;
import io.steadystate.marketdata.resume.ResumePoint;
import io.steadystate.marketdata.universe.SymbolNames;
import io.steadystate.marketdata.universe.SymbolState;
import io.steadystate.marketdata.universe.SymbolUniverse;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The seeded simulated market. Everything random comes from the seed: the market-wide generator picks the
 * symbol of each tick, the churn times and the new names; each symbol's own generator (seeded from seed and
 * name) drives its walk. So the same seed and settings give the same stream, whatever the wall-clock pacing
 * of {@link #advance} calls — only {@code Tick.originMicros} (wall-clock latency metadata) differs.
 *
 * <p>Time runs in nanoseconds internally (ticks at 10,000 symbols × 100/s are 1 µs apart); events carry millis.
 * Ticks arrive at the aggregate rate {@code active × ticksPerSymbolPerSecond}, each for a uniformly chosen
 * listed symbol; the intraday volume curve (U-shaped: busy at open and close) shapes trade sizes, and spreads
 * widen in volatile regimes and in the opening minutes.
 */
public final class MarketSimulator implements MarketSource, MarketSource.Listings, MarketSource.TickRate {

    private final SimulationSettings settings;
    private final SessionCalendar calendar;
    private final SymbolUniverse universe;
    private final SymbolNames names;
    private final SplittableRandom market;
    private final OriginClock origin;
    private final long sessionNanos;
    private final Optional<Listings> listings = Optional.of(this);
    private final Optional<TickRate> tickRate = Optional.of(this);

    /** Replaced once by {@link #resumeAfter}, before the first event. */
    private SessionCursor cursor;
    /** Epoch millis the previous run's stream ended at; {@link Long#MIN_VALUE} for a fresh market. */
    private long resumedAfterMillis = Long.MIN_VALUE;

    private double ticksPerSymbolPerSecond;
    private double dtSeconds;
    private double sqrtDt;

    private boolean started;
    private long nowNanos = Long.MIN_VALUE;
    private long nextTickNanos = Long.MAX_VALUE;
    private double tickCarry;
    private long nextChurnNanos = Long.MAX_VALUE;
    private long churnSlotNanos;
    private int churnToday;
    private int churnIndex;
    private double churnCarry;

    /**
     * @param origin stamps {@code Tick.originMicros} only; pass {@link OriginClock#FIXED_AT_ZERO} for a fully
     *               deterministic stream
     */
    public MarketSimulator(
            SimulationSettings settings, SessionCalendar calendar, SymbolUniverse universe, OriginClock origin) {
        this.settings = settings;
        this.calendar = calendar;
        this.cursor = new SessionCursor(calendar, settings.startDate().toEpochDay());
        this.universe = universe;
        this.names = new SymbolNames(settings.seed());
        this.market = new SplittableRandom(settings.seed());
        this.origin = origin;
        this.sessionNanos = calendar.sessionMillis() * 1_000_000L;
        setTicksPerSymbolPerSecond(settings.ticksPerSymbolPerSecond());
    }

    @Override
    public int advance(long budgetNanos, int maxTicks, Consumer<MarketEvent> sink) {
        if (!started) {
            begin(sink);
        }
        long end = MarketSource.saturatedAdd(nowNanos, Math.max(0, budgetNanos));
        int ticks = 0;
        while (true) {
            if (!cursor.isOpen()) {
                // Overnight and weekends: the clock jumps to the next open and the budget is not spent on the gap.
                long remaining = end - nowNanos;
                long open = cursor.nextOpenMillis();
                cursor.advanceTo(open, sink);
                nowNanos = open * 1_000_000L;
                end = MarketSource.saturatedAdd(nowNanos, remaining);
                beginDay();
            }
            long close = cursor.closeMillis() * 1_000_000L;
            long stepEnd = Math.min(end, close);
            while (true) {
                if (nextChurnNanos <= nextTickNanos) {
                    if (nextChurnNanos >= stepEnd) {
                        break;
                    }
                    nowNanos = nextChurnNanos;
                    churn(sink);
                    scheduleNextChurn();
                } else {
                    if (nextTickNanos >= stepEnd) {
                        break;
                    }
                    if (ticks >= maxTicks) {
                        return ticks;
                    }
                    nowNanos = nextTickNanos;
                    tick(sink);
                    ticks++;
                    scheduleNextTick();
                }
            }
            nowNanos = stepEnd;
            if (stepEnd < close) {
                return ticks;
            }
            cursor.advanceTo(close / 1_000_000L, sink);
            if (end <= close) {
                return ticks;
            }
        }
    }

    /**
     * The same seeded universe as a fresh start (same names: downstream state for them carries on), but placed
     * after the previous stream: the configured start date only applies when it lies later anyway.
     */
    @Override
    public void resumeAfter(ResumePoint point) {
        if (started) {
            throw new IllegalStateException("resumeAfter must come before the first event");
        }
        universe.numberSequencesAbove(point.sequenceFloor());
        if (point.lastEventTimeMillis() >= cursor.openMillis()) {
            cursor = SessionCursor.resumedAfter(calendar, point.lastEventTimeMillis());
            resumedAfterMillis = point.lastEventTimeMillis();
        }
    }

    private void begin(Consumer<MarketEvent> sink) {
        started = true;
        boolean midSession = cursor.isOpen(); // only a resumed cursor starts out open
        if (midSession) {
            nowNanos = (resumedAfterMillis + 1) * 1_000_000L;
        } else {
            long open = cursor.nextOpenMillis();
            nowNanos = open * 1_000_000L;
            cursor.advanceTo(open, sink);
        }
        for (int i = 0; i < settings.targetSymbols(); i++) {
            listNew(sink);
        }
        beginDay();
        if (midSession) {
            // the previous run played the churn slots before now: do not fire them all at once
            while (nextChurnNanos < nowNanos) {
                scheduleNextChurn();
            }
        }
    }

    private void beginDay() {
        tickCarry = 0;
        nextTickNanos = Long.MAX_VALUE;
        scheduleNextTick();
        double expected = settings.churnPerDay() * settings.targetSymbols() * 2 + churnCarry;
        churnToday = (int) Math.min(Integer.MAX_VALUE, Math.floor(expected));
        churnCarry = expected - churnToday;
        churnSlotNanos = churnToday == 0 ? 0 : sessionNanos / churnToday;
        churnIndex = 0;
        scheduleNextChurn();
    }

    private void scheduleNextTick() {
        int active = universe.size();
        if (active == 0) {
            nextTickNanos = Long.MAX_VALUE;
            return;
        }
        double interval = 1e9 / (active * ticksPerSymbolPerSecond) + tickCarry;
        long whole = (long) interval;
        tickCarry = interval - whole;
        nextTickNanos = nowNanos + whole;
    }

    /** Churn events fall one per equal slot of the session, at a random point inside their slot. */
    private void scheduleNextChurn() {
        if (churnIndex >= churnToday || churnSlotNanos <= 0) {
            nextChurnNanos = Long.MAX_VALUE;
            return;
        }
        long open = cursor.openMillis() * 1_000_000L;
        nextChurnNanos =
                Math.max(nowNanos, open + churnSlotNanos * churnIndex + (long) (market.nextDouble() * churnSlotNanos));
        churnIndex++;
    }

    /** Mean-reverting to the target size: list when below, delist when above, either at random when on it. */
    private void churn(Consumer<MarketEvent> sink) {
        int active = universe.size();
        int target = settings.targetSymbols();
        boolean list = active < target || (active == target && market.nextBoolean());
        if (list) {
            listNew(sink);
        } else if (active > 0) {
            delist(universe.at(market.nextInt(active)).symbol(), "churn", sink);
        }
    }

    private void listNew(Consumer<MarketEvent> sink) {
        if (universe.isFull()) {
            return;
        }
        String symbol = names.next();
        for (int attempts = 0; universe.contains(symbol) && attempts < 1000; attempts++) {
            symbol = names.next(); // a still-listed name from an earlier lap of the name space, or a manual listing
        }
        double price = Math.round(Math.exp(Math.log(5) + market.nextDouble() * Math.log(100)) * 100) / 100.0;
        list(symbol, price, sink);
    }

    @Override
    public boolean list(String symbol, double price, Consumer<MarketEvent> sink) {
        SymbolListed event = new SymbolListed(symbol, nowMillis(), price); // validates before any state changes
        if (universe.listSimulated(symbol, settings.seed(), price) == null) {
            return false;
        }
        sink.accept(event);
        if (nextTickNanos == Long.MAX_VALUE && cursor.isOpen()) {
            scheduleNextTick();
        }
        return true;
    }

    @Override
    public boolean delist(String symbol, String reason, Consumer<MarketEvent> sink) {
        if (!universe.delist(symbol)) {
            return false;
        }
        sink.accept(new SymbolDelisted(symbol, nowMillis(), reason));
        return true;
    }

    private void tick(Consumer<MarketEvent> sink) {
        SymbolState s = universe.at(market.nextInt(universe.size()));
        double sessionFraction = (nowNanos - cursor.openMillis() * 1_000_000L) / (double) sessionNanos;
        sink.accept(s.nextTick(dtSeconds, sqrtDt, sessionFraction, nowMillis(), origin.originMicros(nowNanos)));
    }

    @Override
    public void setTicksPerSymbolPerSecond(double rate) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("ticksPerSymbolPerSecond must be > 0, was " + rate);
        }
        this.ticksPerSymbolPerSecond = rate;
        this.dtSeconds = 1.0 / rate;
        this.sqrtDt = Math.sqrt(dtSeconds);
        if (started && cursor.isOpen()) {
            tickCarry = 0;
            scheduleNextTick();
        }
    }

    @Override
    public double ticksPerSymbolPerSecond() {
        return ticksPerSymbolPerSecond;
    }

    @Override
    public boolean started() {
        return started;
    }

    @Override
    public boolean finished() {
        return false;
    }

    @Override
    public long nowNanos() {
        return nowNanos;
    }

    @Override
    public Optional<SessionCursor> cursor() {
        return Optional.of(cursor);
    }

    @Override
    public Optional<Listings> listings() {
        return listings;
    }

    @Override
    public Optional<TickRate> tickRate() {
        return tickRate;
    }

    @Override
    public SymbolUniverse universe() {
        return universe;
    }
}
