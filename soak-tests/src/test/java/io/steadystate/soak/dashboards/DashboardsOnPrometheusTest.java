package io.steadystate.soak.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.steadystate.soak.verdict.Check;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

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
        Assumptions.assumeTrue(binary != null, "SKIPPED: no `prometheus` on the PATH, the dashboards were not evaluated "
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
        return DashboardsReport.evaluate(prometheus.uri, start, end, Duration.ofSeconds(1),
                Path.of("src/test/resources/dashboards", which), Set.copyOf(TestPrometheus.SERVICES));
    }

    @Test
    void theCopyOfTheRealPanelsShowsEveryServiceAndRenders() {
        DashboardsReport r = evaluate("good");
        assertThat(r.checks()).as("%s", r.checks()).singleElement().satisfies(c -> {
            assertThat(c.passed()).isTrue();
            assertThat(c.detail()).startsWith("6 panels of 1 dashboards");
        });
        DashboardsReport.Evaluated d = r.dashboards().get(0);
        assertThat(d.variables().get("namespace")).containsExactly(TestPrometheus.NAMESPACE);
        assertThat(d.variables().get("service")).containsExactlyInAnyOrderElementsOf(TestPrometheus.SERVICES);
        PanelEvaluation heap = d.panels().stream().filter(p -> p.panel().title().startsWith("Heap used")).findFirst().orElseThrow();
        // $service with All: Grafana's regex of every value (label API order: sorted)
        assertThat(heap.targets().get(0).query()).contains("service=~\"(market-data-service|order-service|strategy-service)\"")
                .contains("namespace=\"soak-test\"");
        assertThat(heap.targets().get(0).series()).hasSize(5); // 3 old gen + 2 eden
        PanelEvaluation rate = d.panels().stream().filter(p -> p.panel().title().equals("Allocation rate")).findFirst().orElseThrow();
        assertThat(rate.targets().get(0).query()).contains("[4s]"); // $__rate_interval = 4 x 1 s scrape
        assertThat(rate.targets().get(0).series()).hasSize(3);
        String html = r.html();
        assertThat(html).contains("<h3>Overview (copy for the test exporter)", "<h4>Memory</h4>", "<h4>Stores</h4>",
                "<svg", "MiB", "MB/s", "class=\"stat\"", "<table>", "strategy-service symbols").doesNotContain("✗");
    }

    @Test
    void theBrokenCopyFailsWithQueryAndReason() {
        DashboardsReport r = evaluate("broken");
        assertThat(r.passed()).isFalse();
        List<String> failed = r.checks().stream().filter(c -> !c.passed()).map(Check::detail).toList();
        assertThat(failed).anySatisfy(f -> assertThat(f).contains("Heap used per service by pool: no series over the run")
                        .contains("jvm_memory_use_bytes{namespace=\"soak-test\""))
                .anySatisfy(f -> assertThat(f).contains("Allocation rate: query failed (HTTP 400 bad_data"))
                .anySatisfy(f -> assertThat(f).contains("Old gen used (last): no series for order-service, which exports the metric")
                        .contains("G1 Eden Space"));
        assertThat(failed).hasSize(3);
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
        assertThat(matched).isEqualTo(4);
        assertThat(copy.variables()).isEqualTo(original.variables());
    }

    @Test
    void alertRulesAreEvaluatedAsPrometheusWouldOverTheRun() {
        List<AlertRulesOnRun.Alert> alerts = AlertRulesOnRun.evaluate(new PrometheusApi(prometheus.uri),
                new GrafanaTemplate(start, end, Duration.ofSeconds(1)), Path.of("src/test/resources/dashboards/rules/test.rules.yml"));
        assertThat(alerts).extracting(a -> a.name() + "=" + a.state()).containsExactly("AlwaysTrue=FIRING",
                "TrueButNotLongEnough=PENDING", "NeverTrue=QUIET", "Broken=ERROR");
        List<Check> clean = AlertRulesOnRun.checks(alerts, false);
        assertThat(clean).filteredOn(c -> !c.passed()).extracting(Check::detail)
                .anySatisfy(d -> assertThat(d).startsWith("Broken does not evaluate"))
                .anySatisfy(d -> assertThat(d).contains("clean run, firing: AlwaysTrue; pending: TrueButNotLongEnough"));
        List<AlertRulesOnRun.Alert> quiet = alerts.stream().filter(a -> a.state() == AlertRulesOnRun.State.QUIET).toList();
        assertThat(AlertRulesOnRun.checks(quiet, false)).singleElement().satisfies(c -> assertThat(c.passed()).isTrue());
    }
}
