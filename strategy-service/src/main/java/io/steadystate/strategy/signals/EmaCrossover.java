package io.steadystate.strategy.signals;

import io.steadystate.core.event.Side;
import io.steadystate.core.event.SlotParameters;
import java.util.Map;

/**
 * S1 trend: fast EMA ({@code secondaryPeriod}) against slow EMA ({@code period}). The spread in percent of the
 * slow EMA sets a regime: above {@code +threshold} up, below {@code -threshold} down, in between unchanged
 * (hysteresis, so noise around the cross does not flip it). A flip from one established regime to the other
 * signals: down→up BUY, up→down SELL. Silent until {@code period} bars have been seen.
 */
public final class EmaCrossover extends SlotState {

    private double fast;
    private double slow;
    private long bars;
    /** -1 down, +1 up, 0 not yet established. */
    private int regime;

    @Override
    public Side onBar(double close, double high, double low, SlotParameters p) {
        if (bars == 0) {
            fast = close;
            slow = close;
        } else {
            fast += 2.0 / (p.secondaryPeriod() + 1) * (close - fast);
            slow += 2.0 / (p.period() + 1) * (close - slow);
        }
        bars++;
        if (bars < p.period()) {
            return null;
        }
        double spreadPct = (fast - slow) / slow * 100.0;
        int now = spreadPct > p.threshold() ? 1 : spreadPct < -p.threshold() ? -1 : regime;
        Side signal = regime == -1 && now == 1 ? Side.BUY : regime == 1 && now == -1 ? Side.SELL : null;
        regime = now;
        return signal;
    }

    @Override
    public void describe(Map<String, Object> out, SlotParameters p) {
        out.put("emaFast", fast);
        out.put("emaSlow", slow);
        out.put("regime", regime);
        out.put("bars", bars);
    }

    @Override
    public long bytes() {
        return 16 + 8 * 4 + 8 + 16;
    }
}
