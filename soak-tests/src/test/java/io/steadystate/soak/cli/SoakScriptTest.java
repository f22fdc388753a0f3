package io.steadystate.soak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./soak} script's stale-jar detection, run for real on a scratch repository layout with
 * {@code SOAK_STALE_ONLY=1} (print what would be rebuilt, build nothing).
 */
class SoakScriptTest {

    private static final List<String> SERVICES = List.of("market-data-service", "strategy-service", "order-service");
    private static final Instant BUILT = Instant.parse("2026-11-30T12:00:00Z");

    private static Path repo(Path dir) throws IOException {
        Path script = Path.of("..", "soak").toAbsolutePath().normalize();
        Files.copy(script, dir.resolve("soak"));
        source(dir, "pom.xml", BUILT.minusSeconds(3600));
        source(dir, "trading-core/pom.xml", BUILT.minusSeconds(3600));
        source(dir, "trading-core/src/main/java/Core.java", BUILT.minusSeconds(3600));
        source(dir, "service-kit/pom.xml", BUILT.minusSeconds(3600));
        source(dir, "service-kit/src/main/java/Kit.java", BUILT.minusSeconds(3600));
        for (String m : SERVICES) {
            source(dir, m + "/pom.xml", BUILT.minusSeconds(3600));
            source(dir, m + "/src/main/java/A.java", BUILT.minusSeconds(3600));
            source(dir, m + "/target/quarkus-app/quarkus-run.jar", BUILT);
        }
        source(dir, "soak-tests/pom.xml", BUILT.minusSeconds(3600));
        source(dir, "soak-tests/src/main/java/S.java", BUILT.minusSeconds(3600));
        source(dir, "soak-tests/target/soak-tests-0.1.0-SNAPSHOT.jar", BUILT);
        return dir;
    }

    private static void source(Path root, String path, Instant modified) throws IOException {
        Path f = root.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, "x");
        Files.setLastModifiedTime(f, FileTime.from(modified));
    }

    private static String staleOnly(Path repo) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", repo.resolve("soak").toString())
                .directory(repo.toFile())
                .redirectErrorStream(true);
        pb.environment().put("SOAK_STALE_ONLY", "1");
        pb.environment().remove("SOAK_REBUILD");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void freshJarsAreNotRebuilt(@TempDir Path dir) throws Exception {
        assertThat(staleOnly(repo(dir))).isEmpty();
    }

    @Test
    void anEditedServiceIsRebuiltAlone(@TempDir Path dir) throws Exception {
        Path repo = repo(dir);
        source(repo, "strategy-service/src/main/java/io/x/Edited.java", BUILT.plusSeconds(60));
        assertThat(staleOnly(repo)).isEqualTo("strategy-service");
    }

    @Test
    void anEditedTestDoesNotRebuildTheJar(@TempDir Path dir) throws Exception {
        Path repo = repo(dir);
        source(repo, "order-service/src/test/java/SomeTest.java", BUILT.plusSeconds(60));
        assertThat(staleOnly(repo)).isEmpty();
    }

    @Test
    void anEditedTradingCoreMakesEveryModuleStale(@TempDir Path dir) throws Exception {
        Path repo = repo(dir);
        source(repo, "trading-core/src/main/java/Core.java", BUILT.plusSeconds(60));
        assertThat(staleOnly(repo)).isEqualTo("market-data-service,strategy-service,order-service,soak-tests");
    }

    @Test
    void anEditedServiceKitMakesEveryServiceStaleButNotTheHarness(@TempDir Path dir) throws Exception {
        Path repo = repo(dir);
        source(repo, "service-kit/src/main/java/Kit.java", BUILT.plusSeconds(60));
        assertThat(staleOnly(repo)).isEqualTo("market-data-service,strategy-service,order-service");
    }

    @Test
    void aMissingJarIsStaleAndAnEditedHarnessToo(@TempDir Path dir) throws Exception {
        Path repo = repo(dir);
        Files.delete(repo.resolve("order-service/target/quarkus-app/quarkus-run.jar"));
        source(repo, "soak-tests/src/main/java/S.java", BUILT.plusSeconds(60));
        assertThat(staleOnly(repo)).isEqualTo("order-service,soak-tests");
    }
}
