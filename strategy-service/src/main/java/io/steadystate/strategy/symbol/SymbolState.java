package io.steadystate.strategy.symbol;

import io.steadystate.core.event.StrategySlot;
import io.steadystate.core.event.Timeframe;
import io.steadystate.core.state.LongRing;
import io.steadystate.strategy.bars.BarBoundaries;
import io.steadystate.strategy.bars.BarConsolidator;
import io.steadystate.strategy.signals.RallyDetector;
import io.steadystate.strategy.signals.SignalSink;
import io.steadystate.strategy.signals.SlotState;
import io.steadystate.strategy.signals.StrategyMatrix;

/**
 * Everything one symbol owns, in one object, so removing the symbol from {@link SymbolBook} removes all of it:
 * <ul>
 *   <li>9 bar consolidators (S15 … W1, indexed by {@link Timeframe#ordinal()});</li>
 *   <li>21 strategy slot states (fixed array by {@link StrategySlot#index()}) with their indicators and windows;</li>
 *   <li>the rally detector (960 × 15 s closes) and a 7-slot ring of daily volumes.</li>
 * </ul>
 * Sizes are fixed at construction; nothing here grows with uptime. Touched only by the market-events consumer
 * thread (REST reads are best-effort snapshots).
 */
public final class SymbolState {

    private static final Timeframe[] TIMEFRAMES = Timeframe.values();
    /** Offset from a consolidator index (Timeframe ordinal) to the matrix timeframe index (M1 = 0). */
    private static final int MATRIX_OFFSET = Timeframe.M1.ordinal();

    public static final int DAILY_VOLUME_DAYS = 7;

    private final String symbol;
    private final int partition;
    private final BarConsolidator[] bars = new BarConsolidator[TIMEFRAMES.length];
    private final SlotState[] slots = new SlotState[StrategySlot.COUNT];
    private final RallyDetector rally;
    private final LongRing dailyVolumes = new LongRing(DAILY_VOLUME_DAYS);

    private long lastEventTime;
    private double lastPrice;
    private long lastOriginMicros;
    private long ticks;

    public SymbolState(String symbol, int partition, double rallyThresholdPct) {
        this.symbol = symbol;
        this.partition = partition;
        for (Timeframe tf : TIMEFRAMES) {
            bars[tf.ordinal()] = new BarConsolidator(tf);
        }
        for (int i = 0; i < slots.length; i++) {
            slots[i] = StrategyMatrix.newSlotState(i);
        }
        this.rally = new RallyDetector(rallyThresholdPct);
    }

    /** The per-tick hot path: no allocation unless a slot signals. */
    public void onTick(
            long eventTime, double price, long size, long originMicros, StrategyMatrix matrix, SignalSink sink) {
        lastEventTime = eventTime;
        lastPrice = price;
        lastOriginMicros = originMicros;
        ticks++;
        for (int i = 0; i < bars.length; i++) {
            BarConsolidator bar = bars[i];
            long start = BarBoundaries.startOf(TIMEFRAMES[i], eventTime);
            if (bar.startsNewBar(start)) {
                closeBar(i, eventTime, matrix, sink);
            }
            bar.update(start, price, size);
        }
    }

    /**
     * Session close on event time: every forming intraday bar and the D1 bar close (their strategies evaluate),
     * the D1 volume enters the 7-day ring, and the daily state (rally window) resets. W1 closes too when the
     * closing session is a Friday. Idempotent: a second close finds nothing forming.
     */
    public void onSessionClosed(long eventTime, int tradingDay, StrategyMatrix matrix, SignalSink sink) {
        for (int i = 0; i <= Timeframe.D1.ordinal(); i++) {
            closeBar(i, eventTime, matrix, sink);
        }
        if (BarBoundaries.dayOfWeek(tradingDay) == 5) {
            closeBar(Timeframe.W1.ordinal(), eventTime, matrix, sink);
        }
        rally.reset();
    }

    /** Day roll: a W1 bar of an earlier week closes (covers weeks whose last session was not a Friday). */
    public void onDayRolled(long eventTime, int newTradingDay, StrategyMatrix matrix, SignalSink sink) {
        BarConsolidator week = bars[Timeframe.W1.ordinal()];
        if (week.startsNewBar(BarBoundaries.weekStartOfDay(newTradingDay))) {
            closeBar(Timeframe.W1.ordinal(), eventTime, matrix, sink);
        }
    }

    private void closeBar(int i, long eventTime, StrategyMatrix matrix, SignalSink sink) {
        BarConsolidator bar = bars[i];
        if (!bar.closeForming()) {
            return;
        }
        if (i == Timeframe.S15.ordinal()) {
            rally.onBar(bar.closedClose());
            return;
        }
        if (i == Timeframe.D1.ordinal()) {
            dailyVolumes.add(bar.closedVolume());
        }
        if (i == Timeframe.W1.ordinal()) {
            return;
        }
        matrix.onBarClosed(
                symbol,
                slots,
                i - MATRIX_OFFSET,
                bar.closedStart(),
                bar.closedHigh(),
                bar.closedLow(),
                bar.closedClose(),
                eventTime,
                lastOriginMicros,
                sink);
    }

    public String symbol() {
        return symbol;
    }

    /** The market.events partition this symbol's ticks arrive on (session events are applied per partition). */
    public int partition() {
        return partition;
    }

    public BarConsolidator bar(Timeframe timeframe) {
        return bars[timeframe.ordinal()];
    }

    public SlotState slot(int index) {
        return slots[index];
    }

    public RallyDetector rally() {
        return rally;
    }

    public LongRing dailyVolumes() {
        return dailyVolumes;
    }

    public long lastEventTime() {
        return lastEventTime;
    }

    public double lastPrice() {
        return lastPrice;
    }

    public long ticks() {
        return ticks;
    }

    /**
     * Computed heap bytes of one symbol's state (object headers, fields, arrays, rings; the symbol string is
     * shared with the store key). Cross-checked by {@code SymbolStateFootprint} (heap after GC / 10,000 symbols).
     */
    public long estimatedBytes() {
        long bytes = 16 + 4 * 4 + 8 * 4 + 8; // this object
        bytes += 16 + 4L * bars.length + bars.length * BarConsolidator.bytes();
        bytes += 16 + 4L * slots.length;
        for (SlotState slot : slots) {
            bytes += slot.bytes();
        }
        bytes += rally.bytes();
        bytes += 16 + dailyVolumes.bytes();
        return bytes;
    }
}
