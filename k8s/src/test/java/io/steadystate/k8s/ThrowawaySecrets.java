package io.steadystate.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The prod overlays take their Secrets from git-ignored env files and refuse to render without them. Tests render
 * them from a copy of the k8s directory in which the missing files hold random throw-away values, so the checks
 * run on exactly what a deployer would render; the real directory is never written to.
 */
final class ThrowawaySecrets {

    private static final Map<Path, Path> COPIES = new ConcurrentHashMap<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ThrowawaySecrets() {}

    /** The env files a kustomization's secretGenerators read ({@code envs}), relative to its directory. */
    static List<Path> envFiles(Path dir) {
        Path kfile = dir.resolve("kustomization.yaml");
        List<Path> out = new ArrayList<>();
        if (Files.exists(kfile)) {
            for (Map<String, Object> g : Yaml.maps(Yaml.documents(kfile).get(0), "secretGenerator")) {
                Yaml.list(g, "envs")
                        .forEach(e -> out.add(dir.resolve(String.valueOf(e)).normalize()));
            }
        }
        return out;
    }

    /** {@code dir} itself when every env file exists, else the same overlay in a copy that has them. */
    static Path renderable(Path dir) {
        if (envFiles(dir).stream().allMatch(Files::exists)) {
            return dir;
        }
        Path root = K8sDir.root();
        Path copy = COPIES.computeIfAbsent(root, ThrowawaySecrets::copyOf);
        Path inCopy = copy.resolve(root.relativize(dir.toAbsolutePath().normalize()));
        for (Path env : envFiles(inCopy)) {
            if (!Files.exists(env)) {
                write(env, contentFor(env.getFileName().toString()));
            }
        }
        return inCopy;
    }

    static String contentFor(String envFile) {
        return switch (envFile) {
            case "api-token.env" -> "STEADYSTATE_API_TOKEN=" + token() + "\n";
            case "kafka-credentials.env" -> {
                StringBuilder s = new StringBuilder();
                KafkaUsers.declared()
                        .forEach(u -> s.append(u.passwordKey())
                                .append('=')
                                .append(token())
                                .append('\n'));
                yield s.toString();
            }
            default -> throw new IllegalStateException("no throw-away content known for the env file " + envFile);
        };
    }

    private static String token() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static Path copyOf(Path root) {
        try {
            Path copy = Files.createTempDirectory("k8s-throwaway-secrets");
            try (Stream<Path> all = Files.walk(root)) {
                for (Path p : all.toList()) {
                    Path rel = root.relativize(p);
                    if (rel.startsWith("src") || rel.startsWith("target")) {
                        continue;
                    }
                    Path to = copy.resolve(rel.toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
