package io.steadystate.soak.cli;

import io.steadystate.soak.profile.DurationText;
import io.steadystate.soak.profile.Profile;
import io.steadystate.soak.profile.ProfileCatalog;
import io.steadystate.soak.session.SessionOptions;
import io.steadystate.soak.session.SoakSession;
import io.steadystate.soak.stack.Fault;
import io.steadystate.soak.stack.ServiceLauncher;
import io.steadystate.soak.trace.TraceMode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "run",
        description =
                "Run a soak session and judge every service (exit 0 PASS, 1 LEAK, " + "2 INCONCLUSIVE, 3 run failed).")
public final class RunCommand implements Callable<Integer> {

    @Option(
            names = "--profile",
            paramLabel = "NAME",
            description = "session profile (see `soak profiles`); default: week")
    String profileName;

    @Option(names = "--profiles-file", paramLabel = "FILE", description = "a profiles YAML instead of the built-in one")
    Path profilesFile;

    @Option(names = "--duration", paramLabel = "D", description = "wall-clock duration, e.g. 90s, 10m, 1h")
    String duration;

    @Option(names = "--symbols", paramLabel = "N", description = "universe size")
    Integer symbols;

    @Option(names = "--speed", paramLabel = "X", description = "simulated seconds per wall second")
    Double speed;

    @Option(names = "--sample-interval", paramLabel = "D", description = "sampling period, e.g. 5s")
    String sampleInterval;

    @Option(
            names = "--fault",
            paramLabel = "SERVICE:MODE[:RATE]",
            description = "switch on a leak fault, e.g. strategy:rally-cache (positive control)")
    String fault;

    @Option(
            names = "--chaos",
            paramLabel = "SPEC",
            arity = "0..1",
            fallbackValue = "default",
            description =
                    "kill -9 each service in turn and then the broker at random points (seeded), restart them and "
                            + "judge delivery and recovery; SPEC = targets=market-data+strategy+order+broker,seed=42,from=0.15,"
                            + "to=0.6,rounds=1 (every key optional; no SPEC = these defaults)")
    String chaos;

    @Option(names = "--no-chaos", description = "run a profile that declares chaos (e.g. chaos) without it")
    boolean noChaos;

    @Option(
            names = "--poison",
            paramLabel = "RATE",
            description = "hostile records per second onto market.events, strategy.signals and strategy.params; each "
                    + "must land in its DLQ with the right reason")
    Double poison;

    @Option(
            names = {"--budget", "--budget-mb-per-day"},
            paramLabel = "MB",
            description =
                    "allowed post-GC heap growth per PRODUCTION day of the workload (default from the profile: 1)")
    Double budget;

    @Option(
            names = "--workload",
            paramLabel = "K=V,…",
            description =
                    "the production day to project onto: symbols=1000,ticks=20000 (per symbol per day),"
                            + "orders=50000,listings=0.01 (share of the universe a day),heap=256m; keys left out keep the default")
    String workload;

    @Option(
            names = "--ticks-per-symbol-per-second",
            paramLabel = "R",
            description = "tick rate per symbol per simulated second (raises the soak's density)")
    Double tickRate;

    @Option(
            names = "--target",
            paramLabel = "URLS",
            description = "a deployed stack instead of the local one: market-data,strategy,order base URLs")
    String targets;

    @Option(names = "--prometheus", paramLabel = "URL", description = "Prometheus of the deployed stack")
    String prometheus;

    @Option(names = "--bootstrap-servers", paramLabel = "HOSTS", description = "Kafka of the deployed stack (for lag)")
    String bootstrap;

    @Option(names = "--no-load", description = "do not run Gatling")
    boolean noLoad;

    @Option(
            names = "--trace",
            description = "leak-trace every local service (heap dumps at both ends of the window),"
                    + " not only those judged LEAK")
    boolean trace;

    @Option(names = "--no-trace", description = "take no heap dumps, so no leak traces even on LEAK")
    boolean noTrace;

    @CommandLine.Mixin
    RunDirOptions runDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Validates the arguments into options; an invalid combination is a ParameterException (exit 3). */
    SessionOptions options() {
        try {
            ProfileCatalog catalog =
                    profilesFile == null ? ProfileCatalog.builtIn() : ProfileCatalog.fromFile(profilesFile);
            Profile p = profileName == null ? catalog.defaultProfile() : catalog.get(profileName);
            if (duration != null) {
                p = p.withDuration(DurationText.parse(duration));
            }
            if (symbols != null) {
                p = p.withSymbols(symbols);
            }
            if (speed != null) {
                p = p.withSpeed(speed);
            }
            if (sampleInterval != null) {
                p = p.withSampleInterval(DurationText.parse(sampleInterval));
            }
            if (budget != null) {
                p = p.withBudget(budget);
            }
            if (workload != null) {
                p = p.withWorkload(io.steadystate.soak.verdict.Workload.parse(workload));
            }
            if (tickRate != null) {
                p = p.withTicksPerSymbolPerSecond(tickRate);
            }
            if (prometheus != null && targets == null) {
                throw new IllegalArgumentException("--prometheus needs --target (the local stack runs its own)");
            }
            if (targets != null) {
                io.steadystate.soak.stack.RemoteStack.parse(targets, prometheus, bootstrap); // validates the URLs now
            }
            Fault f = fault == null ? null : Fault.parse(fault);
            if (f != null && targets != null) {
                throw new IllegalArgumentException("--fault works on the local stack only (it sets service config)");
            }
            if (trace && noTrace) {
                throw new IllegalArgumentException("--trace and --no-trace exclude each other");
            }
            String chaosSpec = noChaos
                    ? null
                    : chaos != null ? chaos : catalog.chaos(p.name()).orElse(null);
            io.steadystate.soak.chaos.ChaosPlan plan =
                    chaosSpec == null ? null : io.steadystate.soak.chaos.ChaosPlan.parse(chaosSpec);
            if ((plan != null || poison != null) && targets != null) {
                throw new IllegalArgumentException("--chaos and --poison work on the local stack only");
            }
            if (poison != null && !(poison > 0 && poison <= 1000)) {
                throw new IllegalArgumentException("--poison takes records per second in (0, 1000], got " + poison);
            }
            Path root = runDir.repoRoot();
            Path dir = runDir.runDir(p.name());
            return new SessionOptions(
                    p,
                    f,
                    dir.toAbsolutePath(),
                    root.toAbsolutePath(),
                    targets,
                    prometheus,
                    bootstrap,
                    runDir.token(),
                    !noLoad,
                    findOnPath("prometheus"),
                    trace ? TraceMode.ALL : noTrace ? TraceMode.OFF : TraceMode.LEAKS,
                    plan,
                    poison);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    @Override
    public Integer call() {
        SessionOptions options = options();
        SoakSession session = new SoakSession(options, ServiceLauncher.quarkusJars(options.repoRoot()), System.out);
        return new StopOnSignal().run(session);
    }

    /** The first executable {@code binary} on the PATH (the local stack's Prometheus, when installed). */
    public static Optional<Path> findOnPath(String binary) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, binary);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
