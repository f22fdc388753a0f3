package io.steadystate.strategy.signals;

import io.steadystate.core.event.Side;
import io.steadystate.core.event.SlotParameters;
import java.util.Map;

/**
 * The state of one strategy slot of one symbol: the strategy's own indicator state plus what it last signalled.
 * A symbol holds exactly {@code StrategySlot.COUNT} of these in a fixed array indexed by {@code StrategySlot.index()}.
 * Indicators update on every closed bar, enabled or not, so re-enabling a slot does not need a warm-up.
 */
public abstract class SlotState {

    /** Bar start of the last signal; a slot emits at most one signal per closed bar. */
    private long lastSignalBarTime = Long.MIN_VALUE;

    private Side lastSignalSide;
    private long signals;

    /** Feeds one closed bar; returns the side to signal on this bar, or null. */
    public abstract Side onBar(double close, double high, double low, SlotParameters parameters);

    /** Indicator values for the debug view (REST only: allocation is fine here). */
    public abstract void describe(Map<String, Object> out, SlotParameters parameters);

    /** Estimated heap bytes of this slot, for the per-symbol estimate. */
    public abstract long bytes();

    boolean alreadySignalled(long barTime) {
        return lastSignalBarTime == barTime;
    }

    void recordSignal(long barTime, Side side) {
        lastSignalBarTime = barTime;
        lastSignalSide = side;
        signals++;
    }

    public long lastSignalBarTime() {
        return lastSignalBarTime;
    }

    public Side lastSignalSide() {
        return lastSignalSide;
    }

    public long signals() {
        return signals;
    }
}
