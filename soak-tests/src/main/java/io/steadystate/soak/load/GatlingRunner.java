package io.steadystate.soak.load;

import io.steadystate.soak.report.RunReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs {@link SoakApiSimulation} in a child JVM (its own heap and threads, so Gatling never disturbs the harness's
 * sampling) with the harness's classpath. Gatling exits 2 when its assertions fail; its HTML report lands under
 * {@code <run>/gatling/}.
 */
public final class GatlingRunner {

    private final Path runDir;
    private Process process;
    private LoadPlan plan;

    public GatlingRunner(Path runDir) {
        this.runDir = runDir;
    }

    public void start(LoadPlan plan) throws IOException {
        Path dir = Files.createDirectories(runDir.resolve("gatling"));
        this.plan = plan;
        List<String> cmd = command(plan, dir);
        Files.writeString(dir.resolve("gatling.cmd"), String.join(" ", cmd) + "\n");
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("gatling.log").toFile());
        // the token goes through the environment, never the command line (ps, gatling.cmd)
        pb.environment().put(LoadPlan.TOKEN_ENV, plan.token());
        process = pb.start();
    }

    /** Gatling's JVM: its own heap, analytics off, the plan as system properties, the harness's classpath. */
    static List<String> command(LoadPlan plan, Path dir) {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseG1GC",
                "-Dgatling.data.enableAnalytics=false",
                // Gatling's stats writer reaches into java.lang (StringInternals); its Maven plugin opens it too
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-Djava.util.prefs.userRoot=" + dir.resolve("prefs")));
        plan.systemProperties().forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                "io.gatling.app.Gatling",
                "-s",
                SoakApiSimulation.class.getName(),
                "-rf",
                dir.toString()));
        return cmd;
    }

    /** Waits for Gatling to finish (it stops itself at maxDuration) and reads its outcome. */
    public RunReport.LoadResult await(Duration grace) {
        if (process == null) {
            return RunReport.LoadResult.notRun("Gatling not started");
        }
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroy();
                process.waitFor(10, TimeUnit.SECONDS);
                return new RunReport.LoadResult(
                        true, -1, false, index(), "Gatling did not finish in time; see gatling/gatling.log");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return new RunReport.LoadResult(true, -1, false, index(), "interrupted");
        }
        int exit = process.exitValue();
        String summary = summary();
        return new RunReport.LoadResult(
                true,
                exit,
                exit == 0,
                index(),
                (exit == 0 ? "assertions passed" : exit == 2 ? "assertions FAILED" : "Gatling exited " + exit) + " ("
                        + plan.assertions() + ")"
                        + (summary.isEmpty() ? "" : "; " + summary));
    }

    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    private String index() {
        try (Stream<Path> files = Files.walk(runDir.resolve("gatling"), 3)) {
            return files.filter(p -> p.getFileName().toString().equals("index.html"))
                    .findFirst()
                    .map(p -> runDir.relativize(p).toString())
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** The "Global Information" block Gatling prints: request count, KO, percentiles. */
    private String summary() {
        try {
            List<String> lines = Files.readAllLines(runDir.resolve("gatling/gatling.log"));
            List<String> out = new ArrayList<>();
            for (String l : lines) {
                String t = l.strip();
                if (t.startsWith("> request count")
                        || t.startsWith("> response time 99th")
                        || t.startsWith("> mean requests/sec")
                        || t.contains(": false")) {
                    out.add(t.replaceAll("\\s+", " ").replace("> ", ""));
                }
            }
            return String.join("; ", out.stream().limit(6).toList());
        } catch (IOException e) {
            return "";
        }
    }
}
