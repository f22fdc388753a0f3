package io.steadystate.soak.session;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.steadystate.soak.cli.RunCommand;
import io.steadystate.soak.profile.ProfileCatalog;
import io.steadystate.soak.report.ReportFiles;
import io.steadystate.soak.report.RunReport;
import io.steadystate.soak.stack.Fault;
import io.steadystate.soak.stack.ServiceId;
import io.steadystate.soak.stack.ServiceLauncher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Shared set-up of the end-to-end ITs: they need the three services built and implementing CONTRACTS.md. */
final class EndToEnd {

    record Outcome(int exit, RunReport report, String output, Path dir) {}

    private EndToEnd() {}

    static Path repoRoot() {
        return Path.of(System.getProperty("soak.module.dir", "."))
                .toAbsolutePath()
                .getParent();
    }

    /** Skips (not fails) when a service jar is missing: the services are built by their own modules. */
    static void assumeServicesBuilt() {
        ServiceLauncher launcher = ServiceLauncher.quarkusJars(repoRoot());
        for (ServiceId id : ServiceId.values()) {
            String missing = launcher.missing(id);
            assumeTrue(missing == null, "end-to-end soak skipped: " + missing);
        }
        assumeTrue(
                Files.isDirectory(repoRoot().resolve("soak-tests/target/kafka-libs")),
                "end-to-end soak skipped: soak-tests/target/kafka-libs missing");
    }

    static Outcome run(String profile, Duration duration, Fault fault, String name) throws Exception {
        return run(profile, duration, fault, name, null, null, true);
    }

    /** With a chaos plan and/or poison rate (null: none), and Gatling on or off. */
    static Outcome run(
            String profile,
            Duration duration,
            Fault fault,
            String name,
            io.steadystate.soak.chaos.ChaosPlan chaos,
            Double poison,
            boolean load)
            throws Exception {
        Path dir = repoRoot().resolve("soak-tests/target/soak-it").resolve(name);
        var p = ProfileCatalog.builtIn().get(profile);
        if (duration != null) {
            p = p.withDuration(duration);
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(
                new java.io.OutputStream() {
                    @Override
                    public void write(int b) {
                        buffer.write(b);
                        System.out.write(b);
                    }
                },
                true,
                StandardCharsets.UTF_8);
        // Prometheus when installed (.ci/run installs it): the run's dashboards and alert rules are then checked too
        SessionOptions options = new SessionOptions(
                p,
                fault,
                dir,
                repoRoot(),
                null,
                null,
                null,
                "steadystate-local",
                load,
                RunCommand.findOnPath("prometheus"),
                io.steadystate.soak.trace.TraceMode.LEAKS,
                chaos,
                poison);
        int exit = new SoakSession(options, ServiceLauncher.quarkusJars(repoRoot()), tee).run();
        RunReport report = ReportFiles.read(dir);
        // a service that is not finished yet (missing metrics or REST endpoints) is not a harness failure
        if (exit == 3
                && report.failure() != null
                && (report.failure().contains("does not export")
                        || report.failure().contains("does not implement"))) {
            assumeTrue(
                    false, "end-to-end soak skipped, services not implementing CONTRACTS.md yet: " + report.failure());
        }
        return new Outcome(exit, report, buffer.toString(StandardCharsets.UTF_8), dir);
    }
}
