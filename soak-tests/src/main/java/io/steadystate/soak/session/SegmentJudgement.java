package io.steadystate.soak.session;

import io.steadystate.soak.sampling.ClassHistogram;
import io.steadystate.soak.sampling.Sample;
import io.steadystate.soak.sampling.ProcessSegments;
import io.steadystate.soak.verdict.Check;
import io.steadystate.soak.verdict.Judgement;
import io.steadystate.soak.verdict.Outcome;
import io.steadystate.soak.verdict.ServiceVerdict;
import io.steadystate.soak.verdict.VerdictPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The leak verdict of a run with planned restarts (chaos): a restarted service's heap starts again from nothing,
 * so judging its whole run would read the restart as a drop (or its warm-up as growth). Each service is judged
 * by the unchanged verdict engine on its <em>last process segment</em> only — the samples from its last restart
 * on — and the results are combined. The per-process selection lives here, outside the verdict package.
 */
final class SegmentJudgement {

    private SegmentJudgement() {
    }

    /** Every service judged on its last segment; {@code extra} checks appended, the overall outcome recombined. */
    static Judgement.Result judge(VerdictPolicy policy, List<String> services, List<Sample> samples,
                                  BiFunction<String, Integer, ClassHistogram> histograms, List<Check> extra) {
        List<ServiceVerdict> verdicts = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        Judgement judgement = new Judgement(policy);
        for (String service : services) {
            List<Sample> segment = ProcessSegments.last(service, samples);
            if (segment.size() < 2) {
                continue;
            }
            Judgement.Result one = judgement.judge(List.of(service), segment, null, histograms, List.of());
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
}
