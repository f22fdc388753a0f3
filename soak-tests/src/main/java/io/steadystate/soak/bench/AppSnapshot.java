package io.steadystate.soak.bench;

import io.steadystate.soak.stack.RunFailure;
import io.steadystate.soak.stack.ServiceId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A copy of the three services' {@code target/quarkus-app} in the run directory ({@code apps/<module>/target/
 * quarkus-app}, the layout {@code ServiceLauncher.quarkusJars} expects), taken before the stack starts: a bench
 * runs for minutes and a rebuild of a module meanwhile (other people's builds on a shared machine) would pull the
 * jars from under the running JVMs. Deleted when the bench ends (≈ 50 MB per service).
 */
public final class AppSnapshot {

    private AppSnapshot() {}

    /** Copies what exists; a missing module stays missing (the launcher then names it). Returns the new root. */
    public static Path copy(Path repoRoot, Path runDir) {
        Path root = runDir.resolve("apps");
        for (ServiceId id : ServiceId.values()) {
            Path from = repoRoot.resolve(id.module()).resolve("target/quarkus-app");
            if (!Files.isRegularFile(from.resolve("quarkus-run.jar"))) {
                continue;
            }
            Path to = root.resolve(id.module()).resolve("target/quarkus-app");
            for (int attempt = 1; ; attempt++) {
                try {
                    delete(to);
                    copyTree(from, to);
                    break;
                } catch (IOException | UncheckedIOException e) {
                    if (attempt == 3) {
                        throw new RunFailure("could not copy " + from + " (being rebuilt?): " + e.getMessage(), e);
                    }
                    RunFailure.pause(3_000);
                }
            }
        }
        return root;
    }

    public static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
