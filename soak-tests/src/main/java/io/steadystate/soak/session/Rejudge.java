package io.steadystate.soak.session;

import io.steadystate.soak.report.RunReport;
import io.steadystate.soak.stack.ServiceId;
import io.steadystate.soak.verdict.Check;
import io.steadystate.soak.verdict.Judgement;
import io.steadystate.soak.verdict.ServiceVerdict;
import io.steadystate.soak.verdict.VerdictPolicy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code ./soak report DIR --budget … --workload …}: the verdict of a finished run under another budget or
 * production workload, from the samples in its report.json — no re-run. Service checks (restarts, stores, RSS)
 * are recomputed from the samples; the run-wide checks (event accounting needs the drained sample, the API load
 * needs Gatling's result) are carried over as they were.
 */
public final class Rejudge {

    private Rejudge() {}

    public static RunReport rejudge(RunReport old, Path runDir, VerdictPolicy policy) {
        List<String> services = old.verdicts().isEmpty()
                ? Stream.of(ServiceId.values()).map(ServiceId::module).toList()
                : old.verdicts().stream().map(ServiceVerdict::service).toList();
        List<Check> carried = old.checks().stream()
                .filter(c -> c.name().startsWith("accounting")
                        || c.name().startsWith("chaos:")
                        || c.name().startsWith("poison:")
                        || c.name().equals("api-load"))
                .toList();
        boolean segmented = old.disruption() != null
                && old.disruption().kills() != null
                && !old.disruption().kills().isEmpty();
        Judgement.Result result;
        if (old.failure() == null && old.samples().size() >= 2 && segmented) {
            result = SegmentJudgement.judge(
                    policy,
                    services,
                    old.samples(),
                    (svc, seq) -> HistogramFiles.read(runDir, svc, seq),
                    carried,
                    old.disruption().kills());
        } else if (old.failure() == null && old.samples().size() >= 2) {
            result = new Judgement(policy)
                    .judge(services, old.samples(), null, (svc, seq) -> HistogramFiles.read(runDir, svc, seq), carried);
        } else {
            result = new Judgement.Result(List.of(), carried, old.overall());
        }
        RunReport.Meta m = old.meta();
        List<String> notes = new ArrayList<>(m.notes());
        notes.add(String.format(
                Locale.ROOT,
                "re-judged %s by ./soak report: budget %.2f MB per production day, " + "workload %s",
                Instant.now(),
                policy.budgetMbPerDay(),
                policy.workload().describe()));
        RunReport.Meta meta = new RunReport.Meta(
                m.profileName(),
                m.profile() == null
                        ? null
                        : m.profile().withBudget(policy.budgetMbPerDay()).withWorkload(policy.workload()),
                m.fault(),
                m.started(),
                m.finished(),
                m.stack(),
                m.metricsSource(),
                m.clockMeasured(),
                policy,
                m.logs(),
                m.dashboards(),
                List.copyOf(notes));
        int exit = old.failure() != null ? old.exitCode() : result.overall().exitCode();
        return new RunReport(
                old.formatVersion(),
                meta,
                old.samples(),
                result.services(),
                result.checks(),
                old.load(),
                result.overall(),
                exit,
                old.failure(),
                old.sampling(),
                old.leakTraces(),
                old.disruption(),
                null);
    }
}
