package io.steadystate.soak.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.steadystate.soak.verdict.Check;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dashboard panels evaluated on a real Prometheus: a copy of k8s/dashboards/overview.json panels passes, a
 * deliberately broken copy (misspelt metric, a syntax error, a selector that hides a service) fails with the query
 * and the reason.
 */
class DashboardsOnPrometheusTest {

    @TempDir
    static Path dir;

    private static TestPrometheus prometheus;
    private static Instant start;
    private static Instant end;

    @BeforeAll
    static void startPrometheus() throws Exception {
        Path binary = TestPrometheus.binary().orElse(null);
        Assumptions.assumeTrue(
                binary != null,
                "SKIPPED: no `prometheus` on the PATH, the dashboards were not evaluated "
                        + "on a real Prometheus (.ci/run installs it: apt-get install -y --no-install-recommends prometheus)");
        start = Instant.now().minusSeconds(1);
        prometheus = new TestPrometheus(binary, dir);
        prometheus.awaitSamples(8, Duration.ofSeconds(90));
        end = Instant.now();
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    private static DashboardsReport evaluate(String which) {
        return evaluate(which, false);
    }

    private static DashboardsReport evaluate(String which, boolean clusterMetrics) {
        return DashboardsReport.evaluate(
                prometheus.uri,
                start,
                end,
                Duration.ofSeconds(1),
                Path.of("src/test/resources/dashboards", which),
                Set.copyOf(TestPrometheus.SERVICES),
                clusterMetrics);
    }

    @Test
    void theCopyOfTheRealPanelsShowsEveryServiceAndRenders() {
        DashboardsReport r = evaluate("good");
        assertThat(r.checks()).as("%s", r.checks()).singleElement().satisfies(c -> {
            assertThat(c.passed()).isTrue();
            assertThat(c.detail())
                    .startsWith("7 panels of 1 dashboards")
                    .endsWith("not checked, cluster-only (no cluster exporters on the local stack): "
                            + "Overview (copy for the test exporter) / RSS vs memory limit target B");
        });
        DashboardsReport.Evaluated d = r.dashboards().get(0);
        assertThat(d.variables().get("namespace")).containsExactly(TestPrometheus.NAMESPACE);
        assertThat(d.variables().get("service")).containsExactlyInAnyOrderElementsOf(TestPrometheus.SERVICES);
        PanelEvaluation heap = d.panels().stream()
                .filter(p -> p.panel().title().startsWith("Heap used"))
                .findFirst()
                .orElseThrow();
        // $service with All: Grafana's regex of every value (label API order: sorted)
        assertThat(heap.targets().get(0).query())
                .contains("service=~\"(market-data-service|order-service|strategy-service)\"")
                .contains("namespace=\"soak-test\"");
        assertThat(heap.targets().get(0).series()).hasSize(5); // 3 old gen + 2 eden
        PanelEvaluation rate = d.panels().stream()
                .filter(p -> p.panel().title().equals("Allocation rate"))
                .findFirst()
                .orElseThrow();
        assertThat(rate.targets().get(0).query()).contains("[4s]"); // $__rate_interval = 4 x 1 s scrape
        assertThat(rate.targets().get(0).series()).hasSize(3);
        PanelEvaluation rss = d.panels().stream()
                .filter(p -> p.panel().title().equals("RSS vs memory limit"))
                .findFirst()
                .orElseThrow();
        assertThat(rss.targets().get(0).series()).hasSize(3);
        assertThat(rss.targets().get(1).clusterOnly()).startsWith("cluster-only (kube-state-metrics)");
        String html = r.html();
        assertThat(html)
                .contains(
                        "<h3>Overview (copy for the test exporter)",
                        "<h4>Memory</h4>",
                        "<h4>Stores</h4>",
                        "<svg",
                        "MiB",
                        "MB/s",
                        "class=\"stat\"",
                        "<table>",
                        "strategy-service symbols",
                        "note: target B, cluster-only (kube-state-metrics)")
                .doesNotContain("✗");
    }

    @Test
    void onAClusterTheMemoryLimitLineMustHaveData() {
        DashboardsReport r = evaluate("good", true);
        assertThat(r.checks()).singleElement().satisfies(c -> {
            assertThat(c.passed()).isFalse();
            assertThat(c.detail())
                    .isEqualTo(
                            "Overview (copy for the test exporter) / RSS vs memory limit: target B has no "
                                    + "series over the run: max by (pod) (kube_pod_container_resource_limits{namespace=\"soak-test\", "
                                    + "container=~\"(market-data-service|order-service|strategy-service)\", resource=\"memory\"})");
        });
    }

    @Test
    void theBrokenCopyFailsWithQueryAndReason() {
        DashboardsReport r = evaluate("broken");
        assertThat(r.passed()).isFalse();
        List<String> failed =
                r.checks().stream().filter(c -> !c.passed()).map(Check::detail).toList();
        assertThat(failed)
                .anySatisfy(f -> assertThat(f)
                        .contains("Heap used per service by pool: no series over the run")
                        .contains("jvm_memory_use_bytes{namespace=\"soak-test\""))
                .anySatisfy(f -> assertThat(f).contains("Allocation rate: query failed (HTTP 400 bad_data"))
                .anySatisfy(f -> assertThat(f)
                        .contains("Old gen used (last): no series for order-service, which exports the metric")
                        .contains("G1 Eden Space"))
                // the panel still draws RSS: only the per-target check sees its limit line missing
                .anySatisfy(f -> assertThat(f)
                        .contains("RSS vs memory limit: target B has no series over the run")
                        .contains("process_resident_memory_limit_bytes"))
                .anySatisfy(f -> assertThat(f).contains("Open files: target A: 3 of 3 series have only NaN samples"))
                .anySatisfy(f -> assertThat(f).contains("Open files: no series over the run"));
        assertThat(failed).hasSize(6);
        assertThat(r.html()).contains("class=\"panel failed\"", "✗ no series over the run");
    }

    @Test
    void theCopiedPanelsAreTheRealDashboardsQueries() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode real = json.readTree(Files.readString(Path.of("../k8s/dashboards/overview.json")));
        Dashboard copy = Dashboard.read(Path.of("src/test/resources/dashboards/good/overview-copy.json"));
        Dashboard original = Dashboard.parse("overview.json", real);
        int matched = 0;
        for (Dashboard.Panel p : copy.panels()) {
            for (Dashboard.Panel o : original.panels()) {
                if (o.title().equals(p.title())) {
                    assertThat(o.targets()).as(p.title()).startsWith(p.targets().toArray(Dashboard.Target[]::new));
                    assertThat(o.unit()).isEqualTo(p.unit());
                    matched++;
                }
            }
        }
        assertThat(matched).isEqualTo(5);
        assertThat(copy.variables()).isEqualTo(original.variables());
    }

    @Test
    void alertRulesAreEvaluatedOnTheRunScaledToIt() {
        RunScope clean = new RunScope(start, end, Set.copyOf(TestPrometheus.SERVICES), null, true, 0.2);
        AlertRulesOnRun.Window window = AlertRulesOnRun.Window.of(clean, Duration.ofSeconds(1));
        List<AlertRulesOnRun.Alert> alerts = AlertRulesOnRun.evaluate(
                new PrometheusApi(prometheus.uri),
                window,
                Path.of("src/test/resources/dashboards/rules/test.rules.yml"),
                true);
        assertThat(alerts)
                .extracting(a -> a.name() + "=" + a.state())
                .containsExactly(
                        "AlwaysTrue=FIRING",
                        "TrueButNotLongEnough=PENDING",
                        "NeverTrue=QUIET",
                        "Broken=ERROR",
                        "SteadyStatePostGcHeapFillingFast=FIRING",
                        "SlowGrowth=FIRING",
                        "NeedsKubeStateMetrics=CLUSTER_ONLY");
        AlertRulesOnRun.Alert heap = alerts.get(4);
        // the 30 s window is cut to half the steady state, and for: 15s by the same factor
        assertThat(heap.scaledExpr())
                .doesNotContain("[30s]")
                .contains("[" + window.range().toMillis() + "ms], 3600) > 1");
        assertThat(heap.scaledFor()).isLessThan(window.range()).isPositive();
        assertThat(heap.judgedOnCleanRun()).isTrue();
        assertThat(alerts.get(5).judgedOnCleanRun()).as("2 h cut to seconds").isFalse();
        assertThat(heap.held())
                .extracting(h -> h.labels().get("service"))
                .containsExactlyInAnyOrderElementsOf(TestPrometheus.SERVICES);
        assertThat(window.from())
                .isAfter(start.plus(Duration.between(start, end).dividedBy(2)));

        List<Check> cleanChecks = AlertRulesOnRun.checks(alerts, clean);
        assertThat(cleanChecks)
                .filteredOn(c -> !c.passed())
                .extracting(Check::detail)
                .anySatisfy(d -> assertThat(d).startsWith("Broken does not evaluate"))
                .anySatisfy(d -> assertThat(d)
                        .startsWith("clean run, fired after the warm-up: AlwaysTrue FIRING")
                        .contains("SteadyStatePostGcHeapFillingFast FIRING")
                        .contains("also held: TrueButNotLongEnough PENDING")
                        .containsPattern("SlowGrowth FIRING \\(.*\\) not judged: its range cut \\d+x")
                        .contains("not judged, cluster-only: NeedsKubeStateMetrics"));
        List<AlertRulesOnRun.Alert> quiet = alerts.stream()
                .filter(a -> a.state() == AlertRulesOnRun.State.QUIET
                        || a.state() == AlertRulesOnRun.State.CLUSTER_ONLY
                        || !a.judgedOnCleanRun()
                        || a.state() == AlertRulesOnRun.State.PENDING)
                .toList();
        assertThat(AlertRulesOnRun.checks(quiet, clean))
                .singleElement()
                .satisfies(c -> assertThat(c.passed()).isTrue());

        // fault run: passes only when the heap-growth rule fired for the fault's service
        RunScope fault = new RunScope(start, end, Set.copyOf(TestPrometheus.SERVICES), "strategy-service", true, 0.2);
        List<AlertRulesOnRun.Alert> evaluable = alerts.stream()
                .filter(a -> a.state() != AlertRulesOnRun.State.ERROR)
                .toList();
        assertThat(AlertRulesOnRun.checks(evaluable, fault)).singleElement().satisfies(c -> {
            assertThat(c.passed()).as(c.detail()).isTrue();
            assertThat(c.detail())
                    .startsWith("fault run: SteadyStatePostGcHeapFillingFast held ")
                    .contains("for strategy-service");
        });
        List<AlertRulesOnRun.Alert> withoutHeap = quiet;
        assertThat(AlertRulesOnRun.checks(withoutHeap, fault)).singleElement().satisfies(c -> {
            assertThat(c.passed()).isFalse();
            assertThat(c.detail()).contains("SteadyStatePostGcHeapFillingFast is not in the rules");
        });
        assertThat(new DashboardsReport(List.of(), alerts, fault, null).html())
                .contains(
                        "<h3>Alert rules on this run</h3>",
                        "Fault run: SteadyStatePostGcHeapFillingFast must fire for strategy-service",
                        "CLUSTER_ONLY",
                        "FIRING <small>not judged on a clean run: range cut ");
    }

    @Test
    void rangesAreCutToTheWindowAndForScaledAlike() {
        assertThat(AlertRulesOnRun.scale(
                        "deriv(x[2h]) * 3600 > 0.02 and increase(y[5s]) > 0",
                        Duration.ofSeconds(40),
                        Duration.ofSeconds(2)))
                .isEqualTo("deriv(x[40000ms]) * 3600 > 0.02 and increase(y[5s]) > 0");
        assertThat(AlertRulesOnRun.scale(
                        "deriv(max(z)[15m:1m]) > 0 and w{a=~\"[ab]\"}", Duration.ofSeconds(40), Duration.ofSeconds(2)))
                .isEqualTo("deriv(max(z)[40000ms:2000ms]) > 0 and w{a=~\"[ab]\"}");
        assertThat(AlertRulesOnRun.duration("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(AlertRulesOnRun.longestRange("rate(a[5m]) / deriv(b[2h])")).isEqualTo(Duration.ofHours(2));
    }
}
