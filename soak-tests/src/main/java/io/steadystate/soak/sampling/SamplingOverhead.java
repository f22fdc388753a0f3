package io.steadystate.soak.sampling;

/**
 * What sampling cost the run. A forced full GC (the class histogram) stalls each service for its length, and the
 * consumers fall behind meanwhile: the lag spike is the highest consumer lag (Σ over groups) measured right after
 * each service's forced GC, minus the lag right before the sample. Negative when the consumers were catching up
 * on an older backlog faster than the GCs stalled them.
 *
 * @param samples           samples with forced GCs measured
 * @param meanMillis        mean wall time of one whole sample (all services' GCs, metrics, lag)
 * @param maxMillis         the slowest sample
 * @param meanLagSpike      mean of (lag after − lag before) over the samples, in records (NaN without Kafka access)
 * @param maxLagSpike       the largest such spike
 */
public record SamplingOverhead(
        int samples, double meanMillis, double maxMillis, double meanLagSpike, double maxLagSpike) {

    public static final SamplingOverhead NONE = new SamplingOverhead(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** Running totals, so the harness keeps four numbers rather than a list per sample. */
    public static final class Meter {
        private int n;
        private double sumMillis;
        private double maxMillis;
        private int lagN;
        private double sumLag;
        private double maxLag = Double.NEGATIVE_INFINITY;

        public void record(double millis, Long lagBefore, Long lagAfter) {
            n++;
            sumMillis += millis;
            maxMillis = Math.max(maxMillis, millis);
            if (lagBefore != null && lagAfter != null) {
                double spike = lagAfter - lagBefore;
                lagN++;
                sumLag += spike;
                maxLag = Math.max(maxLag, spike);
            }
        }

        public SamplingOverhead summary() {
            if (n == 0) {
                return NONE;
            }
            return new SamplingOverhead(
                    n,
                    sumMillis / n,
                    maxMillis,
                    lagN == 0 ? Double.NaN : sumLag / lagN,
                    lagN == 0 ? Double.NaN : maxLag);
        }
    }
}
