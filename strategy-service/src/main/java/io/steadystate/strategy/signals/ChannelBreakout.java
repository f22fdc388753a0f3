package io.steadystate.strategy.signals;

import io.steadystate.core.event.Side;
import io.steadystate.core.event.SlotParameters;
import io.steadystate.core.state.DoubleRing;
import java.util.Map;

/**
 * S2 breakout: the close against the high/low channel of the {@code period} bars before it. Closing above
 * {@code high × (1 + threshold%)} is a BUY breakout, below {@code low × (1 − threshold%)} a SELL one. Only the
 * bar that enters a breakout signals; staying outside the channel does not repeat it.
 *
 * <p>Windows: highs and lows of the last {@link SlotParameters#MAX_PERIOD} bars — the longest channel a
 * parameter row may ask for — as primitive rings, allocated once.
 */
public final class ChannelBreakout extends SlotState {

    private final DoubleRing highs = new DoubleRing(SlotParameters.MAX_PERIOD);
    private final DoubleRing lows = new DoubleRing(SlotParameters.MAX_PERIOD);
    /** The breakout the previous bar was in: -1, 0, +1. */
    private int lastBreakout;

    @Override
    public Side onBar(double close, double high, double low, SlotParameters p) {
        Side signal = null;
        int n = p.period();
        if (highs.size() >= n) {
            double margin = p.threshold() / 100.0;
            int now = close > channelHigh(n) * (1 + margin) ? 1 : close < channelLow(n) * (1 - margin) ? -1 : 0;
            if (now != 0 && now != lastBreakout) {
                signal = now > 0 ? Side.BUY : Side.SELL;
            }
            lastBreakout = now;
        }
        highs.add(high);
        lows.add(low);
        return signal;
    }

    private double channelHigh(int n) {
        double max = highs.get(0);
        for (int i = 1; i < n; i++) {
            max = Math.max(max, highs.get(i));
        }
        return max;
    }

    private double channelLow(int n) {
        double min = lows.get(0);
        for (int i = 1; i < n; i++) {
            min = Math.min(min, lows.get(i));
        }
        return min;
    }

    @Override
    public void describe(Map<String, Object> out, SlotParameters p) {
        int n = Math.min(p.period(), highs.size());
        out.put("barsHeld", highs.size());
        out.put("channelHigh", n == 0 ? null : channelHigh(n));
        out.put("channelLow", n == 0 ? null : channelLow(n));
        out.put("breakout", lastBreakout);
    }

    @Override
    public long bytes() {
        return 16 + 8 + 4 + 16 + 2 * (16 + highs.bytes());
    }
}
