package io.steadystate.soak.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * "Sustained" = the highest rate whose backlog stays flat, found by searching upward: from a start rate the
 * target doubles while the step stays flat, then the interval between the last flat and the first growing target
 * is bisected, within a bounded number of steps (each step is a real, timed run of the pipeline). A flat step whose
 * source could not reach its target (published &lt; {@link #SOURCE_SHORTFALL} × target) ends the search: the
 * source, not the consumers, is then the limit, and its achieved rate is the answer.
 *
 * <p>The answer is the <em>achieved</em> pipeline rate of the best flat step (not its target), so a flat step is
 * never credited with more than it processed.
 */
public final class SustainedSearch {

    /** Below this fraction of its target the source is the limit (market-data or the null producer is saturated). */
    static final double SOURCE_SHORTFALL = 0.9;

    /** What one timed step at a target rate showed. */
    public record Probe(long targetPerSec, double publishedPerSec, double pipelinePerSec, boolean flat) {

        boolean sourceLimited() {
            return publishedPerSec < SOURCE_SHORTFALL * targetPerSec;
        }
    }

    /**
     * @param sustainedPerSec achieved pipeline rate of the highest flat step; NaN when no step was flat
     * @param probes          every step, in the order run
     * @param bracketed       true when a growing step bounds the answer from above (or the source was the limit)
     */
    public record Result(double sustainedPerSec, long bestTargetPerSec, List<Probe> probes, boolean bracketed) {}

    private final int maxSteps;
    private final double precision;

    /**
     * @param maxSteps  steps in all (doubling and bisection), at least 1
     * @param precision bisection stops when (growing − flat) ≤ precision × flat, e.g. 0.1
     */
    public SustainedSearch(int maxSteps, double precision) {
        if (maxSteps < 1 || !(precision > 0)) {
            throw new IllegalArgumentException("maxSteps ≥ 1 and precision > 0, was " + maxSteps + ", " + precision);
        }
        this.maxSteps = maxSteps;
        this.precision = precision;
    }

    /** {@code step} runs the pipeline at a target rate (ticks/s, &gt; 0) and reports what it saw. */
    public Result search(long startPerSec, LongFunction<Probe> step) {
        if (startPerSec < 1) {
            throw new IllegalArgumentException("start rate must be positive, was " + startPerSec);
        }
        List<Probe> probes = new ArrayList<>();
        Probe best = null;
        long growing = -1;
        long target = startPerSec;
        // upward: double while flat
        while (probes.size() < maxSteps) {
            Probe p = step.apply(target);
            probes.add(p);
            if (!p.flat()) {
                growing = target;
                break;
            }
            best = better(best, p);
            if (p.sourceLimited()) {
                return new Result(best.pipelinePerSec(), best.targetPerSec(), List.copyOf(probes), true);
            }
            target = saturatedDouble(target);
        }
        if (best == null) {
            // the start rate itself grew: search downward by halving, then bisect as above
            long low = startPerSec;
            while (probes.size() < maxSteps && best == null && low > 1) {
                growing = low;
                low = Math.max(1, low / 2);
                Probe p = step.apply(low);
                probes.add(p);
                if (p.flat()) {
                    best = p;
                }
            }
            if (best == null) {
                return new Result(Double.NaN, 0, List.copyOf(probes), growing > 0);
            }
        }
        if (growing < 0) {
            return new Result(best.pipelinePerSec(), best.targetPerSec(), List.copyOf(probes), false);
        }
        long flat = best.targetPerSec();
        while (probes.size() < maxSteps && growing - flat > precision * flat) {
            long mid = flat + (growing - flat) / 2;
            Probe p = step.apply(mid);
            probes.add(p);
            if (p.flat()) {
                best = better(best, p);
                flat = mid;
                if (p.sourceLimited()) {
                    break;
                }
            } else {
                growing = mid;
            }
        }
        return new Result(best.pipelinePerSec(), best.targetPerSec(), List.copyOf(probes), true);
    }

    private static Probe better(Probe best, Probe p) {
        return best == null || p.pipelinePerSec() > best.pipelinePerSec() ? p : best;
    }

    private static long saturatedDouble(long v) {
        return v > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : v * 2;
    }
}
