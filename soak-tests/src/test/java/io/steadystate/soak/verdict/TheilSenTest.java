package io.steadystate.soak.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TheilSenTest {

    @Test
    void recoversTheSlopeDespiteOutliers() {
        double[] x = new double[30];
        double[] y = new double[30];
        for (int i = 0; i < 30; i++) {
            x[i] = i;
            y[i] = 2 * i + 10;
        }
        y[3] = 500; // a sample taken mid-burst
        y[17] = -400;
        TheilSen.Line line = TheilSen.fit(x, y);
        assertThat(line.slope()).isCloseTo(2.0, within(1e-9));
        assertThat(line.intercept()).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void bootstrapIntervalContainsTheEstimateAndIsReproducible() {
        double[] x = new double[40];
        double[] y = new double[40];
        java.util.Random r = new java.util.Random(9);
        for (int i = 0; i < 40; i++) {
            x[i] = i;
            y[i] = 0.5 * i + r.nextGaussian();
        }
        SlopeInterval a = new BlockBootstrap(500, 7).slopeInterval(x, y);
        SlopeInterval b = new BlockBootstrap(500, 7).slopeInterval(x, y);
        assertThat(a).isEqualTo(b);
        assertThat(a.lower()).isLessThanOrEqualTo(a.slope());
        assertThat(a.upper()).isGreaterThanOrEqualTo(a.slope());
        assertThat(a.lower()).isBetween(0.35, 0.5);
        assertThat(a.upper()).isBetween(0.5, 0.65);
    }

    @Test
    void warmupDetectorSkipsTheFillAndKeepsTheFloor() {
        double[] y = new double[50];
        for (int i = 0; i < 50; i++) {
            y[i] = Math.min(i, 15);
        }
        assertThat(WarmupDetector.steadyStateStart(y, 0.2)).isBetween(15, 25);
        double[] flat = new double[50];
        assertThat(WarmupDetector.steadyStateStart(flat, 0.2)).isEqualTo(10);
    }
}
