package io.steadystate.soak.verdict;

import java.util.Arrays;
import java.util.Locale;

/**
 * Turns a post-GC heap (or RSS) series into PASS / LEAK / INCONCLUSIVE: PASS when the whole 95% CI is under the
 * budget, LEAK when the whole CI is over it, otherwise INCONCLUSIVE with an estimate of how much longer to run.
 * The heap verdict is {@link #projection}: growth per replayed event scaled to a production day of the policy's
 * workload. The slopes per simulated day and per million events are kept as context ({@link #heapVerdict}); RSS
 * is judged per simulated day (it does not scale per event).
 */
public final class LeakVerdictEngine {

    private static final double MB = 1024.0 * 1024.0;

    private final VerdictPolicy policy;
    private final BlockBootstrap bootstrap;
    private final ProductionProjector projector;

    public LeakVerdictEngine(VerdictPolicy policy) {
        this.policy = policy;
        this.bootstrap = new BlockBootstrap(policy.resamples(), policy.seed());
        this.projector =
                new ProductionProjector(bootstrap, policy.workload(), policy.budgetMbPerDay(), policy.noiseFloorMb());
    }

    /** The verdict in production units, on the same warm-up window as the simulated-day slope. */
    public Projection projection(HeapSeries series) {
        int start = windowStart(series);
        if (series.size() - start < policy.minSamples()) {
            return projector.tooShort(Math.max(0, series.size() - start), policy.minSamples());
        }
        return projector.project(series, start);
    }

    public VerdictPolicy policy() {
        return policy;
    }

    /** Warm-up: the later of where heap and where the stores settle, never before the policy's floor. */
    public int windowStart(HeapSeries series) {
        int heap = WarmupDetector.steadyStateStart(series.postGcBytes(), policy.warmupFloor());
        int stores = WarmupDetector.steadyStateStart(series.storeEntries(), policy.warmupFloor());
        return Math.max(heap, stores);
    }

    public SlopeVerdict heapVerdict(HeapSeries series) {
        return assess(series, series.postGcBytes(), "post-GC heap", policy.budgetMbPerDay(), windowStart(series));
    }

    /** RSS uses the heap's warm-up window: RSS itself settles too slowly to find its own. */
    public SlopeVerdict rssVerdict(HeapSeries series, double[] rssBytes) {
        return assess(series, rssBytes, "RSS", policy.rssBudgetMbPerDay(), windowStart(series));
    }

    SlopeVerdict assess(HeapSeries series, double[] values, String metric, double budget, int start) {
        int n = series.size() - start;
        if (n < policy.minSamples()) {
            return new SlopeVerdict(
                    series.service(),
                    metric,
                    Outcome.INCONCLUSIVE,
                    start,
                    Math.max(0, n),
                    budget,
                    null,
                    null,
                    Double.NaN,
                    Double.NaN,
                    String.format(
                            Locale.ROOT,
                            "too short: %d samples after warm-up, need at least %d — run longer or sample more often",
                            Math.max(0, n),
                            policy.minSamples()));
        }
        double[] days = Arrays.copyOfRange(series.simDays(), start, series.size());
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = values[start + i] / MB;
        }
        double span = days[n - 1] - days[0];
        if (!(span > 0)) {
            return new SlopeVerdict(
                    series.service(),
                    metric,
                    Outcome.INCONCLUSIVE,
                    start,
                    n,
                    budget,
                    null,
                    null,
                    Double.NaN,
                    Double.NaN,
                    "the simulated clock did not advance during the window");
        }
        SlopeInterval perDay = bootstrap.slopeInterval(days, y);
        SlopeInterval perMillion = perMillionEvents(series, y, start);

        Outcome outcome;
        String explanation;
        double extraDays = Double.NaN;
        double extraMinutes = Double.NaN;
        if (perDay.upper() < budget) {
            outcome = Outcome.PASS;
            explanation = String.format(
                    Locale.ROOT,
                    "%s slope %s MB/sim-day, CI upper bound under the %.2f MB/sim-day budget",
                    metric,
                    format(perDay),
                    budget);
        } else if (perDay.lower() > budget) {
            outcome = Outcome.LEAK;
            explanation = String.format(
                    Locale.ROOT,
                    "%s grows %s MB/sim-day, CI lower bound over the %.2f MB/sim-day budget",
                    metric,
                    format(perDay),
                    budget);
        } else {
            outcome = Outcome.INCONCLUSIVE;
            // A slope's standard error shrinks like T^-1.5 at a fixed sampling rate (n ∝ T and spread of x ∝ T),
            // so the CI half-width h reaches the distance d to the budget after T·(h/d)^(2/3).
            double distance = Math.abs(perDay.slope() - budget);
            double ratio = perDay.halfWidth() / Math.max(distance, 1e-12);
            if (ratio > 20) {
                explanation = String.format(
                        Locale.ROOT,
                        "%s slope %s MB/sim-day straddles the %.2f MB/sim-day budget and sits on it: no practical run length "
                                + "separates them",
                        metric,
                        format(perDay),
                        budget);
            } else {
                double factor = Math.pow(ratio, 2.0 / 3.0);
                extraDays = span * (factor - 1) * 1.2; // 20% margin: the estimate moves too
                double wallSpan = series.wallSeconds()[series.size() - 1] - series.wallSeconds()[start];
                extraMinutes = extraDays / span * wallSpan / 60.0;
                explanation = String.format(
                        Locale.ROOT,
                        "%s slope %s MB/sim-day: the CI contains the %.2f MB/sim-day budget; run about %.1f more simulated "
                                + "days (≈ %.1f more minutes at this speed)",
                        metric,
                        format(perDay),
                        budget,
                        extraDays,
                        extraMinutes);
            }
        }
        return new SlopeVerdict(
                series.service(),
                metric,
                outcome,
                start,
                n,
                budget,
                perDay,
                perMillion,
                extraDays,
                extraMinutes,
                explanation);
    }

    private SlopeInterval perMillionEvents(HeapSeries series, double[] yMb, int start) {
        double[] events = new double[yMb.length];
        for (int i = 0; i < yMb.length; i++) {
            events[i] = series.events()[start + i] / 1e6;
        }
        if (!(events[events.length - 1] - events[0] > 0)) {
            return null;
        }
        return bootstrap.slopeInterval(events, yMb);
    }

    static String format(SlopeInterval s) {
        return String.format(Locale.ROOT, "%+.3f [%+.3f, %+.3f]", s.slope(), s.lower(), s.upper());
    }
}
