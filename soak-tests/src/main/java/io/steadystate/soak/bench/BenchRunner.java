package io.steadystate.soak.bench;

import io.steadystate.core.kafka.Topics;
import io.steadystate.soak.stack.Http;
import io.steadystate.soak.stack.LocalStack;
import io.steadystate.soak.stack.RunFailure;
import io.steadystate.soak.stack.ServiceEndpoint;
import io.steadystate.soak.stack.ServiceId;
import io.steadystate.soak.stack.ServiceLauncher;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./soak bench} end to end on the local stack (Kafka broker + the three services, no Prometheus). Per
 * repetition, with the market paused while Kafka alone is measured:
 * <ol>
 *   <li>raw: ProducerPerformance then ConsumerPerformance, record size = one tick, scratch topic with the
 *       partitions of market.events;</li>
 *   <li>one hop: own producer→consumer probe in µs at 1,000 records/s (the latency floor of one Kafka hop);</li>
 *   <li>unthrottled: market-data with no tick cap — ticks/s processed by strategy and order, lag trend; if lag
 *       grew, a second step capped at 90 % of what the consumers managed checks that rate is sustained;</li>
 *   <li>latency at each fixed load: tick→signal, tick→order, tick→fill percentiles from originMicros.</li>
 * </ol>
 * The stack is started once for all repetitions; every step ends by pausing the market and letting the consumers
 * drain, so the next step starts without backlog.
 */
public final class BenchRunner {

    /** Simulated seconds per wall second: far above what is needed, so only the tick cap (or nothing) paces. */
    static final double SPEED = 1_000_000;
    static final int ONE_HOP_RATE = 1_000;

    private final BenchOptions options;
    private final ServiceLauncher launcher;
    private final PrintStream out;
    private final List<String> notes = new ArrayList<>();
    private volatile boolean stopRequested;
    private final java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
    private boolean marketStarted;
    private BacklogDiscard backlog;
    private long discarded;

    public BenchRunner(BenchOptions options, ServiceLauncher launcher, PrintStream out) {
        this.options = options;
        this.launcher = launcher;
        this.out = out;
    }

    /** Ctrl-C: finish the current step, tear the stack down, write what was measured (waits ≤ 90 s for that). */
    public void requestStopAndWait() {
        stopRequested = true;
        try {
            finished.await(90, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs the bench, writes bench.json (also on failure, with the reason) and prints the table. */
    public BenchResult run() {
        Instant started = Instant.now();
        Map<ServiceId, Map<String, String>> props = serviceProperties();
        List<BenchResult.Rep> reps = new ArrayList<>();
        String failure = null;
        String stackText = "not started";
        LocalStack stack = null;
        try {
            Files.createDirectories(options.runDir());
            progress(String.format(Locale.ROOT, "%d repetition(s), %s per step, loads %s ticks/s%s; run dir %s",
                    options.reps(), options.step(), options.loads(), options.quick() ? " (quick)" : "", options.runDir()));
            stack = LocalStack.start(new LocalStack.Config(options.runDir(),
                    options.repoRoot().resolve("soak-tests/target/kafka-libs"), launcher, options.heap(), props,
                    options.apiToken(), Optional.empty(), Duration.ofSeconds(120), this::progress));
            stackText = stack.describe();
            String bootstrap = stack.bootstrapServers().orElseThrow();
            Http http = new Http(options.apiToken());
            KafkaPerfTools tools = new KafkaPerfTools(options.repoRoot().resolve("soak-tests/target/kafka-libs"),
                    options.runDir().resolve("bench"), bootstrap);
            createScratchTopics(bootstrap);
            try (PipelineProbe pipeline = new PipelineProbe(stack, http, bootstrap);
                 EventLatencyProbe latency = new EventLatencyProbe(bootstrap);
                 BacklogDiscard discard = new BacklogDiscard(bootstrap)) {
                backlog = discard;
                pipeline.counters();   // fails fast (exit 3) when a consumer does not export its tick counter
                warmUp(tools, stack, http, pipeline);
                for (int rep = 1; rep <= options.reps() && !stopRequested; rep++) {
                    reps.add(repetition(rep, tools, stack, http, pipeline, latency, bootstrap));
                }
                if (discarded > 0) {
                    notes.add(String.format(Locale.ROOT, "%,d market events of backlog (made by steps the consumers could "
                            + "not keep up with) were discarded with Admin.deleteRecords instead of drained", discarded));
                }
                if (pipeline.sawLazyCounters()) {
                    notes.add("market-data-service exported no steadystate_marketdata_events_published_total{type=\"tick\"} "
                            + "before its first publish (CONTRACTS.md: meters are registered eagerly); read as 0");
                }
            }
        } catch (RunFailure e) {
            failure = e.getMessage();
        } catch (IOException | RuntimeException e) {
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
        } finally {
            if (stack != null) {
                progress("stopping the stack…");
                stack.close();
            }
            AppSnapshot.delete(options.runDir().resolve("apps"));
            // the broker's log segments (GBs after an unthrottled step) are of no use once the figures are in
            AppSnapshot.delete(options.runDir().resolve("kafka").resolve("data"));
        }
        if (stopRequested && failure == null) {
            failure = "interrupted (Ctrl-C) after " + reps.size() + " repetition(s)";
        }
        BenchResult result = new BenchResult(BenchResult.SCHEMA, started, Instant.now(), settings(props), stackText,
                List.copyOf(reps), BenchSummary.of(reps), List.copyOf(notes), failure);
        try {
            BenchFiles.write(options.runDir(), result);
            BenchText.print(result, out);
        } finally {
            finished.countDown();
        }
        return result;
    }

    private Map<ServiceId, Map<String, String>> serviceProperties() {
        Map<ServiceId, Map<String, String>> props = new EnumMap<>(ServiceId.class);
        Map<String, String> market = new LinkedHashMap<>();
        market.put("steadystate.market.seed", "42");
        market.put("steadystate.market.symbols", Integer.toString(options.symbols()));
        market.put("steadystate.market.ticks-per-symbol-per-second", Double.toString(options.ticksPerSymbolPerSecond()));
        market.put("steadystate.market.speed", Double.toString(SPEED));
        market.put("steadystate.market.max-ticks-per-second", Long.toString(options.loads().get(0)));
        market.put("steadystate.market.churn-per-day", "0");
        market.put("steadystate.market.autostart", "false");
        props.put(ServiceId.MARKET_DATA, market);
        props.put(ServiceId.STRATEGY, new LinkedHashMap<>(Map.of("steadystate.strategy.max-symbols",
                Integer.toString(options.symbols() * 2 + 50))));
        // risk limits out of the way: every signal becomes an order (the bench measures work, not rejections)
        props.put(ServiceId.ORDER, new LinkedHashMap<>(Map.of("steadystate.order.max-orders-per-second", "1000000",
                "steadystate.order.max-open-orders", "100000")));
        options.extra().forEach((id, p) -> props.get(id).putAll(p));
        return props;
    }

    private BenchResult.Settings settings(Map<ServiceId, Map<String, String>> props) {
        Map<String, Map<String, String>> overrides = new LinkedHashMap<>();
        props.forEach((id, p) -> overrides.put(id.module(), Map.copyOf(p)));
        return new BenchResult.Settings(options.reps(), options.step().toMillis() / 1000.0, options.loads(),
                options.quick(), options.symbols(), options.ticksPerSymbolPerSecond(), BenchOptions.RECORD_SIZE,
                options.rawRecords(), Topics.DEFAULT_PARTITIONS, ONE_HOP_RATE, options.heap(), overrides);
    }

    private void createScratchTopics(String bootstrap) {
        List<NewTopic> topics = new ArrayList<>();
        for (int rep = 0; rep <= options.reps(); rep++) {
            topics.add(new NewTopic(rawTopic(rep), Topics.DEFAULT_PARTITIONS, (short) 1));
        }
        topics.add(new NewTopic("bench.one-hop", 1, (short) 1));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new RunFailure("could not create the bench scratch topics: " + e.getMessage(), e);
        }
    }

    private static String rawTopic(int rep) {
        return "bench.raw." + rep;
    }

    /** The first runs after a start are ~3× slower (JIT, page cache): one small raw run and a short pipeline run. */
    private void warmUp(KafkaPerfTools tools, LocalStack stack, Http http, PipelineProbe pipeline) {
        progress("warm-up: broker (ProducerPerformance, not recorded) and pipeline at " + options.loads().get(0)
                + " ticks/s…");
        tools.produce(rawTopic(0), options.rawRecords() / 3, BenchOptions.RECORD_SIZE, "warmup-producer");
        setRate(stack, http, Math.max(options.loads().get(0), 5_000));
        runMarket(stack, http);
        sleep(options.quick() ? Duration.ofSeconds(3) : Duration.ofSeconds(10));
        pauseAndDrain(stack, http, pipeline);
    }

    private BenchResult.Rep repetition(int rep, KafkaPerfTools tools, LocalStack stack, Http http,
                                       PipelineProbe pipeline, EventLatencyProbe latency, String bootstrap) {
        progress("repetition " + rep + "/" + options.reps() + ": raw Kafka (market paused)…");
        KafkaPerfTools.ProducerFigures p = tools.produce(rawTopic(rep), options.rawRecords(), BenchOptions.RECORD_SIZE,
                "rep" + rep + "-producer");
        KafkaPerfTools.ProducerFigures tuned = tools.produce(rawTopic(rep), options.rawRecords(),
                BenchOptions.RECORD_SIZE, "rep" + rep + "-producer-tuned", "batch.size=262144", "linger.ms=10");
        KafkaPerfTools.ConsumerFigures c = tools.consume(rawTopic(rep), options.rawRecords() * 2, "bench-raw-" + rep,
                "rep" + rep + "-consumer");
        BenchResult.Raw raw = new BenchResult.Raw(p.records(), p.perSec(), p.mbPerSec(), p.avgMs(), p.p99Ms(),
                tuned.perSec(), c.perSec(), c.fetchPerSec(), p.line());
        progress(String.format(Locale.ROOT, "  raw producer %,.0f rec/s (market-data's settings: %,.0f), consumer %,.0f "
                + "rec/s (fetch)", raw.producerPerSec(), raw.producerTunedPerSec(), raw.consumerFetchPerSec()));
        BenchResult.Latency hop = OneHopProbe.measure(bootstrap, "bench.one-hop", ONE_HOP_RATE, options.oneHop(),
                BenchOptions.RECORD_SIZE);
        progress(String.format(Locale.ROOT, "  one hop p50 %.2f ms, p99 %.2f ms (%d records)", hop.p50Ms(), hop.p99Ms(),
                hop.count()));

        BenchResult.Rate unthrottled = step(stack, http, pipeline, 0, rep == 1 && options.jfr(), null);
        progress(String.format(Locale.ROOT, "  unthrottled: published %,.0f/s, strategy %,.0f/s, order %,.0f/s, lag %s%s",
                unthrottled.publishedPerSec(), unthrottled.strategyPerSec(), unthrottled.orderPerSec(),
                unthrottled.lagSlopePerSec(), unthrottled.sustained() ? " (flat)" : " (growing)"));
        BenchResult.Rate sustained = unthrottled;
        if (!unthrottled.sustained() && unthrottled.pipelinePerSec() > 100) {
            long cap = Math.round(unthrottled.pipelinePerSec() * 0.9 / 100) * 100;
            sustained = step(stack, http, pipeline, cap, false, null);
            progress(String.format(Locale.ROOT, "  capped at %,d/s: pipeline %,.0f/s, lag %s%s", cap,
                    sustained.pipelinePerSec(), sustained.lagSlopePerSec(), sustained.sustained() ? " (flat)" : " (growing)"));
        }
        List<BenchResult.LoadStep> loads = new ArrayList<>();
        for (long load : options.loads()) {
            if (stopRequested) {
                break;
            }
            EventLatencyProbe.Window[] window = new EventLatencyProbe.Window[1];
            BenchResult.Rate r = step(stack, http, pipeline, load, false, new StepHooks(latency::startWindow,
                    latency::closeWindowToNewTicks, () -> window[0] = latency.endWindow()));
            loads.add(new BenchResult.LoadStep(load, r, window[0].tickToSignal(), window[0].tickToOrder(),
                    window[0].tickToFill()));
            progress(String.format(Locale.ROOT, "  %,d ticks/s: achieved %,.0f/s; tick→signal p50 %.2f p99 %.2f ms (%d); "
                            + "tick→order p50 %.2f p99 %.2f ms (%d)", load, r.pipelinePerSec(),
                    window[0].tickToSignal().p50Ms(), window[0].tickToSignal().p99Ms(), window[0].tickToSignal().count(),
                    window[0].tickToOrder().p50Ms(), window[0].tickToOrder().p99Ms(), window[0].tickToOrder().count()));
        }
        return new BenchResult.Rep(rep, raw, hop, unthrottled, sustained, List.copyOf(loads));
    }

    /** Callbacks around the measured part of a step: after warm-up, at its end, after the drain. */
    record StepHooks(Runnable measuring, Runnable measured, Runnable drained) {
    }

    private BenchResult.Rate step(LocalStack stack, Http http, PipelineProbe pipeline, long target, boolean jfr,
                                  StepHooks hooks) {
        setRate(stack, http, target);
        runMarket(stack, http);
        sleep(options.warmup());
        if (hooks != null) {
            hooks.measuring().run();
        }
        if (jfr) {
            startJfr(stack);
        }
        List<PipelineProbe.Point> points = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + options.step().toNanos();
        long interval = options.sampleInterval().toNanos();
        long next = start;
        while (!stopRequested) {
            long now = System.nanoTime();
            if (now >= next) {
                points.add(pipeline.point((now - start) / 1e9));
                next += interval;
            }
            if (now >= end) {
                break;
            }
            sleep(Duration.ofNanos(Math.max(1_000_000, Math.min(next, end) - System.nanoTime())));
        }
        if (hooks != null) {
            hooks.measured().run();
        }
        BenchResult.Rate rate = PipelineProbe.rate(target, points);
        pauseAndDrain(stack, http, pipeline);
        if (hooks != null) {
            hooks.drained().run();
        }
        return rate;
    }

    private void startJfr(LocalStack stack) {
        Path dir = options.runDir().resolve("jfr");
        try {
            Files.createDirectories(dir);
            for (ServiceEndpoint e : stack.services()) {
                Path file = dir.resolve(e.id().module() + ".jfr");
                Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        Long.toString(e.pid()), "JFR.start", "name=bench", "settings=profile",
                        "duration=" + options.step().toSeconds() + "s", "filename=" + file)
                        .redirectErrorStream(true).redirectOutput(dir.resolve(e.id().module() + ".jcmd.log").toFile())
                        .start();
                if (!p.waitFor(15, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
            notes.add("JFR (settings=profile) of every service during repetition 1's unthrottled step: jfr/*.jfr");
        } catch (IOException e) {
            notes.add("JFR could not be started: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void setRate(LocalStack stack, Http http, long maxTicksPerSecond) {
        call(() -> http.put(stack.service(ServiceId.MARKET_DATA).resolve("market/rate"), String.format(Locale.ROOT,
                "{\"speed\":%.1f,\"maxTicksPerSecond\":%d}", SPEED, maxTicksPerSecond)), "PUT /market/rate");
    }

    private void runMarket(LocalStack stack, Http http) {
        String path = marketStarted ? "market/resume" : "market/start";
        call(() -> http.post(stack.service(ServiceId.MARKET_DATA).resolve(path), null), "POST /" + path);
        marketStarted = true;
    }

    /**
     * Pauses the market, then waits until both consumers have processed every published tick (the accounting of
     * CONTRACTS.md). A backlog that is not gone within the grace time (an unthrottled step makes one) is discarded
     * ({@link BacklogDiscard}) and the consumers get a moment to skip to the end.
     */
    private void pauseAndDrain(LocalStack stack, Http http, PipelineProbe pipeline) {
        call(() -> http.post(stack.service(ServiceId.MARKET_DATA).resolve("market/pause"), null), "POST /market/pause");
        long deadline = System.nanoTime() + options.drainGrace().toNanos();
        PipelineProbe.Counters c = null;
        while (System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(500));
            c = pipeline.counters();
            if (c.strategy() >= c.published() && c.order() >= c.published()) {
                return;
            }
        }
        try {
            long dropped = backlog.discard();
            discarded += dropped;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new RunFailure("could not discard the backlog after a step: " + e.getMessage(), e);
        }
        // the consumers reset to the new log start: wait until their counters stop moving
        PipelineProbe.Counters last = c;
        int stable = 0;
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (stable < 3 && System.nanoTime() < until) {
            sleep(Duration.ofMillis(500));
            PipelineProbe.Counters now = pipeline.counters();
            stable = now.equals(last) ? stable + 1 : 0;
            last = now;
        }
    }

    private interface HttpCall {
        Http.Response call() throws IOException;
    }

    private static void call(HttpCall c, String what) {
        try {
            Http.Response r = c.call();
            if (!r.ok()) {
                throw new RunFailure(what + " → HTTP " + r.status() + " " + r.body()
                        + (r.status() == 404 ? " — market-data-service does not implement the control API yet" : ""));
            }
        } catch (IOException e) {
            throw new RunFailure(what + " failed: " + e.getMessage());
        }
    }

    private void progress(String message) {
        out.println("bench: " + message);
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(Math.max(1, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunFailure("interrupted");
        }
    }
}
