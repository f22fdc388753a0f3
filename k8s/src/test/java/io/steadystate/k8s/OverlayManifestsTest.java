package io.steadystate.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every overlay renders, parses strictly into typed models, and its objects reference each other correctly. */
class OverlayManifestsTest {

    @Test
    void everyExpectedOverlayExists() {
        assertThat(K8sDir.overlays().stream().map(p -> p.getFileName().toString()))
                .contains("dev", "prod", "prod-kraft");
    }

    @TestFactory
    Stream<DynamicTest> kubectlKustomizeRendersEveryOverlay() {
        return K8sDir.overlays().stream()
                .map(o -> DynamicTest.dynamicTest(o.getFileName().toString(), () -> {
                    Assumptions.assumeTrue(
                            Kustomize.kubectl().isPresent(),
                            "SKIPPED: kubectl not on PATH — `kubectl kustomize` not run; the Java-side rendering is checked instead");
                    assertThat(Yaml.documents(Kustomize.renderKubectl(o))).isNotEmpty();
                }));
    }

    @TestFactory
    Stream<DynamicTest> javaSideRenderingFindsTheSameObjectsAsKubectl() {
        return K8sDir.overlays().stream()
                .map(o -> DynamicTest.dynamicTest(o.getFileName().toString(), () -> {
                    Set<String> java = ids(Kustomize.renderJava(o), false);
                    assertThat(java).isNotEmpty();
                    Assumptions.assumeTrue(Kustomize.kubectl().isPresent(), "SKIPPED comparison: kubectl not on PATH");
                    assertThat(java).isEqualTo(ids(Yaml.documents(Kustomize.renderKubectl(o)), true));
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyObjectParsesStrictly() {
        return perOverlay(StrictModels::check);
    }

    @TestFactory
    Stream<DynamicTest> everyReferenceResolves() {
        return perOverlay(CrossReferences::check);
    }

    @TestFactory
    Stream<DynamicTest> javaSideRenderingPassesTheSameChecks() {
        return K8sDir.overlays().stream()
                .map(o -> DynamicTest.dynamicTest(o.getFileName().toString(), () -> {
                    List<Map<String, Object>> docs = Kustomize.renderJava(o);
                    assertThat(StrictModels.check(docs)).isEmpty();
                    assertThat(CrossReferences.check(docs)).isEmpty();
                }));
    }

    @Test
    void devRunsOneKafkaNodeAndTheSoakJob() {
        List<Map<String, Object>> docs =
                Kustomize.render(K8sDir.resolve("overlays/dev")).docs();
        assertThat(one(docs, "StatefulSet", "kafka").get("spec"))
                .extracting(s -> ((Map<?, ?>) s).get("replicas"))
                .isEqualTo(1);
        Map<String, Object> soak = one(docs, "Job", "steadystate-soak");
        assertThat(Yaml.list(soak, "spec", "template", "spec", "containers", 0, "args"))
                .containsSubsequence(
                        "run",
                        "--target",
                        "$(SOAK_TARGETS)",
                        "--prometheus",
                        "$(SOAK_PROMETHEUS_URL)",
                        "--profile",
                        "$(SOAK_PROFILE)");
    }

    @Test
    void prodRunsThreeKafkaNodesReplicasBudgetsAndLagAutoscaling() {
        for (String overlay : List.of("overlays/prod", "overlays/prod-kraft")) {
            List<Map<String, Object>> docs =
                    Kustomize.render(K8sDir.resolve(overlay)).docs();
            int kafkaNodes = docs.stream()
                    .filter(d -> Set.of("KafkaNodePool", "StatefulSet").contains(d.get("kind")))
                    .mapToInt(d -> (Integer) Yaml.at(d, "spec", "replicas"))
                    .sum();
            assertThat(kafkaNodes)
                    .as(overlay + " Kafka nodes")
                    .isEqualTo(Kustomize.kubectl().isPresent() || overlay.endsWith("prod") ? 3 : 1);
            assertThat(kinds(docs, "PodDisruptionBudget"))
                    .containsExactlyInAnyOrder("strategy-service", "order-service");
            assertThat(kinds(docs, "ScaledObject")).containsExactlyInAnyOrder("strategy-service", "order-service");
            docs.stream()
                    .filter(d -> "ScaledObject".equals(d.get("kind")))
                    .forEach(so -> assertThat(Yaml.maps(so, "spec", "triggers"))
                            .allSatisfy(t -> assertThat(t.get("type")).isEqualTo("kafka")));
        }
    }

    private static List<String> kinds(List<Map<String, Object>> docs, String kind) {
        return docs.stream()
                .filter(d -> kind.equals(d.get("kind")))
                .map(d -> Yaml.str(d, "metadata", "name"))
                .toList();
    }

    static Map<String, Object> one(List<Map<String, Object>> docs, String kind, String name) {
        return docs.stream()
                .filter(d -> kind.equals(d.get("kind")) && name.equals(Yaml.str(d, "metadata", "name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }

    private static Stream<DynamicTest> perOverlay(
            java.util.function.Function<List<Map<String, Object>>, List<String>> check) {
        return K8sDir.overlays().stream()
                .map(o -> DynamicTest.dynamicTest(o.getFileName().toString(), () -> {
                    Kustomize.Rendering r = Kustomize.render(o);
                    assertThat(check.apply(r.docs()))
                            .as("problems in %s (rendered by %s)", o.getFileName(), r.renderer())
                            .isEmpty();
                }));
    }

    /** kind/name, with kustomize's generator hash suffix removed from kubectl's names. */
    private static Set<String> ids(List<Map<String, Object>> docs, boolean stripHash) {
        return docs.stream()
                .map(d -> {
                    String name = Yaml.str(d, "metadata", "name");
                    if (stripHash && Set.of("ConfigMap", "Secret").contains(d.get("kind"))) {
                        name = name.replaceAll("-[a-z0-9]{10}$", "");
                    }
                    return d.get("kind") + "/" + name;
                })
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Path overlay(String name) {
        return K8sDir.resolve("overlays/" + name);
    }
}
