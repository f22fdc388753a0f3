package io.steadystate.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The manifest checks fail on deliberately broken manifests: YAML fixtures and mutations of the dev rendering. */
class BrokenManifestsTest {

    private static List<String> strict(String fixture) {
        Path file = Path.of("src/test/resources/broken/manifests", fixture);
        return StrictModels.check(Yaml.documents(K8sDir.root().resolve(file)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "deployment-misspelt-field.yaml               | unknown field(s) [replica]",
                "deployment-misspelt-field.yaml               | unknown field(s) [imagePullPolicyy]",
                "deployment-wrong-type.yaml                   | does not parse into its model",
                "misspelt-kind.yaml                           | no typed model for apps/v1 Deploymnet",
                "servicemonitor-misspelt-endpoints.yaml       | unknown field spec.endpoint",
                "servicemonitor-misspelt-endpoints.yaml       | missing or invalid spec.endpoints",
                "kafkatopic-wrong-version-and-partitions.yaml | expected kafka.strimzi.io/v1beta2",
                "kafkatopic-wrong-version-and-partitions.yaml | spec.partitions",
                "kafkatopic-wrong-version-and-partitions.yaml | naming a Kafka in the same rendering",
                "scaledobject-unknown-target.yaml             | spec.scaleTargetRef.name naming a Deployment",
                "scaledobject-unknown-target.yaml             | kafka trigger consumerGroup",
                "scaledobject-unknown-target.yaml             | lagThreshold (a string)",
                "prometheusrule-without-expr.yaml             | rules[].expr",
            })
    void strictParsingRejects(String fixture, String expected) {
        assertThat(strict(fixture)).anySatisfy(p -> assertThat(p).contains(expected));
    }

    private static List<String> crossRefsAfter(Consumer<List<Map<String, Object>>> breakIt) {
        List<Map<String, Object>> docs =
                Yaml.deepCopy(Kustomize.render(K8sDir.resolve("overlays/dev")).docs());
        assertThat(CrossReferences.check(docs)).as("the unbroken dev rendering").isEmpty();
        breakIt.accept(docs);
        return CrossReferences.check(docs);
    }

    private static Map<String, Object> strategy(List<Map<String, Object>> docs) {
        return OverlayManifestsTest.one(docs, "Deployment", "strategy-service");
    }

    private static Map<String, Object> strategyContainer(List<Map<String, Object>> docs) {
        return Yaml.maps(strategy(docs), "spec", "template", "spec", "containers")
                .get(0);
    }

    @Test
    void serviceSelectingNoPodIsReported() {
        assertThat(crossRefsAfter(
                        d -> Yaml.map(OverlayManifestsTest.one(d, "Service", "order-service"), "spec", "selector")
                                .put("app.kubernetes.io/name", "order-servce")))
                .anySatisfy(p -> assertThat(p)
                        .contains("Service/order-service: selector")
                        .contains("matches no pod template"));
    }

    @Test
    void servicePortNotOnTheContainerIsReported() {
        assertThat(crossRefsAfter(
                        d -> Yaml.maps(OverlayManifestsTest.one(d, "Service", "order-service"), "spec", "ports")
                                .get(0)
                                .put("targetPort", "metrics")))
                .anySatisfy(p -> assertThat(p).contains("targetPort metrics is not a container port"));
    }

    @Test
    void deploymentSelectorNotMatchingItsPodsIsReported() {
        assertThat(crossRefsAfter(d ->
                        Yaml.map(strategy(d), "spec", "selector", "matchLabels").put("tier", "backend")))
                .anySatisfy(p -> assertThat(p).contains("does not match its pod template labels"));
    }

    @Test
    void missingConfigMapIsReported() {
        assertThat(crossRefsAfter(d -> Yaml.map(
                                Yaml.maps(strategyContainer(d), "envFrom").get(1), "configMapRef")
                        .put("name", "strategy-config")))
                .anySatisfy(p -> assertThat(p).contains("references ConfigMap strategy-config, which does not exist"));
    }

    @Test
    void missingSecretIsReported() {
        assertThat(crossRefsAfter(d -> d.removeIf(o -> "Secret".equals(o.get("kind")))))
                .anySatisfy(p -> assertThat(p).contains("references Secret steadystate-api-token"));
    }

    @Test
    void missingConfigMapKeyIsReported() {
        assertThat(crossRefsAfter(d -> {
                    Map<String, Object> job = OverlayManifestsTest.one(d, "Job", "kafka-topics");
                    Map<String, Object> env = Yaml.maps(job, "spec", "template", "spec", "containers", 0, "env")
                            .get(2);
                    Yaml.map(env, "valueFrom", "configMapKeyRef").put("key", "TOPIC_PARTITION");
                }))
                .anySatisfy(p -> assertThat(p).contains("references key TOPIC_PARTITION"));
    }

    @Test
    void probeOnANonHealthPathIsReported() {
        assertThat(crossRefsAfter(d -> Yaml.map(strategyContainer(d), "livenessProbe", "httpGet")
                        .put("path", "/health")))
                .anySatisfy(p -> assertThat(p).contains("livenessProbe must GET /q/health/live (got /health)"));
    }

    @Test
    void containerWithoutLimitsIsReported() {
        assertThat(crossRefsAfter(
                        d -> Yaml.map(strategyContainer(d), "resources").remove("limits")))
                .anySatisfy(p -> assertThat(p).contains("resources.limits.cpu and .memory are required"));
    }

    @Test
    void memoryRequestBelowLimitIsReported() {
        assertThat(crossRefsAfter(d ->
                        Yaml.map(strategyContainer(d), "resources", "requests").put("memory", "256Mi")))
                .anySatisfy(p -> assertThat(p).contains("memory request 256Mi != limit"));
    }

    @Test
    void unpinnedCollectorAndUnsizedHeapAreReported() {
        assertThat(crossRefsAfter(d -> Yaml.maps(strategyContainer(d), "env").stream()
                        .filter(e -> "JAVA_OPTS_APPEND".equals(e.get("name")))
                        .forEach(e -> e.put("value", "-Dfoo=bar"))))
                .anySatisfy(p -> assertThat(p).contains("-XX:+UseG1GC"))
                .anySatisfy(p -> assertThat(p).contains("MaxRAMPercentage or -Xmx"));
    }

    @Test
    void relaxedSecurityContextIsReported() {
        assertThat(crossRefsAfter(d -> {
                    Map<String, Object> sc = Yaml.map(strategyContainer(d), "securityContext");
                    sc.put("allowPrivilegeEscalation", true);
                    sc.put("readOnlyRootFilesystem", false);
                    sc.remove("capabilities");
                }))
                .anySatisfy(p -> assertThat(p).contains("allowPrivilegeEscalation must be false"))
                .anySatisfy(p -> assertThat(p).contains("readOnlyRootFilesystem must be true"))
                .anySatisfy(p -> assertThat(p).contains("capabilities.drop must contain ALL"));
    }

    @Test
    void networkPolicySelectingNoPodIsReported() {
        assertThat(crossRefsAfter(d -> Yaml.map(
                                OverlayManifestsTest.one(d, "NetworkPolicy", "kafka"),
                                "spec",
                                "podSelector",
                                "matchLabels")
                        .put("app.kubernetes.io/name", "kafak")))
                .anySatisfy(p -> assertThat(p)
                        .contains("NetworkPolicy/kafka: spec.podSelector")
                        .contains("matches no pod"));
    }
}
