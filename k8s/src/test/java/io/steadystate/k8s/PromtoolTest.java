package io.steadystate.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * promtool on the plain Prometheus config, the rules file, the rules embedded in the PrometheusRule, and the rule
 * unit tests (each alert fires on a growing series, stays quiet on a flat one) — and each fails when broken.
 * Skipped with a message when promtool is absent (apt-get install prometheus).
 */
class PromtoolTest {

    record Result(int exit, String output) {}

    private static String promtool;

    @BeforeAll
    static void findPromtool() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "promtool"))) {
                promtool = Path.of(dir, "promtool").toString();
            }
        }
        assumeTrue(
                promtool != null,
                "SKIPPED: promtool not on PATH (apt-get install -y --no-install-recommends prometheus)");
    }

    static Result run(Path cwd, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(promtool));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd)
                .directory(cwd.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    /** The component's Prometheus directory layout (prometheus.yml, rules/, tests/) copied into dir. */
    private static Path layout(Path dir) throws IOException {
        Path src = K8sDir.resolve("components/prometheus");
        Files.createDirectories(dir.resolve("rules"));
        Files.createDirectories(dir.resolve("tests"));
        Files.copy(src.resolve("prometheus.yml"), dir.resolve("prometheus.yml"));
        Files.copy(K8sDir.rulesFile(), dir.resolve("rules/steadystate.rules.yml"));
        Files.copy(src.resolve("tests/steadystate.rules.test.yml"), dir.resolve("tests/steadystate.rules.test.yml"));
        return dir;
    }

    /**
     * Debian's promtool is built without Kubernetes service discovery ("field kubernetes_sd_configs not found"):
     * then the SD block is swapped for a static target and everything else (relabelling, rule files) is checked.
     */
    static Result checkConfig(Path dir) throws IOException, InterruptedException {
        Result r = run(dir, "check", "config", "prometheus.yml");
        if (r.exit() != 0 && r.output().contains("field kubernetes_sd_configs not found")) {
            String yml = Files.readString(dir.resolve("prometheus.yml"));
            String swapped = yml.replaceAll(
                    "(?m)^    kubernetes_sd_configs:\\n(?:      .*\\n|        .*\\n|          .*\\n)+",
                    "    static_configs:\n      - targets: [\"127.0.0.1:8081\"]\n");
            assertThat(swapped).doesNotContain("kubernetes_sd_configs");
            Files.writeString(dir.resolve("prometheus-static-sd.yml"), swapped);
            r = run(dir, "check", "config", "prometheus-static-sd.yml");
        }
        return r;
    }

    @Test
    void prometheusConfigIsValid(@TempDir Path tmp) throws Exception {
        Result r = checkConfig(layout(tmp));
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("1 rule files found");
    }

    @Test
    void rulesFileIsValid(@TempDir Path tmp) throws Exception {
        Result r = run(layout(tmp), "check", "rules", "rules/steadystate.rules.yml");
        assertThat(r.exit()).as(r.output()).isZero();
    }

    @Test
    void rulesEmbeddedInThePrometheusRuleAreValid(@TempDir Path tmp) throws Exception {
        Map<String, Object> pr = Yaml.documents(K8sDir.prometheusRule()).get(0);
        Files.writeString(
                tmp.resolve("embedded.yml"),
                Yaml.YAML.writeValueAsString(Map.of("groups", Yaml.at(pr, "spec", "groups"))));
        Result r = run(tmp, "check", "rules", "embedded.yml");
        assertThat(r.exit()).as(r.output()).isZero();
    }

    @Test
    void everyAlertFiresOnGrowthAndStaysQuietWhenFlat(@TempDir Path tmp) throws Exception {
        Result r = run(layout(tmp), "test", "rules", "tests/steadystate.rules.test.yml");
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("SUCCESS");
    }

    @Test
    void everyAlertHasAUnitTest() {
        Set<String> alerts = new TreeSet<>();
        for (Map<String, Object> g :
                Yaml.maps(Yaml.documents(K8sDir.rulesFile()).get(0), "groups")) {
            Yaml.maps(g, "rules").forEach(rule -> alerts.add(Yaml.str(rule, "alert")));
        }
        Set<String> tested = new TreeSet<>();
        for (Map<String, Object> t : Yaml.maps(
                Yaml.documents(K8sDir.resolve("components/prometheus/tests/steadystate.rules.test.yml"))
                        .get(0),
                "tests")) {
            Yaml.maps(t, "alert_rule_test").stream()
                    .filter(a -> !Yaml.list(a, "exp_alerts").isEmpty())
                    .forEach(a -> tested.add(Yaml.str(a, "alertname")));
        }
        assertThat(tested).isEqualTo(alerts);
        assertThat(alerts)
                .contains(
                        "SteadyStatePostGcHeapGrowing",
                        "SteadyStateStoreNearCapacity",
                        "SteadyStateStoreEvictingByCapacity",
                        "SteadyStateRssNearLimit",
                        "SteadyStateConsumerLagGrowing",
                        "SteadyStateDeadLetters");
    }

    // --- deliberately broken copies must fail -------------------------------------------------------------------

    private static void edit(Path file, String from, String to) throws IOException {
        String s = Files.readString(file);
        assertThat(s).contains(from);
        Files.writeString(file, s.replace(from, to));
    }

    @Test
    void aSyntaxErrorInARuleFailsCheckRules(@TempDir Path tmp) throws Exception {
        Path dir = layout(tmp);
        edit(
                dir.resolve("rules/steadystate.rules.yml"),
                "deriv(jvm_gc_live_data_size_bytes[2h])",
                "deriv(jvm_gc_live_data_size_bytes[2h]");
        Result r = run(dir, "check", "rules", "rules/steadystate.rules.yml");
        assertThat(r.exit()).as(r.output()).isNotZero();
    }

    @Test
    void anAlertThatNoLongerFiresOnGrowthFailsTheUnitTests(@TempDir Path tmp) throws Exception {
        Path dir = layout(tmp);
        edit(dir.resolve("rules/steadystate.rules.yml"), "* 3600 > 0.02", "* 3600 > 0.5");
        Result r = run(dir, "test", "rules", "tests/steadystate.rules.test.yml");
        assertThat(r.exit()).isNotZero();
        assertThat(r.output()).contains("SteadyStatePostGcHeapGrowing");
    }

    @Test
    void anAlertThatFiresOnAFlatSeriesFailsTheUnitTests(@TempDir Path tmp) throws Exception {
        Path dir = layout(tmp);
        edit(
                dir.resolve("rules/steadystate.rules.yml"),
                "increase(steadystate_dead_letters_total[5m]) > 0",
                "steadystate_dead_letters_total >= 0");
        Result r = run(dir, "test", "rules", "tests/steadystate.rules.test.yml");
        assertThat(r.exit()).isNotZero();
        assertThat(r.output()).contains("SteadyStateDeadLetters");
    }

    @Test
    void aBrokenPrometheusConfigFailsCheckConfig(@TempDir Path tmp) throws Exception {
        Path dir = layout(tmp);
        edit(dir.resolve("prometheus.yml"), "scrape_interval: 15s", "scrape_interval: fifteen");
        Result r = checkConfig(dir);
        assertThat(r.exit()).as(r.output()).isNotZero();
    }
}
