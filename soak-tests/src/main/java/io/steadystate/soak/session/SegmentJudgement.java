package io.steadystate.soak.session;

import io.steadystate.soak.chaos.KillRecord;
import io.steadystate.soak.sampling.ClassHistogram;
import io.steadystate.soak.sampling.ProcessSegments;
import io.steadystate.soak.sampling.Sample;
import io.steadystate.soak.verdict.Check;
import io.steadystate.soak.verdict.Judgement;
import io.steadystate.soak.verdict.Outcome;
import io.steadystate.soak.verdict.Projection;
import io.steadystate.soak.verdict.ServiceVerdict;
import io.steadystate.soak.verdict.SlopeVerdict;
import io.steadystate.soak.verdict.VerdictPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The leak verdict of a run with planned restarts (chaos): a restarted service's heap starts again from nothing,
 * so judging its whole run would read the restart as a drop (or its warm-up as growth). Each service is judged
 * by the unchanged verdict engine on its <em>last process segment</em> only — the samples from its last restart
 * on — and the results are combined. The per-process selection lives here, outside the verdict package.
 *
 * <p>A segment that follows a restart first loses its own warm-up ({@link RestartWarmup}: 30 s after the service
 * recovered, the policy's warm-up fraction, at least 5 samples); what is left must hold
 * {@link RestartWarmup#minimumJudged} samples, else the service is INCONCLUSIVE, "too short to judge" — neither a
 * PASS nor a LEAK can be read from a JVM that has not settled. A service that never restarted is judged on the
 * whole run exactly as without chaos.
 */
final class SegmentJudgement {

    private SegmentJudgement() {}

    /**
     * Every service judged on its last segment; {@code extra} checks appended, the overall outcome recombined.
     *
     * @param kills the run's kill records (their recovery times anchor each restart's warm-up); empty when unknown
     */
    static Judgement.Result judge(
            VerdictPolicy policy,
            List<String> services,
            List<Sample> samples,
            BiFunction<String, Integer, ClassHistogram> histograms,
            List<Check> extra,
            List<KillRecord> kills) {
        List<ServiceVerdict> verdicts = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        Map<String, Double> recoveries = RestartWarmup.recoveries(kills);
        for (String service : services) {
            List<Sample> segment = ProcessSegments.last(service, samples);
            if (segment.size() < 2) {
                continue;
            }
            Judgement.Result one = ProcessSegments.count(service, samples) > 1
                    ? restarted(policy, service, samples, segment, recoveries.get(service), histograms)
                    : new Judgement(policy).judge(List.of(service), segment, null, histograms, List.of());
            verdicts.addAll(one.services());
            checks.addAll(one.checks());
        }
        checks.addAll(extra);
        Outcome overall = verdicts.stream().map(ServiceVerdict::outcome).reduce(Outcome.PASS, Outcome::worst);
        if (checks.stream().anyMatch(c -> !c.passed())) {
            overall = Outcome.LEAK;
        }
        return new Judgement.Result(List.copyOf(verdicts), List.copyOf(checks), overall);
    }

    /** A restarted process: its warm-up dropped, then judged — or INCONCLUSIVE when too little is left. */
    static Judgement.Result restarted(
            VerdictPolicy policy,
            String service,
            List<Sample> all,
            List<Sample> segment,
            Double recoveredAt,
            BiFunction<String, Integer, ClassHistogram> histograms) {
        RestartWarmup warmup = RestartWarmup.of(segment, recoveredAt, policy.warmupFloor());
        List<Sample> judged = segment.subList(warmup.dropped(), segment.size());
        int usable = Judgement.usable(service, judged).size();
        int needed = RestartWarmup.minimumJudged(policy);
        boolean tooShort = usable < needed;
        // the fraction is spent on the segment; too short: every slope (heap, RSS, projection) says so, none can fail
        VerdictPolicy own = new VerdictPolicy(
                policy.budgetMbPerDay(),
                policy.rssBudgetMbPerDay(),
                0.0,
                tooShort ? Math.max(needed, policy.minSamples()) : policy.minSamples(),
                policy.resamples(),
                policy.seed(),
                policy.workload(),
                policy.noiseFloorMb());
        Judgement.Result one = new Judgement(own).judge(List.of(service), judged, null, histograms, List.of());
        int segmentNumber = ProcessSegments.count(service, all);
        double from = segment.get(0).elapsedSeconds();
        String where = String.format(
                Locale.ROOT, "segment %d (process from %.0f s; %s)", segmentNumber, from, warmup.describe());
        // the report's charts index the whole segment's usable samples: shift the windows by the dropped ones
        int offset =
                Judgement.usable(service, segment.subList(0, warmup.dropped())).size();
        List<ServiceVerdict> verdicts = new ArrayList<>();
        for (ServiceVerdict v : one.services()) {
            Outcome outcome = tooShort ? Outcome.INCONCLUSIVE : v.outcome();
            if (tooShort && one.checks().stream().anyMatch(c -> !c.passed())) {
                outcome = Outcome.LEAK; // a store over its bound is a fact at any length, not a slope
            }
            String why = tooShort
                    ? String.format(
                            Locale.ROOT,
                            "too short to judge: %d samples after the restart's " + "warm-up, need %d",
                            usable,
                            needed)
                    : v.projection().explanation();
            Outcome projected = tooShort ? Outcome.INCONCLUSIVE : v.projection().outcome();
            verdicts.add(new ServiceVerdict(
                    v.service(),
                    outcome,
                    explained(v.projection(), projected, where + ": " + why),
                    shifted(v.heap(), offset),
                    shifted(v.rss(), offset),
                    v.growingClasses(),
                    v.growingStores(),
                    v.histogramFirst(),
                    v.histogramLast()));
        }
        return new Judgement.Result(List.copyOf(verdicts), one.checks(), one.overall());
    }

    private static Projection explained(Projection p, Outcome outcome, String explanation) {
        return new Projection(
                outcome,
                p.shape(),
                p.governing(),
                p.fits(),
                p.perProductionDay(),
                p.budgetMbPerDay(),
                p.heapNowMb(),
                p.heapMb(),
                p.daysUntilFull(),
                p.daysUntilFullSoonest(),
                p.daysUntilFullLatest(),
                p.extraWallMinutes(),
                explanation,
                p.stores());
    }

    private static SlopeVerdict shifted(SlopeVerdict v, int offset) {
        return v == null
                ? null
                : new SlopeVerdict(
                        v.service(),
                        v.metric(),
                        v.outcome(),
                        v.windowStart() + offset,
                        v.windowSize(),
                        v.budgetMbPerDay(),
                        v.perDay(),
                        v.perMillionEvents(),
                        v.extraSimDays(),
                        v.extraWallMinutes(),
                        v.explanation());
    }
}
