package io.steadystate.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization: with {@code kubectl kustomize} when kubectl is on the PATH, and always with a small
 * Java-side renderer ({@link #renderJava}) so that the checks still run where kubectl is absent. The Java side
 * follows resources, components, config/secret generators (merge included) and the {@code labels} transformer;
 * it ignores patches, namespace and name hashes — enough for structure and cross-reference checks.
 */
final class Kustomize {

    record Rendering(List<Map<String, Object>> docs, String renderer) {}

    private static final Map<Path, Rendering> CACHE = new ConcurrentHashMap<>();

    private Kustomize() {}

    static Optional<String> kubectl() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, "kubectl");
            if (Files.isExecutable(p)) {
                return Optional.of(p.toString());
            }
        }
        return Optional.empty();
    }

    /** kubectl's rendering when available, the Java-side one otherwise. */
    static Rendering render(Path dir) {
        return CACHE.computeIfAbsent(
                dir,
                d -> kubectl().isPresent()
                        ? new Rendering(Yaml.documents(renderKubectl(d)), "kubectl kustomize")
                        : new Rendering(renderJava(d), "java-side (kubectl absent)"));
    }

    /** kubectl's rendering; overlays whose secret env files are absent are rendered with throw-away ones. */
    static String renderKubectl(Path dir) {
        return renderKubectlExactly(ThrowawaySecrets.renderable(dir));
    }

    /** kubectl's rendering of {@code dir} as it is on disk (fails when an env file is missing). */
    static String renderKubectlExactly(Path dir) {
        String kubectl = kubectl().orElseThrow(() -> new IllegalStateException("kubectl not on PATH"));
        try {
            Path out = Files.createTempFile("kustomize", ".yaml");
            Path err = Files.createTempFile("kustomize", ".err");
            try {
                Process p = new ProcessBuilder(kubectl, "kustomize", dir.toString())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("kubectl kustomize " + dir + " timed out");
                }
                if (p.exitValue() != 0) {
                    throw new IllegalStateException("kubectl kustomize " + dir + " failed: " + Files.readString(err));
                }
                return Files.readString(out);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<Map<String, Object>> renderJava(Path dir) {
        List<Map<String, Object>> docs = new ArrayList<>();
        accumulate(ThrowawaySecrets.renderable(dir), docs);
        return docs;
    }

    private static void accumulate(Path dir, List<Map<String, Object>> docs) {
        Path kfile = dir.resolve("kustomization.yaml");
        if (!Files.exists(kfile)) {
            throw new IllegalStateException("no kustomization.yaml in " + dir);
        }
        Map<String, Object> k = Yaml.documents(kfile).get(0);
        int start = docs.size();
        for (Object r : Yaml.list(k, "resources")) {
            Path p = dir.resolve(String.valueOf(r)).normalize();
            if (Files.isDirectory(p)) {
                accumulate(p, docs);
            } else {
                docs.addAll(Yaml.documents(p));
            }
        }
        generate(dir, k, "configMapGenerator", "ConfigMap", docs);
        generate(dir, k, "secretGenerator", "Secret", docs);
        // labels transformer: applies to what this kustomization itself declared (resources + generators)
        for (Map<String, Object> l : Yaml.maps(k, "labels")) {
            Map<String, String> pairs = Yaml.strings(l, "pairs");
            boolean templates = Boolean.TRUE.equals(Yaml.at(l, "includeTemplates"));
            for (Map<String, Object> d : docs.subList(start, docs.size())) {
                labels(d, "metadata").putAll(pairs);
                if (templates && Yaml.at(d, "spec", "template") instanceof Map) {
                    labels(Yaml.map(d, "spec", "template"), "metadata").putAll(pairs);
                }
            }
        }
        for (Object c : Yaml.list(k, "components")) {
            accumulate(dir.resolve(String.valueOf(c)).normalize(), docs);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> labels(Map<String, Object> owner, String metadataKey) {
        Map<String, Object> meta = (Map<String, Object>) owner.computeIfAbsent(metadataKey, x -> new LinkedHashMap<>());
        return (Map<String, Object>) meta.computeIfAbsent("labels", x -> new LinkedHashMap<>());
    }

    private static void generate(
            Path dir, Map<String, Object> k, String key, String kind, List<Map<String, Object>> docs) {
        Map<String, String> optionLabels = Yaml.strings(k, "generatorOptions", "labels");
        for (Map<String, Object> g : Yaml.maps(k, key)) {
            String name = Yaml.str(g, "name");
            Map<String, Object> data = new LinkedHashMap<>();
            for (Object lit : Yaml.list(g, "literals")) {
                String s = String.valueOf(lit);
                int eq = s.indexOf('=');
                data.put(s.substring(0, eq), s.substring(eq + 1));
            }
            for (Object env : Yaml.list(g, "envs")) {
                Path file = dir.resolve(String.valueOf(env));
                try {
                    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                        int eq = line.indexOf('=');
                        if (!line.isBlank() && !line.startsWith("#") && eq > 0) {
                            data.put(line.substring(0, eq).trim(), line.substring(eq + 1));
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(kind + " generator " + name + ": " + e, e);
                }
            }
            for (Object f : Yaml.list(g, "files")) {
                String s = String.valueOf(f);
                int eq = s.indexOf('=');
                String fileKey = eq < 0 ? Path.of(s).getFileName().toString() : s.substring(0, eq);
                Path file = dir.resolve(eq < 0 ? s : s.substring(eq + 1));
                try {
                    data.put(fileKey, Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new IllegalStateException(kind + " generator " + name + ": " + e, e);
                }
            }
            Map<String, Object> existing = docs.stream()
                    .filter(d -> kind.equals(d.get("kind")) && name.equals(Yaml.str(d, "metadata", "name")))
                    .findFirst()
                    .orElse(null);
            String behavior = Yaml.str(g, "behavior");
            if ("merge".equals(behavior) || "replace".equals(behavior)) {
                if (existing == null) {
                    throw new IllegalStateException(kind + " " + name + " does not exist; cannot " + behavior);
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> target = (Map<String, Object>) existing.computeIfAbsent(
                        kind.equals("Secret") ? "stringData" : "data", x -> new LinkedHashMap<>());
                if ("replace".equals(behavior)) {
                    target.clear();
                }
                target.putAll(data);
                continue;
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("apiVersion", "v1");
            doc.put("kind", kind);
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("name", name);
            Map<String, Object> labels = new LinkedHashMap<>(optionLabels);
            labels.putAll(Yaml.strings(g, "options", "labels"));
            if (!labels.isEmpty()) {
                meta.put("labels", labels);
            }
            doc.put("metadata", meta);
            doc.put(kind.equals("Secret") ? "stringData" : "data", data);
            docs.add(doc);
        }
    }
}
