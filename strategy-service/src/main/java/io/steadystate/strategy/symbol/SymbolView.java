package io.steadystate.strategy.symbol;

import io.steadystate.core.event.SlotParameters;
import io.steadystate.core.event.StrategySlot;
import io.steadystate.core.event.Timeframe;
import io.steadystate.strategy.bars.BarConsolidator;
import io.steadystate.strategy.params.ParameterTable;
import io.steadystate.strategy.signals.RallyDetector;
import io.steadystate.strategy.signals.SlotState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Debug view of one symbol (REST): bars per timeframe, rally detector, daily volumes and the 21 slots with their
 * indicators. Built from the live state without locking, so it is a best-effort snapshot.
 */
public record SymbolView(
        String symbol,
        int partition,
        long lastEventTime,
        double lastPrice,
        long ticks,
        long estimatedBytes,
        List<BarView> bars,
        RallyView rally,
        List<Long> dailyVolumes,
        List<SlotView> slots) {

    public record Ohlcv(long start, double open, double high, double low, double close, long volume) {}

    public record BarView(String timeframe, Ohlcv forming, Ohlcv lastClosed, long barsClosed) {}

    public record RallyView(int points, int window, double risePct, boolean rallying, long rallies) {}

    public record SlotView(
            int slotId,
            String timeframe,
            String strategy,
            boolean enabled,
            Map<String, Object> indicators,
            Long lastSignalBarTime,
            String lastSignalSide,
            long signals) {}

    public static SymbolView of(SymbolState s, ParameterTable parameters) {
        List<BarView> bars = new ArrayList<>();
        for (Timeframe tf : Timeframe.values()) {
            BarConsolidator b = s.bar(tf);
            bars.add(new BarView(
                    tf.name(),
                    b.isForming() ? new Ohlcv(b.start(), b.open(), b.high(), b.low(), b.close(), b.volume()) : null,
                    b.hasClosed()
                            ? new Ohlcv(
                                    b.closedStart(),
                                    b.closedOpen(),
                                    b.closedHigh(),
                                    b.closedLow(),
                                    b.closedClose(),
                                    b.closedVolume())
                            : null,
                    b.barsClosed()));
        }
        RallyDetector r = s.rally();
        List<Long> volumes = new ArrayList<>();
        for (int age = 0; age < s.dailyVolumes().size(); age++) {
            volumes.add(s.dailyVolumes().get(age));
        }
        List<SlotView> slots = new ArrayList<>();
        for (int i = 0; i < StrategySlot.COUNT; i++) {
            StrategySlot slot = StrategySlot.ofIndex(i);
            SlotParameters p = parameters.get(i);
            SlotState st = s.slot(i);
            Map<String, Object> indicators = new LinkedHashMap<>();
            st.describe(indicators, p);
            slots.add(new SlotView(
                    slot.id(),
                    slot.timeframe().name(),
                    slot.strategy().code(),
                    p.enabled(),
                    indicators,
                    st.signals() == 0 ? null : st.lastSignalBarTime(),
                    st.lastSignalSide() == null ? null : st.lastSignalSide().name(),
                    st.signals()));
        }
        return new SymbolView(
                s.symbol(),
                s.partition(),
                s.lastEventTime(),
                s.lastPrice(),
                s.ticks(),
                s.estimatedBytes(),
                bars,
                new RallyView(r.points(), RallyDetector.WINDOW, r.risePct(), r.rallying(), r.rallies()),
                volumes,
                slots);
    }
}
