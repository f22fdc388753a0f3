package io.steadystate.strategy.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.steadystate.core.event.Side;
import io.steadystate.core.event.SlotParameters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each strategy on a crafted series; expected values computed by hand in the comments. */
class StrategiesTest {

    private static List<Side> feed(SlotState slot, SlotParameters p, double[][] hlc) {
        List<Side> out = new ArrayList<>();
        for (double[] bar : hlc) {
            out.add(slot.onBar(bar[2], bar[0], bar[1], p));
        }
        return out;
    }

    private static double[][] closes(double... closes) {
        double[][] bars = new double[closes.length][];
        for (int i = 0; i < closes.length; i++) {
            bars[i] = new double[] {closes[i], closes[i], closes[i]};
        }
        return bars;
    }

    @Test
    void emaCrossoverBuysWhenTheFastEmaCrossesAboveAnEstablishedDownRegime() {
        // slow = EMA(4) alpha 0.4, fast = EMA(2) alpha 2/3, threshold 0 %
        SlotParameters p = new SlotParameters(11, true, 100, 4, 2, 0.0, 1, 2, 0);
        EmaCrossover s1 = new EmaCrossover();
        // 10,10,10,10: both EMAs 10, spread 0 -> no regime yet
        // 9: fast 9.3333, slow 9.6 -> down regime established (no signal: nothing to cross from)
        // 12: fast 9.3333 + 2/3*2.6667 = 11.1111, slow 9.6 + 0.4*2.4 = 10.56 -> up: BUY
        // 12: fast 11.7037, slow 11.136 -> still up: nothing
        // 8: fast 9.2346, slow 9.8816 -> down: SELL
        assertThat(feed(s1, p, closes(10, 10, 10, 10, 9, 12, 12, 8)))
                .containsExactly(null, null, null, null, null, Side.BUY, null, Side.SELL);
    }

    @Test
    void emaCrossoverIgnoresCrossesInsideTheThresholdBand() {
        // threshold 5 %: the 12 bar's spread (11.1111 - 10.56) / 10.56 = 5.22 % confirms; a 9→10 wiggle does not
        SlotParameters p = new SlotParameters(11, true, 100, 4, 2, 5.0, 1, 2, 0);
        EmaCrossover s1 = new EmaCrossover();
        // 9: spread (9.3333-9.6)/9.6 = -2.8 % -> inside the band, regime stays unset; so 12 establishes "up" silently
        assertThat(feed(s1, p, closes(10, 10, 10, 10, 9, 12))).containsOnlyNulls();
    }

    @Test
    void channelBreakoutSignalsTheBarThatLeavesThePreviousNBarChannelOnce() {
        SlotParameters p = new SlotParameters(12, true, 100, 3, 0, 0.0, 1, 2, 0);
        ChannelBreakout s2 = new ChannelBreakout();
        List<Side> sides = feed(s2, p, new double[][] {
            {10, 9, 9.5},
            {11, 9.5, 10},
            {10.5, 9, 10}, // warm-up: fewer than 3 bars before each
            {11.6, 11, 11.5}, // highs 10, 11, 10.5 -> 11; 11.5 > 11: BUY
            {12, 11.5, 11.8}, // highs 11, 10.5, 11.6 -> 11.6; still above: no repeat
            {11, 10.5, 10.8}, // inside (high 12, low 9)
            {9, 8.5, 8.5}
        }); // lows of the last 3 bars 11, 11.5, 10.5 -> 10.5; 8.5 < 10.5: SELL
        assertThat(sides).containsExactly(null, null, null, Side.BUY, null, null, Side.SELL);
    }

    @Test
    void channelBreakoutNeedsTheMarginAboveTheChannel() {
        SlotParameters p = new SlotParameters(12, true, 100, 2, 0, 1.0, 1, 2, 0);
        ChannelBreakout s2 = new ChannelBreakout();
        // channel high 11, margin 1 % -> needs > 11.11
        assertThat(feed(s2, p, new double[][] {{10, 9, 10}, {11, 10, 11}, {11.1, 11, 11.1}}))
                .containsOnlyNulls();
        // channel (last 2 highs) 11.1 -> needs > 11.211
        assertThat(s2.onBar(11.2, 11.2, 11.1, p)).isNull();
        // channel now max(11.2, 11.1) = 11.2 -> needs > 11.312
        assertThat(s2.onBar(11.32, 11.4, 11.2, p)).isEqualTo(Side.BUY);
    }

    @Test
    void rsiReversionBuysOnEnteringOversoldAndSellsOnEnteringOverbought() {
        // RSI(2), oversold 30 / overbought 70
        SlotParameters p = new SlotParameters(13, true, 100, 2, 0, 30, 1, 2, 0);
        RsiReversion s3 = new RsiReversion();
        // 10 (first close), 11 (+1), 12 (+1): seed gain 1, loss 0 -> RSI 100 (first value: nothing to cross)
        // 9 (-3): gain (1+0)/2 = 0.5, loss (0+3)/2 = 1.5 -> RS 1/3 -> RSI 25: enters oversold -> BUY
        // 8 (-1): gain 0.25, loss 1.25 -> RSI 16.67: stays oversold -> nothing
        // 12 (+4): gain 2.125, loss 0.625 -> RS 3.4 -> RSI 77.27: enters overbought -> SELL
        assertThat(feed(s3, p, closes(10, 11, 12, 9, 8, 12)))
                .containsExactly(null, null, null, Side.BUY, null, Side.SELL);
        assertThat(s3.rsi()).isCloseTo(77.2727, within(1e-3));
    }

    @Test
    void rallyDetectorFlagsARiseFromTheFourHourLowAndForgetsLowsOlderThan960Bars() {
        RallyDetector rally = new RallyDetector(0.5);
        assertThat(rally.onBar(100)).isFalse();
        assertThat(rally.onBar(100.2)).isFalse(); // +0.2 %
        assertThat(rally.onBar(101)).isTrue(); // +1 % from the 100 low: a rally starts
        assertThat(rally.risePct()).isCloseTo(1.0, within(1e-9));
        assertThat(rally.onBar(101)).isFalse(); // still rallying, not a new start
        assertThat(rally.rallying()).isTrue();
        for (int i = 0; i < 956; i++) {
            rally.onBar(101);
        }
        assertThat(rally.points()).isEqualTo(960);
        assertThat(rally.rallying())
                .as("the 100 low is the oldest of 960 points, still in the window")
                .isTrue();
        rally.onBar(101); // pushes the 100 out: the low is now 100.2
        assertThat(rally.risePct()).isCloseTo(0.798, within(1e-3));
        rally.onBar(101); // and now 101
        assertThat(rally.rallying()).isFalse();
        assertThat(rally.rallies()).isEqualTo(1);
    }
}
