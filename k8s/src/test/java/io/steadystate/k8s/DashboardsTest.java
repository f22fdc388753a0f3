package io.steadystate.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Dashboards: Grafana's required structure, shipped as sidecar ConfigMaps, and failing on broken copies. */
class DashboardsTest {

    @Test
    void overviewAndSoakDashboardsExist() {
        assertThat(K8sDir.dashboards().stream().map(p -> p.getFileName().toString()))
                .contains("overview.json", "soak.json");
    }

    @TestFactory
    Stream<DynamicTest> everyDashboardHasTheStructureGrafanaNeeds() {
        return K8sDir.dashboards().stream()
                .map(f -> DynamicTest.dynamicTest(
                        f.getFileName().toString(),
                        () -> assertThat(DashboardChecks.check(f.getFileName().toString(), Yaml.json(f)))
                                .isEmpty()));
    }

    @Test
    void overviewCoversWhatOperatorsWatch() {
        String titles = String.valueOf(
                        Yaml.json(K8sDir.resolve("dashboards/overview.json")).get("panels"))
                .toLowerCase();
        for (String topic : List.of(
                "heap used per service by pool",
                "post-gc heap",
                "rss vs memory limit",
                "gc pauses",
                "allocation rate",
                "store entries vs capacity",
                "evictions by cause",
                "ticks, signals, orders per second",
                "consumer lag",
                "tick → order latency",
                "dead letters")) {
            assertThat(titles).contains(topic);
        }
    }

    @Test
    void everyOverlayShipsEveryDashboardAsASidecarConfigMapWithTheSameJson() {
        for (Path overlay : K8sDir.overlays()) {
            List<Map<String, Object>> cms = Kustomize.render(overlay).docs().stream()
                    .filter(d -> "ConfigMap".equals(d.get("kind"))
                            && "1".equals(Yaml.str(d, "metadata", "labels", "grafana_dashboard")))
                    .toList();
            for (Path f : K8sDir.dashboards()) {
                String file = f.getFileName().toString();
                assertThat(cms)
                        .as(overlay + " ships " + file)
                        .anySatisfy(cm -> assertThat(Yaml.str(cm, "data", file)).isEqualTo(Yaml.read(f)));
            }
        }
    }

    private static List<String> afterBreaking(Consumer<Map<String, Object>> breakIt) {
        Map<String, Object> d = Yaml.deepCopy(List.of(Yaml.json(K8sDir.resolve("dashboards/overview.json"))))
                .get(0);
        breakIt.accept(d);
        return DashboardChecks.check("broken", d);
    }

    private static Map<String, Object> firstGraph(Map<String, Object> d) {
        return Yaml.maps(d, "panels").stream()
                .filter(p -> !"row".equals(p.get("type")))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void missingUidIsReported() {
        assertThat(afterBreaking(d -> d.remove("uid")))
                .anySatisfy(p -> assertThat(p).contains("uid must be"));
    }

    @Test
    void missingGridPosIsReported() {
        assertThat(afterBreaking(d -> firstGraph(d).remove("gridPos")))
                .anySatisfy(p -> assertThat(p).contains("gridPos needs"));
    }

    @Test
    void missingDatasourceIsReported() {
        assertThat(afterBreaking(d -> firstGraph(d).remove("datasource")))
                .anySatisfy(p -> assertThat(p).contains("datasource {type, uid} is required"));
    }

    @Test
    void targetWithoutExprIsReported() {
        assertThat(afterBreaking(d -> Yaml.maps(firstGraph(d), "targets").get(0).remove("expr")))
                .anySatisfy(p -> assertThat(p).contains("has no expr"));
    }

    @Test
    void undefinedVariableIsReported() {
        assertThat(afterBreaking(d -> Yaml.maps(firstGraph(d), "targets")
                        .get(0)
                        .put("expr", "sum(jvm_memory_used_bytes{namespace=\"$namepsace\"})")))
                .anySatisfy(p -> assertThat(p).contains("undefined variable $namepsace"));
    }

    @Test
    void missingServiceVariableIsReported() {
        assertThat(afterBreaking(d -> Yaml.list(d, "templating", "list").remove(2)))
                .anySatisfy(p -> assertThat(p).contains("variable $service is required"));
    }

    @Test
    void duplicatePanelIdsAndOverlapsAreReported() {
        assertThat(afterBreaking(d -> {
                    List<Map<String, Object>> panels = Yaml.maps(d, "panels");
                    panels.get(2).put("id", panels.get(1).get("id"));
                    panels.get(2).put("gridPos", Yaml.map(panels.get(1), "gridPos"));
                }))
                .anySatisfy(p -> assertThat(p).contains("unique integer"))
                .anySatisfy(p -> assertThat(p).contains("overlap"));
    }

    @Test
    void unbalancedQueryIsReported() {
        assertThat(afterBreaking(d -> Yaml.maps(firstGraph(d), "targets")
                        .get(0)
                        .put("expr", "sum(rate(jvm_gc_pause_seconds_sum[5m])")))
                .anySatisfy(p -> assertThat(p).contains("unbalanced brackets"));
    }

    @Test
    void brokenFixtureFileFailsTheStructureCheck() {
        Path f = K8sDir.root().resolve("src/test/resources/broken/dashboards/broken-structure.json");
        assertThat(DashboardChecks.check("fixture", Yaml.json(f)))
                .anySatisfy(p -> assertThat(p).contains("schemaVersion"))
                .anySatisfy(p -> assertThat(p).contains("targets must be a non-empty list"));
    }
}
