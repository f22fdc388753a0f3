package io.steadystate.soak.session;

import io.steadystate.soak.dashboards.AlertRulesOnRun;
import io.steadystate.soak.dashboards.DashboardsReport;
import io.steadystate.soak.dashboards.FaultHeapTrend;
import io.steadystate.soak.dashboards.RunScope;
import io.steadystate.soak.report.Replayed;
import io.steadystate.soak.sampling.Sample;
import io.steadystate.soak.stack.ServiceId;
import io.steadystate.soak.stack.Stack;
import io.steadystate.soak.verdict.Driver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Grafana dashboards of k8s/dashboards as a run sees them: evaluated on its Prometheus over the sampled window
 * (the fault's heap trend and the run's time compression beside them), and linked from the report.
 */
final class RunDashboards {

    private final SessionOptions options;

    RunDashboards(SessionOptions options) {
        this.options = options;
    }

    /** Every panel of k8s/dashboards on the run's Prometheus over the sampled window, written to dashboards.html. */
    DashboardsReport evaluate(Stack stack, Instant started, List<Sample> samples) {
        DashboardsReport d = DashboardsReport.forRun(
                stack.prometheus(),
                started,
                samples.stream().mapToLong(Sample::epochMillis).toArray(),
                Stream.of(ServiceId.values()).map(ServiceId::module).collect(java.util.stream.Collectors.toSet()),
                options.fault() == null ? null : options.fault().service().module(),
                options.fault() == null
                        ? null
                        : FaultHeapTrend.of(
                                samples,
                                options.fault().service().module(),
                                options.profile().heapMb(),
                                Math.max(options.profile().warmupFraction(), AlertRulesOnRun.MIN_WARMUP_FRACTION)),
                RunScope.compression(
                        Optional.ofNullable(Replayed.of(samples))
                                .map(Replayed::perSecond)
                                .orElse(options.profile().wallTicksPerSecond()),
                        options.profile().workload().perDay(Driver.TICKS)),
                options.targets() == null,
                options.profile().warmupFraction(),
                options.disrupted(),
                options.repoRoot());
        d.writePage(options.runDir().resolve("dashboards.html"));
        return d;
    }

    /** The dashboards' JSON files, relative to the run directory (report.json {@code meta.dashboards}). */
    List<String> files() {
        Path dir = options.repoRoot().resolve("k8s/dashboards");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            Path run = options.runDir().toAbsolutePath();
            return files.filter(f -> f.toString().endsWith(".json"))
                    .sorted()
                    .map(f -> run.relativize(f.toAbsolutePath()).toString())
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
