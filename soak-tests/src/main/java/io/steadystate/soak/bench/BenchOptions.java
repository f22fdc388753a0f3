package io.steadystate.soak.bench;

import io.steadystate.soak.stack.ServiceId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A resolved {@code ./soak bench}. {@code quick}: the CI smoke (one repetition, short steps, small raw runs) —
 * it must finish and write a valid bench.json, not reach any figure.
 *
 * @param jfr   record a JFR of every service during the first repetition's unthrottled step (into {@code jfr/})
 * @param extra system properties set on a service JVM on top of the bench's ({@code --set strategy:key=value}),
 *              e.g. to compare a configuration change in the same kind of run
 * @param searchSteps timed steps per upward search of a sustained rate (pipeline and null pipeline each)
 */
public record BenchOptions(
        int reps,
        Duration step,
        List<Long> loads,
        Path runDir,
        Path repoRoot,
        boolean quick,
        String apiToken,
        String heap,
        int symbols,
        double ticksPerSymbolPerSecond,
        boolean jfr,
        Map<ServiceId, Map<String, String>> extra,
        int searchSteps) {

    /** Bisection stops when the flat and the growing target are within 10 % of each other. */
    public static final double SEARCH_PRECISION = 0.10;

    public static final int RECORD_SIZE = 65; // one encoded Tick (MarketEventSerde) of a 4-letter symbol

    public BenchOptions {
        if (reps < 1) {
            throw new IllegalArgumentException("--reps must be at least 1");
        }
        if (step.toMillis() < 2_000) {
            throw new IllegalArgumentException("--duration-per-step must be at least 2s");
        }
        if (loads.isEmpty() || loads.stream().anyMatch(l -> l <= 0)) {
            throw new IllegalArgumentException("--loads must be positive ticks/s, e.g. 1000,10000,50000");
        }
        if (searchSteps < 1 || searchSteps > 12) {
            throw new IllegalArgumentException("--search-steps must be 1..12");
        }
        loads = List.copyOf(loads);
        extra = Map.copyOf(extra);
    }

    public long rawRecords() {
        return quick ? 300_000 : 2_000_000;
    }

    public Duration warmup() {
        return Duration.ofMillis(Math.min(3_000, step.toMillis() / 5));
    }

    public Duration sampleInterval() {
        return Duration.ofMillis(step.toMillis() <= 10_000 ? 500 : 1_000);
    }

    /** How long a step's backlog may take to drain before it is discarded. */
    public Duration drainGrace() {
        return Duration.ofSeconds(quick ? 4 : 8);
    }

    public Duration oneHop() {
        return Duration.ofMillis(Math.min(10_000, step.toMillis()));
    }
}
