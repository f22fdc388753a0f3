package io.steadystate.soak.report;

import io.steadystate.soak.chaos.ChaosReport;
import io.steadystate.soak.profile.Profile;
import io.steadystate.soak.sampling.Sample;
import io.steadystate.soak.sampling.SamplingOverhead;
import io.steadystate.soak.trace.LeakTrace;
import io.steadystate.soak.verdict.Check;
import io.steadystate.soak.verdict.Outcome;
import io.steadystate.soak.verdict.ServiceVerdict;
import io.steadystate.soak.verdict.VerdictPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a run produced: report.json is this record; report.html and junit.xml are rendered from it (so
 * {@code ./soak report DIR} can re-render them).
 *
 * @param sampling   what the forced-GC sampling cost (null in reports written before it was measured)
 * @param exitCode   0 PASS, 1 LEAK (or a failed check), 2 INCONCLUSIVE, 3 the run failed ({@code failure} says why)
 * @param leakTraces per traced service, the fields whose containers grew between two heap dumps (trace/)
 * @param disruption chaos kills and their recoveries, topic accounting, business flow, poison (null: none run)
 * @param outcome    the overall outcome naming what failed ({@link OutcomeText}); derived when null
 */
public record RunReport(
        int formatVersion,
        Meta meta,
        List<Sample> samples,
        List<ServiceVerdict> verdicts,
        List<Check> checks,
        LoadResult load,
        Outcome overall,
        int exitCode,
        String failure,
        SamplingOverhead sampling,
        List<LeakTrace> leakTraces,
        ChaosReport disruption,
        String outcome) {

    public RunReport {
        leakTraces = leakTraces == null ? List.of() : List.copyOf(leakTraces);
        outcome = OutcomeText.of(
                overall, verdicts == null ? List.of() : verdicts, checks == null ? List.of() : checks, failure);
    }

    /** A report without disruptions. */
    public RunReport(
            int formatVersion,
            Meta meta,
            List<Sample> samples,
            List<ServiceVerdict> verdicts,
            List<Check> checks,
            LoadResult load,
            Outcome overall,
            int exitCode,
            String failure,
            SamplingOverhead sampling,
            List<LeakTrace> leakTraces) {
        this(
                formatVersion,
                meta,
                samples,
                verdicts,
                checks,
                load,
                overall,
                exitCode,
                failure,
                sampling,
                leakTraces,
                null,
                null);
    }

    /** A report without leak traces (none taken, or a report.json from before they existed). */
    public RunReport(
            int formatVersion,
            Meta meta,
            List<Sample> samples,
            List<ServiceVerdict> verdicts,
            List<Check> checks,
            LoadResult load,
            Outcome overall,
            int exitCode,
            String failure,
            SamplingOverhead sampling) {
        this(formatVersion, meta, samples, verdicts, checks, load, overall, exitCode, failure, sampling, List.of());
    }

    /**
     * @param logs       label → path relative to the run directory
     * @param dashboards Grafana dashboard JSON files (relative to the run directory)
     */
    public record Meta(
            String profileName,
            Profile profile,
            String fault,
            Instant started,
            Instant finished,
            String stack,
            String metricsSource,
            boolean clockMeasured,
            VerdictPolicy policy,
            Map<String, String> logs,
            List<String> dashboards,
            List<String> notes) {}

    /** The Gatling part: its own assertions and where its HTML report is (relative to the run directory). */
    public record LoadResult(boolean ran, int exitCode, boolean assertionsPassed, String reportIndex, String summary) {
        public static LoadResult notRun(String why) {
            return new LoadResult(false, -1, true, null, why);
        }
    }
}
