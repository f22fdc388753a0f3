package io.steadystate.soak.cli;

import io.steadystate.soak.profile.DurationText;
import io.steadystate.soak.profile.Profile;
import io.steadystate.soak.profile.ProfileCatalog;
import io.steadystate.soak.report.ReportFiles;
import io.steadystate.soak.report.RunReport;
import io.steadystate.soak.session.Calibration;
import io.steadystate.soak.session.SessionOptions;
import io.steadystate.soak.session.SoakSession;
import io.steadystate.soak.stack.Fault;
import io.steadystate.soak.stack.ServiceId;
import io.steadystate.soak.stack.ServiceLauncher;
import io.steadystate.soak.verdict.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./soak calibrate}: the harness's detection power, measured. Plants strategy-service's
 * {@code bytes-per-kilotick} leak at each rate, then runs clean sessions; each is a full soak of the profile, one
 * after the other (they share the machine). Prints and writes {@code calibration.json}.
 */
@Command(
        name = "calibrate",
        description =
                "Plant a leak of known bytes per tick at several rates and run clean "
                        + "sessions: report the smallest rate found LEAK and the false LEAKs (exit 0 when it ran, 3 if a run failed).")
final class CalibrateCommand implements Callable<Integer> {

    @Option(names = "--profile", paramLabel = "NAME", description = "session profile (default: the default profile)")
    String profileName;

    @Option(names = "--duration", paramLabel = "D", description = "wall-clock duration of each run")
    String duration;

    @Option(
            names = "--rates",
            paramLabel = "B,…",
            split = ",",
            defaultValue = "0.1,1,10",
            description = "planted leak rates in bytes per tick (default 0.1,1,10)")
    double[] rates;

    @Option(names = "--clean", paramLabel = "N", defaultValue = "2", description = "clean sessions (default 2)")
    int cleanRuns;

    @Option(names = "--workload", paramLabel = "K=V,…", description = "production day to project onto (see run)")
    String workload;

    @Option(
            names = {"--budget", "--budget-mb-per-day"},
            paramLabel = "MB",
            description = "MB per production day")
    Double budget;

    @Option(names = "--no-load", description = "do not run Gatling")
    boolean noLoad;

    @CommandLine.Mixin
    RunDirOptions runDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    // one hook per run, one flag for the whole calibration: a signal stops the current run and starts no other
    private final StopOnSignal stop = new StopOnSignal();

    Profile profile() {
        try {
            ProfileCatalog catalog = ProfileCatalog.builtIn();
            Profile p = profileName == null ? catalog.defaultProfile() : catalog.get(profileName);
            if (duration != null) {
                p = p.withDuration(DurationText.parse(duration));
            }
            if (workload != null) {
                p = p.withWorkload(Workload.parse(workload));
            }
            if (budget != null) {
                p = p.withBudget(budget);
            }
            if (rates.length == 0 || Arrays.stream(rates).anyMatch(r -> !(r >= 0.001))) {
                throw new IllegalArgumentException(
                        "--rates must be bytes per tick >= 0.001, got " + Arrays.toString(rates));
            }
            if (cleanRuns < 0) {
                throw new IllegalArgumentException("--clean must be >= 0");
            }
            return p;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    @Override
    public Integer call() throws Exception {
        Profile p = profile();
        Path root = runDir.repoRoot().toAbsolutePath();
        Path out = runDir.runDir("calibrate-" + p.name()).toAbsolutePath();
        Files.createDirectories(out);
        List<Calibration.Planted> planted = new ArrayList<>();
        List<Calibration.Clean> clean = new ArrayList<>();
        boolean failed = false;
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        for (double rate : sorted) {
            // the fault's rate is an integer of bytes per 1,000 ticks (CONTRACTS.md)
            int perKilotick = (int) Math.round(rate * 1000);
            Path dir = out.resolve(String.format(Locale.ROOT, "leak-%sB", rateName(rate)));
            RunReport r = run(p, new Fault(ServiceId.STRATEGY, "bytes-per-kilotick", perKilotick), dir, root);
            failed |= r.failure() != null;
            planted.add(Calibration.planted(
                    perKilotick / 1000.0, p.workload(), r, out.relativize(dir).toString()));
        }
        for (int i = 1; i <= cleanRuns; i++) {
            Path dir = out.resolve("clean-" + i);
            RunReport r = run(p, null, dir, root);
            failed |= r.failure() != null;
            clean.add(Calibration.clean(r, out.relativize(dir).toString()));
        }
        Calibration c = new Calibration(p.name(), p.workload(), p.budgetMbPerDay(), planted, clean);
        ReportFiles.mapper().writeValue(out.resolve("calibration.json").toFile(), c);
        System.out.println();
        System.out.print(c.summary());
        System.out.println("soak: calibration written to " + out.resolve("calibration.json"));
        return failed ? SoakCli.RUN_FAILED : 0;
    }

    private RunReport run(Profile p, Fault fault, Path dir, Path root) {
        if (stop.signalled()) {
            throw new CommandLine.ExecutionException(spec.commandLine(), "soak calibrate: stopped by a signal");
        }
        SessionOptions o = new SessionOptions(
                p, fault, dir, root, null, null, null, runDir.token(), !noLoad, RunCommand.findOnPath("prometheus"));
        System.out.println("soak calibrate: "
                + (fault == null ? "clean run" : "planted " + fault + " rate " + fault.rate() + " bytes/1000 ticks")
                + " → " + dir);
        stop.run(new SoakSession(o, ServiceLauncher.quarkusJars(root), System.out));
        return ReportFiles.read(dir);
    }

    /** 0.1 → "0.1", 10 → "10": run directory names that read as the rate. */
    static String rateName(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }
}
