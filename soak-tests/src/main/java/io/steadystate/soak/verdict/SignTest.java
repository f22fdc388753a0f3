package io.steadystate.soak.verdict;

/**
 * A paired sign test on two fits' residuals over the same samples: is one driver's fit worse than another's at
 * most samples, more often than chance would make it?
 *
 * <p>Why paired and not a ratio of the two median residuals: when two drivers grow in step (ticks and the signals
 * made from them), both fits share the heap's own noise and differ only by chance, and a ratio of two medians of
 * 15–20 residuals swings widely on it. Measured: a per-tick leak (rally-cache) fitted signals with a median
 * residual 0.54–1.13× that of ticks over seven runs, and once in CI past 1/1.5, which dropped ticks from the
 * candidates and projected the leak at a tenth of its size. Sample by sample, chance makes one fit worse about
 * half the time; a driver that really explains the heap worse is worse at nearly every sample.
 */
public final class SignTest {

    /**
     * One-sided level. 1 %, not 5 %: residuals next to each other in time are correlated (the slope CI uses blocks
     * of 2–3 samples for that reason), so the samples are fewer independent trials than they look.
     */
    static final double LEVEL = 0.01;

    private SignTest() {}

    /** Both fits kept their residuals, over the same samples. */
    public static boolean pairable(double[] a, double[] b) {
        return a.length > 0 && a.length == b.length;
    }

    /**
     * @return true when {@code worse} has the larger residual at significantly more than half of the samples where
     *     the two differ; false when there is nothing to pair (see {@link #pairable})
     */
    public static boolean consistentlyWorse(double[] worse, double[] than) {
        if (!pairable(worse, than)) {
            return false;
        }
        int larger = 0;
        int differ = 0;
        for (int i = 0; i < worse.length; i++) {
            double a = Math.abs(worse[i]);
            double b = Math.abs(than[i]);
            if (a != b) {
                differ++;
                if (a > b) {
                    larger++;
                }
            }
        }
        return differ > 0 && upperTail(larger, differ) < LEVEL;
    }

    /** P(X ≥ k) for X ~ Binomial(n, ½), summed in log space so that long runs (n in the thousands) do not underflow. */
    static double upperTail(int k, int n) {
        if (k <= 0) {
            return 1.0;
        }
        double logHalfN = n * Math.log(0.5);
        double logChoose = 0; // log C(n, 0)
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            if (i > 0) {
                logChoose += Math.log(n - i + 1) - Math.log(i);
            }
            if (i >= k) {
                sum += Math.exp(logChoose + logHalfN);
            }
        }
        return Math.min(1.0, sum);
    }
}
