package io.steadystate.soak.session;

import io.steadystate.soak.dashboards.DashboardsReport;
import io.steadystate.soak.load.GatlingRunner;
import io.steadystate.soak.load.LoadPlan;
import io.steadystate.soak.profile.Profile;
import io.steadystate.soak.report.ReportFiles;
import io.steadystate.soak.report.RunReport;
import io.steadystate.soak.sampling.MetricsSource;
import io.steadystate.soak.sampling.Sample;
import io.steadystate.soak.sampling.Sampler;
import io.steadystate.soak.sampling.SamplingOverhead;
import io.steadystate.soak.stack.Http;
import io.steadystate.soak.stack.MarketClient;
import io.steadystate.soak.stack.RunFailure;
import io.steadystate.soak.stack.ServiceEndpoint;
import io.steadystate.soak.stack.ServiceId;
import io.steadystate.soak.stack.ServiceLauncher;
import io.steadystate.soak.stack.Stack;
import io.steadystate.soak.stack.StackPlan;
import io.steadystate.soak.trace.LeakTrace;
import io.steadystate.soak.trace.LeakTraceText;
import io.steadystate.soak.trace.TraceCapture;
import io.steadystate.soak.verdict.Check;
import io.steadystate.soak.verdict.Judgement;
import io.steadystate.soak.verdict.Outcome;
import io.steadystate.soak.verdict.VerdictPolicy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * One soak run end to end: start (or reach) the stack, check it honours the contract, start the market and the
 * API load, sample until the duration is over (or Ctrl-C), stop the market and let lag drain, judge, write the
 * report, tear down. Returns the exit code; a {@link RunFailure} anywhere becomes exit 3 with its reason in the
 * report and on the terminal.
 */
public final class SoakSession {

    /** After the market stops: how often, and how long at most, the drain samples until lag is zero and counters rest. */
    private static final Duration DRAIN_POLL = Duration.ofSeconds(2);

    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);

    private final SessionOptions options;
    private final ServiceLauncher launcher;
    private final PrintStream out;
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final List<String> notes = new ArrayList<>();
    private final TraceCapture trace;
    private final List<Check> dashboardChecks = new ArrayList<>();
    private final RunDashboards dashboards;
    private Disruptions disruptions = Disruptions.none();

    public SoakSession(SessionOptions options, ServiceLauncher launcher, PrintStream out) {
        this.options = options;
        this.launcher = launcher;
        this.out = out;
        this.dashboards = new RunDashboards(options);
        this.trace = new TraceCapture(
                options.trace(), options.runDir().resolve("heapdumps"), m -> out.println("soak: " + m));
    }

    /** Ctrl-C: ask the loop to stop and write what it has; give it a while, the stack is closed either way. */
    public void requestStop() {
        stopRequested.set(true);
    }

    public boolean awaitFinished(Duration d) throws InterruptedException {
        return finished.await(d.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int run() {
        Profile p = options.profile();
        Path runDir = options.runDir();
        Instant started = Instant.now();
        VerdictPolicy policy = policy(p);
        List<Sample> samples = new ArrayList<>();
        Stack stack = null;
        Sampler sampler = null;
        GatlingRunner gatling = null;
        RunReport.LoadResult load = RunReport.LoadResult.notRun("no API load in this run");
        String failure = null;
        String stackText = "not started";
        String metricsText = "none";
        Sample drained = null;
        try {
            Files.createDirectories(runDir);
            out.printf(
                    Locale.ROOT,
                    "soak: profile %s — %s%n      %s, ≈ %.1f days of simulated market hours (nights and weekends are jumped, so the"
                            + " calendar advances further), ≈ %.0f ticks/s; run dir %s%n",
                    p.name(),
                    p.description(),
                    p.duration(),
                    p.simulatedDays(),
                    p.wallTicksPerSecond(),
                    runDir);
            StackBringUp bringUp = new StackBringUp(options, out);
            stack = bringUp.start(() -> plan(options, launcher));
            stackText = stack.describe();
            Http http = new Http(options.apiToken());
            MetricsSource metrics = stack.prometheus()
                    .map(u -> MetricsSource.prometheus(http, u))
                    .orElseGet(() -> MetricsSource.direct(http));
            metricsText = metrics.describe();
            out.println("soak: " + stackText);
            bringUp.preflight(stack, http);
            MarketClient marketClient = MarketClient.of(http, stack.service(ServiceId.MARKET_DATA));
            MarketControl market = new MarketControl(marketClient, notes);
            market.start();
            sampler = new Sampler(stack, metrics, marketClient, runDir.resolve(HistogramFiles.DIR), p.speed());
            disruptions = Disruptions.start(options, stack, http, marketClient, sampler, out);
            boolean local = stack.services().stream().allMatch(ServiceEndpoint::local);
            if (options.withLoad() && p.orderApi().users() > 0) {
                gatling = new GatlingRunner(runDir);
                gatling.start(LoadPlan.of(
                        p,
                        stack.service(ServiceId.ORDER).baseUrl().toString(),
                        stack.service(ServiceId.MARKET_DATA).baseUrl().toString(),
                        options.apiToken()));
                out.printf(
                        Locale.ROOT,
                        "soak: Gatling started (%d users ≤ %.0f rps), log in gatling/gatling.log%n",
                        p.orderApi().users(),
                        p.orderApi().rps());
            }
            samples.addAll(new SamplingPhase(out, trace, stopRequested::get)
                    .run(stack, sampler, market, p, policy, local, disruptions));
            disruptions.stop();
            trace.atWindowEnd(stack.services());
            Sampler drainSampler = sampler;
            int drainSeq = samples.size();
            drained = market.drain(() -> drainSampler.sample(drainSeq, false), local, out, DRAIN_POLL, DRAIN_LIMIT);
            disruptions.audit(stack, http);
            dashboardsOnRun(stack, started, samples);
            if (gatling != null) {
                load = gatling.await(Duration.ofSeconds(stopRequested.get() ? 5 : 60));
            }
            if (!sampler.clockMeasured()) {
                notes.add("market-data exported no simulated clock: simulated days assumed = wall time × speed");
            }
        } catch (RunFailure e) {
            failure = e.getMessage();
        } catch (IOException | RuntimeException e) {
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
        } finally {
            disruptions.abort();
            if (gatling != null) {
                gatling.stop();
            }
            if (sampler != null) {
                sampler.close();
            }
            if (stack != null) {
                out.println("soak: stopping the stack…");
                stack.close();
            }
        }
        return finish(
                started,
                policy,
                samples,
                drained,
                load,
                failure,
                stackText,
                metricsText,
                stack,
                sampler == null ? SamplingOverhead.NONE : sampler.overhead());
    }

    /** The profile's budget (per production day of its workload), RSS budget and warm-up floor. */
    public static VerdictPolicy policy(Profile p) {
        return VerdictPolicy.defaults()
                .withBudget(p.budgetMbPerDay())
                .withRssBudget(p.rssBudgetMbPerDay())
                .withWarmupFloor(p.warmupFraction())
                .withWorkload(p.workload());
    }

    private int finish(
            Instant started,
            VerdictPolicy policy,
            List<Sample> samples,
            Sample drained,
            RunReport.LoadResult load,
            String failure,
            String stackText,
            String metricsText,
            Stack stack,
            SamplingOverhead overhead) {
        Path runDir = options.runDir();
        List<String> services =
                Stream.of(ServiceId.values()).map(ServiceId::module).toList();
        Judgement.Result result;
        List<Check> extra = new ArrayList<>();
        extra.addAll(dashboardChecks);
        if (load.ran()) {
            // under chaos requests fail while a service is down by plan: the business-flow check judges instead
            extra.add(new Check(
                    "api-load",
                    ServiceId.ORDER.module(),
                    load.assertionsPassed() || options.chaos() != null,
                    (options.chaos() != null ? "not judged under chaos (planned outages); " : "") + "Gatling: "
                            + load.summary()));
        }
        extra.addAll(disruptions.checks(samples, options.profile()));
        if (failure == null && samples.size() >= 2 && disruptions.chaos()) {
            // planned restarts: each service judged on its last process segment; accounting from the topics
            result = SegmentJudgement.judge(
                    policy,
                    services,
                    samples,
                    (svc, seq) -> HistogramFiles.read(runDir, svc, seq),
                    extra,
                    disruptions.kills());
        } else if (failure == null && samples.size() >= 2) {
            // poison: the counters count hostile ticks too, so the accounting is the topic audit's (drained = null)
            result = new Judgement(policy)
                    .judge(
                            services,
                            samples,
                            disruptions.active() ? null : drained,
                            (svc, seq) -> HistogramFiles.read(runDir, svc, seq),
                            extra);
        } else {
            result = new Judgement.Result(List.of(), extra, Outcome.INCONCLUSIVE);
        }
        HistogramFiles.prune(runDir, result);
        // after Ctrl-C the shutdown hook waits 90 s at most: no time for Shark
        List<LeakTrace> traces = stopRequested.get()
                ? trace.discard()
                : trace.trace(result.services().stream()
                        .filter(v -> v.outcome() == Outcome.LEAK)
                        .map(v -> v.service())
                        .collect(java.util.stream.Collectors.toSet()));
        Map<String, String> logs = new LinkedHashMap<>();
        if (stack != null) {
            stack.logs().forEach((k, v) -> logs.put(k, v.toString()));
        }
        if (Files.exists(runDir.resolve("gatling/gatling.log"))) {
            logs.put("gatling", "gatling/gatling.log");
        }
        int exit = failure != null ? 3 : result.overall().exitCode();
        RunReport report = new RunReport(
                1,
                new RunReport.Meta(
                        options.profile().name(),
                        options.profile(),
                        options.fault() == null ? null : options.fault().toString(),
                        started,
                        Instant.now(),
                        stackText,
                        metricsText,
                        samples.stream().anyMatch(s -> s.clock().simulatedEpochSeconds() != null),
                        policy,
                        logs,
                        dashboards.files(),
                        List.copyOf(notes)),
                List.copyOf(samples),
                result.services(),
                result.checks(),
                load,
                result.overall(),
                exit,
                failure,
                overhead,
                traces,
                disruptions.report(samples, options.profile()),
                null);
        try {
            ReportFiles.writeAll(runDir, report);
        } catch (RuntimeException e) {
            out.println("soak: could not write the report: " + e.getMessage());
        }
        printSummary(report);
        finished.countDown();
        return exit;
    }

    /** The local stack of a run: the profile's market and heap, the fault if any, Prometheus when on the PATH. */
    static StackPlan plan(SessionOptions options, ServiceLauncher launcher) {
        Profile p = options.profile();
        StackPlan plan = StackPlan.of(
                        options.repoRoot(),
                        options.runDir(),
                        launcher,
                        p.heap(),
                        new StackPlan.Market(
                                p.symbols(),
                                p.ticksPerSymbolPerSecond(),
                                p.speed(),
                                p.maxTicksPerSecond(),
                                p.churnPerDay()),
                        options.apiToken())
                .withPrometheus(options.prometheusBinary());
        return options.fault() == null ? plan : plan.withFault(options.fault());
    }

    /** Every panel of k8s/dashboards on this run's Prometheus, over the sampled window (not the drain): dashboards.html + checks. */
    private void dashboardsOnRun(Stack stack, Instant started, List<Sample> samples) {
        DashboardsReport d = dashboards.evaluate(stack, started, samples);
        dashboardChecks.addAll(d.checks());
        notes.add(
                d.unavailable() == null
                        ? "dashboards evaluated on this run's Prometheus: dashboards.html"
                        : d.unavailable());
    }

    private void printSummary(RunReport r) {
        out.println();
        if (r.failure() != null) {
            out.println("soak: RUN FAILED (exit 3): " + r.failure());
        }
        VerdictText.print(out, r);
        r.leakTraces().forEach(t -> out.print(LeakTraceText.render(t).indent(2)));
        out.printf(
                Locale.ROOT,
                "soak: %s (exit %d) — report %s%n",
                r.outcome(),
                r.exitCode(),
                options.runDir().resolve(ReportFiles.HTML));
    }
}
