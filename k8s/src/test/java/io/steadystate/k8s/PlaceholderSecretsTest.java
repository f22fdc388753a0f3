package io.steadystate.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** No placeholder secret reaches a cluster: the prod overlays refuse to render without the deployer's own files. */
class PlaceholderSecretsTest {

    static final String PLACEHOLDER = "change-me-before-deploying";
    static final List<String> PROD = List.of("prod", "prod-kraft");

    @TestFactory
    Stream<DynamicTest> prodOverlaysRefuseToRenderWithoutTheSecretEnvFiles() {
        return PROD.stream()
                .map(o -> DynamicTest.dynamicTest(o, () -> {
                    Path overlay = OverlayManifestsTest.overlay(o);
                    Assumptions.assumeTrue(Kustomize.kubectl().isPresent(), "SKIPPED: kubectl not on PATH");
                    Assumptions.assumeFalse(
                            Files.exists(overlay.resolve("secrets/api-token.env")),
                            "SKIPPED: this checkout has its own " + overlay.resolve("secrets/api-token.env"));
                    assertThatThrownBy(() -> Kustomize.renderKubectlExactly(overlay))
                            .hasMessageContaining("secrets/api-token.env")
                            .hasMessageContaining("no such file");
                }));
    }

    @Test
    void theSecretsFilesAreGitIgnored() throws IOException {
        assertThat(Files.readAllLines(K8sDir.repo().resolve(".gitignore"))).contains("k8s/overlays/*/secrets/");
        assertThat(ThrowawaySecrets.envFiles(OverlayManifestsTest.overlay("prod")))
                .extracting(p -> p.getFileName().toString())
                .containsExactly("api-token.env", "kafka-credentials.env");
    }

    @TestFactory
    Stream<DynamicTest> noRenderingCarriesThePlaceholderAndProdTakesTheDeployersToken() {
        return K8sDir.overlays().stream()
                .map(o -> DynamicTest.dynamicTest(o.getFileName().toString(), () -> {
                    List<Map<String, Object>> docs = Kustomize.render(o).docs();
                    assertThat(Yaml.JSON.writeValueAsString(docs)).doesNotContain(PLACEHOLDER);
                    if (PROD.contains(o.getFileName().toString())) {
                        Path env = ThrowawaySecrets.renderable(o).resolve("secrets/api-token.env");
                        String token = Files.readString(env).trim().substring("STEADYSTATE_API_TOKEN=".length());
                        Map<String, Object> secret = docs.stream()
                                .filter(d -> "Secret".equals(d.get("kind"))
                                        && Yaml.str(d, "metadata", "name").startsWith("steadystate-api-token"))
                                .findFirst()
                                .orElseThrow();
                        String value = Yaml.str(secret, "data", "STEADYSTATE_API_TOKEN");
                        assertThat(
                                        value == null
                                                ? Yaml.str(secret, "stringData", "STEADYSTATE_API_TOKEN")
                                                : new String(java.util.Base64.getDecoder()
                                                        .decode(value)))
                                .isEqualTo(token);
                    }
                }));
    }
}
