package io.steadystate.soak.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options every stack-starting command shares (a picocli mixin): where the repo is, where the run goes, the token. */
public final class RunDirOptions {

    @Option(names = "--out", paramLabel = "DIR", description = "run directory (default runs/<timestamp>-<name>)")
    Path out;

    @Option(names = "--token", defaultValue = "steadystate-local", description = "API token for mutating calls")
    String token;

    @Option(names = "--repo", paramLabel = "DIR", description = "repository root (default: $SOAK_REPO or .)")
    Path repo;

    Path repoRoot() {
        return repo != null
                ? repo
                : Path.of(Optional.ofNullable(System.getenv("SOAK_REPO")).orElse("."));
    }

    /** {@code --out}, or {@code <repo>/runs/<yyyyMMdd-HHmmss>-<name>}. */
    Path runDir(String name) {
        return out != null
                ? out
                : repoRoot()
                        .resolve("runs")
                        .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                                + name);
    }

    String token() {
        return token;
    }
}
