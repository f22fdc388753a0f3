package io.steadystate.soak.verdict;

/**
 * How a verdict is reached.
 *
 * @param budgetMbPerDay    allowed post-GC heap growth per simulated day (default 1 MB/day: a service that runs
 *                          a year with a 256 MB heap must not grow by more than a fraction of it)
 * @param rssBudgetMbPerDay allowed RSS growth per simulated day (looser: RSS also holds code cache, metaspace,
 *                          malloc arenas that settle slowly)
 * @param warmupFloor       the smallest share of the run excluded as warm-up
 * @param minSamples        fewer samples than this in the steady-state window → INCONCLUSIVE (too short)
 */
public record VerdictPolicy(double budgetMbPerDay, double rssBudgetMbPerDay, double warmupFloor, int minSamples,
                            int resamples, long seed) {

    public static final double DEFAULT_BUDGET_MB_PER_DAY = 1.0;

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
    }

    public static VerdictPolicy defaults() {
        return new VerdictPolicy(DEFAULT_BUDGET_MB_PER_DAY, 8.0, 0.2, 8, 1000, 42L);
    }

    public VerdictPolicy withBudget(double mbPerDay) {
        return new VerdictPolicy(mbPerDay, rssBudgetMbPerDay, warmupFloor, minSamples, resamples, seed);
    }

    public VerdictPolicy withRssBudget(double mbPerDay) {
        return new VerdictPolicy(budgetMbPerDay, mbPerDay, warmupFloor, minSamples, resamples, seed);
    }

    public VerdictPolicy withWarmupFloor(double floor) {
        return new VerdictPolicy(budgetMbPerDay, rssBudgetMbPerDay, floor, minSamples, resamples, seed);
    }
}
