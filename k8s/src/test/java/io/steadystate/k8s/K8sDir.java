package io.steadystate.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the manifests live (the k8s module directory) and the overlays in it. */
final class K8sDir {

    private K8sDir() {}

    static Path root() {
        return Path.of(System.getProperty("k8s.dir", System.getProperty("user.dir")))
                .toAbsolutePath()
                .normalize();
    }

    static Path repo() {
        return root().getParent();
    }

    static Path resolve(String relative) {
        return root().resolve(relative);
    }

    static List<Path> overlays() {
        try (Stream<Path> s = Files.list(resolve("overlays"))) {
            return s.filter(p -> Files.exists(p.resolve("kustomization.yaml")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> dashboards() {
        try (Stream<Path> s = Files.list(resolve("dashboards"))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path rulesFile() {
        return resolve("components/prometheus/rules/steadystate.rules.yml");
    }

    static Path prometheusRule() {
        return resolve("components/prometheus-operator/prometheusrule.yaml");
    }
}
