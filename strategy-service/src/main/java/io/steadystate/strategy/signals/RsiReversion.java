package io.steadystate.strategy.signals;

import io.steadystate.core.event.Side;
import io.steadystate.core.event.SlotParameters;
import java.util.Map;

/**
 * S3 mean reversion on Wilder's RSI({@code period}): the first {@code period} close-to-close changes seed the
 * average gain/loss as plain means, later changes smooth them with weight 1/period. Entering the oversold zone
 * (RSI falls below {@code threshold}) signals BUY; entering the overbought zone (rises above
 * {@code 100 − threshold}) signals SELL. Staying in a zone does not repeat the signal.
 */
public final class RsiReversion extends SlotState {

    private boolean hasPrevious;
    private double previousClose;
    private int changes;
    private double averageGain;
    private double averageLoss;
    private double rsi = Double.NaN;

    @Override
    public Side onBar(double close, double high, double low, SlotParameters p) {
        if (!hasPrevious) {
            hasPrevious = true;
            previousClose = close;
            return null;
        }
        double change = close - previousClose;
        previousClose = close;
        double gain = Math.max(change, 0);
        double loss = Math.max(-change, 0);
        int n = p.period();
        if (changes < n) {
            averageGain += gain;
            averageLoss += loss;
            changes++;
            if (changes < n) {
                return null;
            }
            averageGain /= n;
            averageLoss /= n;
        } else {
            averageGain = (averageGain * (n - 1) + gain) / n;
            averageLoss = (averageLoss * (n - 1) + loss) / n;
        }
        double now = averageLoss == 0 ? (averageGain == 0 ? 50 : 100) : 100 - 100 / (1 + averageGain / averageLoss);
        double oversold = p.threshold();
        double overbought = 100 - p.threshold();
        Side signal = null;
        if (!Double.isNaN(rsi)) {
            if (now < oversold && rsi >= oversold) {
                signal = Side.BUY;
            } else if (now > overbought && rsi <= overbought) {
                signal = Side.SELL;
            }
        }
        rsi = now;
        return signal;
    }

    public double rsi() {
        return rsi;
    }

    @Override
    public void describe(Map<String, Object> out, SlotParameters p) {
        out.put("rsi", Double.isNaN(rsi) ? null : rsi);
        out.put("averageGain", averageGain);
        out.put("averageLoss", averageLoss);
    }

    @Override
    public long bytes() {
        return 16 + 8 * 5 + 4 + 8 + 16;
    }
}
