package io.steadystate.soak.verdict;

import java.util.Arrays;

/**
 * Theil–Sen line fit: the slope is the median of all pairwise slopes, the intercept the median of
 * {@code y - slope·x}. Chosen over least squares because a post-GC heap series has outliers (a GC that
 * caught a burst mid-flight, a histogram taken during a rebalance) and Theil–Sen tolerates ~29% of them.
 */
public final class TheilSen {

    private TheilSen() {}

    public record Line(double slope, double intercept) {
        public double at(double x) {
            return intercept + slope * x;
        }
    }

    public static Line fit(double[] x, double[] y) {
        double slope = slope(x, y);
        double[] offsets = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            offsets[i] = y[i] - slope * x[i];
        }
        return new Line(slope, median(offsets, offsets.length));
    }

    /** Median pairwise slope; pairs with the same x carry no slope information and are skipped. */
    public static double slope(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + " vs " + y.length);
        }
        int n = x.length;
        double[] slopes = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = x[j] - x[i];
                if (dx != 0) {
                    slopes[k++] = (y[j] - y[i]) / dx;
                }
            }
        }
        if (k == 0) {
            throw new IllegalArgumentException("need at least two distinct x values");
        }
        return median(slopes, k);
    }

    static double median(double[] values, int count) {
        double[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int mid = count / 2;
        return count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
