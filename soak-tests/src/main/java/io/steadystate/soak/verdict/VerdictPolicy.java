package io.steadystate.soak.verdict;

/**
 * How a verdict is reached.
 *
 * @param budgetMbPerDay    allowed post-GC heap growth per <em>production</em> day of {@code workload} (default
 *                          1 MB/day: a 256 MB heap that runs a year must not grow by more than a fraction of it).
 *                          It used to be per simulated day, which a soak's thin simulated day made far too lax.
 * @param rssBudgetMbPerDay allowed RSS growth per simulated day (looser: RSS also holds code cache, metaspace,
 *                          malloc arenas that settle slowly; RSS is not projected, it does not scale per event)
 * @param warmupFloor       the smallest share of the run excluded as warm-up
 * @param minSamples        fewer samples than this in the steady-state window → INCONCLUSIVE (too short)
 * @param workload          the production day the heap growth is projected onto (null in an old report: default)
 * @param noiseFloorMb      growth over the judged window that is never called LEAK on its own: a clean JVM's post-GC
 *                          heap moves by this much without any leak (measured on clean runs: single steps of
 *                          0.25 MB in a 2-minute smoke, up to 0.7 MB in the 10-minute default). The verdict also
 *                          requires more growth than the window's largest sample-to-sample jump. 0 or absent (a
 *                          report written before this field): the default.
 */
public record VerdictPolicy(
        double budgetMbPerDay,
        double rssBudgetMbPerDay,
        double warmupFloor,
        int minSamples,
        int resamples,
        long seed,
        Workload workload,
        double noiseFloorMb) {

    public static final double DEFAULT_BUDGET_MB_PER_DAY = 1.0;
    public static final double DEFAULT_NOISE_FLOOR_MB = 0.5;

    public VerdictPolicy {
        if (!(budgetMbPerDay > 0) || !(rssBudgetMbPerDay > 0)) {
            throw new IllegalArgumentException("budgets must be positive");
        }
        if (warmupFloor < 0 || warmupFloor >= 0.9) {
            throw new IllegalArgumentException("warm-up floor must be in [0, 0.9), got " + warmupFloor);
        }
        if (minSamples < 5) {
            throw new IllegalArgumentException("minSamples must be at least 5");
        }
        if (workload == null) {
            workload = Workload.DEFAULT;
        }
        if (!(noiseFloorMb > 0)) {
            noiseFloorMb = DEFAULT_NOISE_FLOOR_MB;
        }
    }

    public static VerdictPolicy defaults() {
        return new VerdictPolicy(
                DEFAULT_BUDGET_MB_PER_DAY, 8.0, 0.2, 8, 1000, 42L, Workload.DEFAULT, DEFAULT_NOISE_FLOOR_MB);
    }

    public VerdictPolicy withBudget(double mbPerDay) {
        return new VerdictPolicy(
                mbPerDay, rssBudgetMbPerDay, warmupFloor, minSamples, resamples, seed, workload, noiseFloorMb);
    }

    public VerdictPolicy withRssBudget(double mbPerDay) {
        return new VerdictPolicy(
                budgetMbPerDay, mbPerDay, warmupFloor, minSamples, resamples, seed, workload, noiseFloorMb);
    }

    public VerdictPolicy withWarmupFloor(double floor) {
        return new VerdictPolicy(
                budgetMbPerDay, rssBudgetMbPerDay, floor, minSamples, resamples, seed, workload, noiseFloorMb);
    }

    public VerdictPolicy withWorkload(Workload w) {
        return new VerdictPolicy(
                budgetMbPerDay, rssBudgetMbPerDay, warmupFloor, minSamples, resamples, seed, w, noiseFloorMb);
    }

    public VerdictPolicy withNoiseFloor(double mb) {
        return new VerdictPolicy(
                budgetMbPerDay, rssBudgetMbPerDay, warmupFloor, minSamples, resamples, seed, workload, mb);
    }

    /** The live line's cheaper bootstrap: it runs after every sample. */
    public VerdictPolicy withResamples(int n) {
        return new VerdictPolicy(
                budgetMbPerDay, rssBudgetMbPerDay, warmupFloor, minSamples, n, seed, workload, noiseFloorMb);
    }
}
