package io.steadystate.soak.profile;

import io.steadystate.soak.verdict.Workload;
import java.time.Duration;

/**
 * A soak session: how much market, how fast, how much API load, how it is sampled and judged.
 * Loaded from {@code profiles.yaml}; the command line may override some fields ({@code with*}).
 *
 * @param budgetMbPerDay allowed post-GC heap growth per <em>production</em> day of {@code workload}
 * @param workload       the production day the verdict projects onto (what a real feed brings in a day)
 */
public record Profile(
        String name,
        String description,
        Duration duration,
        int symbols,
        double ticksPerSymbolPerSecond,
        double speed,
        long maxTicksPerSecond,
        double churnPerDay,
        OrderApiLoad orderApi,
        Burst burst,
        Duration sampleInterval,
        double warmupFraction,
        double budgetMbPerDay,
        double rssBudgetMbPerDay,
        String heap,
        Workload workload) {

    /**
     * Gatling load: concurrent virtual users, a hard cap on requests per second, and the 99th percentile response time
     * the run asserts (1 s unless the profile says otherwise; a report written before profiles said it has none).
     */
    public record OrderApiLoad(int users, double rps, Duration p99) {
        public static final Duration DEFAULT_P99 = Duration.ofSeconds(1);

        public OrderApiLoad {
            p99 = p99 == null ? DEFAULT_P99 : p99;
        }
    }

    /** Every {@code every}, the tick rate is multiplied by {@code factor} for {@code length}. */
    public record Burst(Duration every, double factor, Duration length) {}

    public Profile {
        // a report.json written before workloads existed has none: it is re-judged on the default production day
        workload = workload == null ? Workload.DEFAULT : workload;
        require(duration != null && duration.toSeconds() >= 20, "duration must be at least 20s");
        require(symbols >= 1 && symbols <= 100_000, "symbols must be in 1..100000");
        require(ticksPerSymbolPerSecond > 0, "ticksPerSymbolPerSecond must be positive");
        require(speed > 0, "speed must be positive");
        require(maxTicksPerSecond >= 0, "maxTicksPerSecond must be >= 0 (0 = unthrottled)");
        require(churnPerDay >= 0 && churnPerDay <= 1, "churnPerDay must be in [0, 1]");
        require(
                orderApi != null
                        && orderApi.users() >= 0
                        && orderApi.rps() >= 0
                        && orderApi.p99().toMillis() > 0,
                "orderApi needs users >= 0, rps >= 0, p99 > 0");
        require(sampleInterval != null && sampleInterval.toMillis() >= 1000, "sampleInterval must be at least 1s");
        require(
                sampleInterval.compareTo(duration.dividedBy(10)) <= 0,
                "sampleInterval must leave at least 10 samples in the run");
        require(warmupFraction >= 0 && warmupFraction < 0.9, "warmupFraction must be in [0, 0.9)");
        require(budgetMbPerDay > 0 && rssBudgetMbPerDay > 0, "budgets must be positive");
        require(heap != null && heap.matches("\\d+[kmgKMG]"), "heap must look like 256m");
        require(
                burst == null
                        || (burst.factor() > 0
                                && burst.every() != null
                                && burst.length() != null
                                && burst.length().compareTo(burst.every()) < 0),
                "burst needs factor > 0 and length < every");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Wall-clock ticks per second the market should publish (before any throttle). */
    public double wallTicksPerSecond() {
        return symbols * ticksPerSymbolPerSecond * speed;
    }

    /** The services' heap ({@code -Xms = -Xmx}) in MB: "256m" → 256, "1g" → 1024 (the workload's own parser). */
    public double heapMb() {
        return Workload.heapMb(heap);
    }

    /** Simulated days the run covers if the clock runs continuously. */
    public double simulatedDays() {
        return duration.toMillis() / 1000.0 * speed / 86_400.0;
    }

    public Profile withDuration(Duration d) {
        return new Profile(
                name,
                description,
                d,
                symbols,
                ticksPerSymbolPerSecond,
                speed,
                maxTicksPerSecond,
                churnPerDay,
                orderApi,
                burst,
                sampleInterval.compareTo(d.dividedBy(10)) <= 0 ? sampleInterval : d.dividedBy(10),
                warmupFraction,
                budgetMbPerDay,
                rssBudgetMbPerDay,
                heap,
                workload);
    }

    public Profile withSymbols(int n) {
        return new Profile(
                name,
                description,
                duration,
                n,
                ticksPerSymbolPerSecond,
                speed,
                maxTicksPerSecond,
                churnPerDay,
                orderApi,
                burst,
                sampleInterval,
                warmupFraction,
                budgetMbPerDay,
                rssBudgetMbPerDay,
                heap,
                workload);
    }

    public Profile withSpeed(double s) {
        return new Profile(
                name,
                description,
                duration,
                symbols,
                ticksPerSymbolPerSecond,
                s,
                maxTicksPerSecond,
                churnPerDay,
                orderApi,
                burst,
                sampleInterval,
                warmupFraction,
                budgetMbPerDay,
                rssBudgetMbPerDay,
                heap,
                workload);
    }

    public Profile withBudget(double mbPerDay) {
        return new Profile(
                name,
                description,
                duration,
                symbols,
                ticksPerSymbolPerSecond,
                speed,
                maxTicksPerSecond,
                churnPerDay,
                orderApi,
                burst,
                sampleInterval,
                warmupFraction,
                mbPerDay,
                rssBudgetMbPerDay,
                heap,
                workload);
    }

    public Profile withSampleInterval(Duration interval) {
        return new Profile(
                name,
                description,
                duration,
                symbols,
                ticksPerSymbolPerSecond,
                speed,
                maxTicksPerSecond,
                churnPerDay,
                orderApi,
                burst,
                interval,
                warmupFraction,
                budgetMbPerDay,
                rssBudgetMbPerDay,
                heap,
                workload);
    }

    public Profile withTicksPerSymbolPerSecond(double rate) {
        return new Profile(
                name,
                description,
                duration,
                symbols,
                rate,
                speed,
                maxTicksPerSecond,
                churnPerDay,
                orderApi,
                burst,
                sampleInterval,
                warmupFraction,
                budgetMbPerDay,
                rssBudgetMbPerDay,
                heap,
                workload);
    }

    public Profile withWorkload(Workload w) {
        return new Profile(
                name,
                description,
                duration,
                symbols,
                ticksPerSymbolPerSecond,
                speed,
                maxTicksPerSecond,
                churnPerDay,
                orderApi,
                burst,
                sampleInterval,
                warmupFraction,
                budgetMbPerDay,
                rssBudgetMbPerDay,
                heap,
                w);
    }
}
