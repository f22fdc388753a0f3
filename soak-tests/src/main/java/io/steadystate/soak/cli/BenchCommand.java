package io.steadystate.soak.cli;

import io.steadystate.soak.bench.BenchOptions;
import io.steadystate.soak.bench.BenchResult;
import io.steadystate.soak.bench.BenchRunner;
import io.steadystate.soak.profile.DurationText;
import io.steadystate.soak.stack.ServiceLauncher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./soak bench}: the pipeline's throughput and latency against raw Kafka measured in the same run (see
 * soak-tests/README.md, "Benchmark"). Reports, never gates: exit 0 when it ran, 3 when the run itself failed.
 */
@Command(
        name = "bench",
        description = "Benchmark: raw Kafka limit, pipeline and null pipeline sustained rates "
                + "(upward search), latency at fixed loads; median (min–max) over repetitions; bench.json in the run dir "
                + "(exit 0 ran, 3 run failed).")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--reps", paramLabel = "N", description = "repetitions (default 3; --quick: 1)")
    Integer reps;

    @Option(
            names = "--duration-per-step",
            paramLabel = "D",
            description = "measured time per step, e.g. 20s (default 20s; --quick: 5s)")
    String step;

    @Option(
            names = "--loads",
            paramLabel = "L,L,…",
            split = ",",
            description = "fixed loads for the latency steps, ticks/s (default 1000,10000,50000; --quick: 1000)")
    List<Long> loads;

    @Option(names = "--symbols", paramLabel = "N", defaultValue = "500", description = "market universe (default 500)")
    int symbols;

    @Option(
            names = "--ticks-per-symbol-per-second",
            paramLabel = "X",
            defaultValue = "0.05",
            description = "simulated ticks per symbol per simulated second (default 0.05: an M1 bar is 3 ticks, so "
                    + "signals are frequent enough for p99.9)")
    double ticksPerSymbolPerSecond;

    @Option(names = "--heap", defaultValue = "384m", description = "service heap (-Xms = -Xmx), default 384m")
    String heap;

    @Option(names = "--jfr", description = "record a JFR of every service during repetition 1's unthrottled step")
    boolean jfr;

    @Option(
            names = "--set",
            paramLabel = "SERVICE:KEY=VALUE",
            description = "extra system property on a service JVM, repeatable, e.g. "
                    + "strategy:mp.messaging.incoming.market-events.tracing-enabled=false")
    List<String> sets;

    @Option(
            names = "--search-steps",
            paramLabel = "N",
            description = "timed steps per upward search of a sustained rate, pipeline and null pipeline each "
                    + "(default 5; --quick: 2)")
    Integer searchSteps;

    @Option(
            names = "--quick",
            description = "CI smoke: 1 repetition, 5 s steps, 2 search steps, 1 load, small raw runs (a few minutes)")
    boolean quick;

    @CommandLine.Mixin
    RunDirOptions runDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    BenchOptions options() {
        try {
            Path root = runDir.repoRoot();
            Path dir = runDir.runDir("bench");
            int n = reps != null ? reps : quick ? 1 : 3;
            Duration d =
                    step != null ? DurationText.parse(step) : quick ? Duration.ofSeconds(5) : Duration.ofSeconds(20);
            List<Long> l = loads != null ? loads : quick ? List.of(1_000L) : Arrays.asList(1_000L, 10_000L, 50_000L);
            if (symbols < 1 || !(ticksPerSymbolPerSecond > 0)) {
                throw new IllegalArgumentException("--symbols and --ticks-per-symbol-per-second must be positive");
            }
            java.util.Map<io.steadystate.soak.stack.ServiceId, java.util.Map<String, String>> extra =
                    new java.util.EnumMap<>(io.steadystate.soak.stack.ServiceId.class);
            for (String set : sets == null ? List.<String>of() : sets) {
                int colon = set.indexOf(':');
                int eq = set.indexOf('=', colon + 1);
                if (colon < 1 || eq < colon + 2) {
                    throw new IllegalArgumentException("--set wants SERVICE:KEY=VALUE, was '" + set + "'");
                }
                extra.computeIfAbsent(
                                io.steadystate.soak.stack.ServiceId.parse(set.substring(0, colon)),
                                k -> new java.util.LinkedHashMap<>())
                        .put(set.substring(colon + 1, eq), set.substring(eq + 1));
            }
            return new BenchOptions(
                    n,
                    d,
                    l,
                    dir.toAbsolutePath(),
                    root.toAbsolutePath(),
                    quick,
                    runDir.token(),
                    heap,
                    symbols,
                    ticksPerSymbolPerSecond,
                    jfr,
                    extra,
                    searchSteps != null ? searchSteps : quick ? 2 : 5);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    @Override
    public Integer call() {
        BenchOptions options = options();
        // the services run from a copy of their quarkus-app: a rebuild during the bench must not pull jars away
        BenchRunner runner = new BenchRunner(
                options,
                ServiceLauncher.quarkusJars(
                        io.steadystate.soak.bench.AppSnapshot.copy(options.repoRoot(), options.runDir())),
                System.out);
        Thread hook = new Thread(runner::requestStopAndWait, "bench-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        BenchResult result = runner.run();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // Ctrl-C
        }
        System.out.println("bench: " + options.runDir().resolve("bench.json"));
        return result.failure() == null ? 0 : SoakCli.RUN_FAILED;
    }
}
