package io.steadystate.soak.verdict;

/**
 * Where the steady state starts. MSER (White 1997, "marginal standard error rule"): truncate the first d
 * points where {@code Σ(y_i - mean)² / (n-d)²} over the rest is smallest — the point after which the series
 * looks most like noise around a level. Computed on batch means so one outlier does not move it, and kept
 * between a floor (never trust the first part of a run: JIT, class loading, caches filling) and a cap (half
 * the run, so a genuine leak — which never settles — still leaves half the samples to measure it on).
 */
public final class WarmupDetector {

    private WarmupDetector() {}

    /**
     * @param floorFraction the smallest share of the run to drop (e.g. 0.2)
     * @return the index of the first sample of the steady-state window
     */
    public static int steadyStateStart(double[] y, double floorFraction) {
        int n = y.length;
        int floor = (int) Math.ceil(n * floorFraction);
        int cap = Math.max(floor, n / 2);
        if (n < 6) {
            return Math.min(floor, n);
        }
        int batch = Math.max(1, n / 20);
        int batches = n / batch;
        double[] means = new double[batches];
        for (int b = 0; b < batches; b++) {
            double sum = 0;
            for (int k = 0; k < batch; k++) {
                sum += y[b * batch + k];
            }
            means[b] = sum / batch;
        }
        int best = floor;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int d = 0; d < batches - 2; d++) {
            int start = d * batch;
            if (start < floor || start > cap) {
                continue;
            }
            double mean = 0;
            for (int b = d; b < batches; b++) {
                mean += means[b];
            }
            int m = batches - d;
            mean /= m;
            double ss = 0;
            for (int b = d; b < batches; b++) {
                ss += (means[b] - mean) * (means[b] - mean);
            }
            double score = ss / ((double) m * m);
            if (score < bestScore) {
                bestScore = score;
                best = start;
            }
        }
        return best;
    }
}
