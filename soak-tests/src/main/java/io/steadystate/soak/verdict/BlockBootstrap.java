package io.steadystate.soak.verdict;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Confidence interval of a Theil–Sen slope by a moving-block bootstrap of the residuals. The design (x) stays
 * fixed; residuals are resampled in contiguous blocks because heap samples are autocorrelated (a GC sawtooth,
 * a burst that spans several samples) — resampling single residuals would make the interval too narrow and
 * call LEAK on noise. Percentile interval; the seed is fixed so a re-rendered report gives the same figures.
 */
public final class BlockBootstrap {

    private final int resamples;
    private final long seed;

    public BlockBootstrap(int resamples, long seed) {
        if (resamples < 100) {
            throw new IllegalArgumentException("at least 100 resamples for a 95% interval, got " + resamples);
        }
        this.resamples = resamples;
        this.seed = seed;
    }

    /** Block length ≈ n^(1/3) (the usual rate for block bootstraps), at least 2 so adjacent samples stay together. */
    static int blockLength(int n) {
        return Math.max(2, (int) Math.round(Math.cbrt(n)));
    }

    public SlopeInterval slopeInterval(double[] x, double[] y) {
        int n = x.length;
        if (n < 3) {
            throw new IllegalArgumentException("need at least 3 points, got " + n);
        }
        TheilSen.Line line = TheilSen.fit(x, y);
        double[] residuals = new double[n];
        for (int i = 0; i < n; i++) {
            residuals[i] = y[i] - line.at(x[i]);
        }
        int block = Math.min(blockLength(n), n - 1);
        SplittableRandom random = new SplittableRandom(seed);
        double[] slopes = new double[resamples];
        double[] resampled = new double[n];
        for (int r = 0; r < resamples; r++) {
            int filled = 0;
            while (filled < n) {
                int start = random.nextInt(n - block + 1);
                for (int k = 0; k < block && filled < n; k++) {
                    resampled[filled] = line.at(x[filled]) + residuals[start + k];
                    filled++;
                }
            }
            slopes[r] = TheilSen.slope(x, resampled);
        }
        Arrays.sort(slopes);
        double lower = slopes[(int) Math.floor(0.025 * (resamples - 1))];
        double upper = slopes[(int) Math.ceil(0.975 * (resamples - 1))];
        return new SlopeInterval(
                line.slope(), line.intercept(), Math.min(lower, line.slope()), Math.max(upper, line.slope()), n, block);
    }
}
