package io.steadystate.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One source for the alert rules: components/prometheus/rules/steadystate.rules.yml. The PrometheusRule of the
 * operator path embeds the same groups; with -Dk8s.regenerate=true this test rewrites it from the rules file.
 */
class PrometheusRuleSyncTest {

    static Map<String, Object> generate(Map<String, Object> rulesFile) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("apiVersion", "monitoring.coreos.com/v1");
        doc.put("kind", "PrometheusRule");
        doc.put(
                "metadata",
                Map.of(
                        "name",
                        "steadystate",
                        "labels",
                        Map.of("app.kubernetes.io/part-of", "steadystate", "release", "kube-prometheus-stack")));
        doc.put("spec", Map.of("groups", rulesFile.get("groups")));
        return doc;
    }

    static boolean inSync(Map<String, Object> rulesFile, Map<String, Object> prometheusRule) {
        return Yaml.at(prometheusRule, "spec", "groups").equals(rulesFile.get("groups"));
    }

    @Test
    void prometheusRuleEmbedsExactlyTheRulesFile() throws IOException {
        Map<String, Object> rules = Yaml.documents(K8sDir.rulesFile()).get(0);
        if (Boolean.getBoolean("k8s.regenerate")) {
            Files.writeString(
                    K8sDir.prometheusRule(),
                    "# GENERATED from ../prometheus/rules/steadystate.rules.yml — do not edit; "
                            + "PrometheusRuleSyncTest fails when they differ.\n# Regenerate: ./mvnw -B -q verify -pl k8s -Dk8s.regenerate=true\n"
                            + Yaml.YAML.writeValueAsString(generate(rules)).replaceFirst("^---\n", ""));
        }
        Map<String, Object> pr = Yaml.documents(K8sDir.prometheusRule()).get(0);
        assertThat(inSync(rules, pr))
                .as("%s differs from %s: run with -Dk8s.regenerate=true", K8sDir.prometheusRule(), K8sDir.rulesFile())
                .isTrue();
        assertThat(StrictModels.check(List.of(pr))).isEmpty();
    }

    @Test
    void anEditOfOnlyOneSideIsDetected() {
        Map<String, Object> rules = Yaml.documents(K8sDir.rulesFile()).get(0);
        Map<String, Object> pr = Yaml.deepCopy(
                        List.of(Yaml.documents(K8sDir.prometheusRule()).get(0)))
                .get(0);
        Yaml.maps(Yaml.maps(pr, "spec", "groups").get(0), "rules").get(0).put("expr", "vector(1)");
        assertThat(inSync(rules, pr)).isFalse();
    }
}
