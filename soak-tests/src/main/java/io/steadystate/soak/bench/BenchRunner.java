package io.steadystate.soak.bench;

import io.steadystate.core.kafka.Topics;
import io.steadystate.soak.stack.Http;
import io.steadystate.soak.stack.LocalStack;
import io.steadystate.soak.stack.RunFailure;
import io.steadystate.soak.stack.ServiceId;
import io.steadystate.soak.stack.ServiceLauncher;
import io.steadystate.soak.stack.StackPlan;
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
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * {@code ./soak bench} end to end on the local stack (Kafka broker + the three services, no Prometheus) and the
 * null pipeline ({@link NullPipeline}: the same topology in plain clients, no business logic). Per repetition,
 * with the market paused while Kafka alone is measured:
 * <ol>
 *   <li>raw: ProducerPerformance (Kafka defaults, then market-data's real producer settings) and
 *       ConsumerPerformance, record size = one tick, scratch topic with the partitions of market.events;</li>
 *   <li>one hop: own producer→consumer probe in µs at 1,000 records/s (the latency floor of one Kafka hop);</li>
 *   <li>pipeline, then null pipeline: one unthrottled step, then the sustained rate by {@link SustainedSearch}
 *       (doubling then bisection, each step judged by the same flat-lag rule in {@link RateStep});</li>
 *   <li>latency at each fixed load: tick→signal, tick→order, tick→fill percentiles from originMicros, session-close
 *       signals apart.</li>
 * </ol>
 * The stack and the null pipeline are started once for all repetitions; every step ends by pausing its source and
 * letting the consumers drain, so the next step starts without backlog.
 */
public final class BenchRunner {

    /** Simulated seconds per wall second: far above what is needed, so only the tick cap (or nothing) paces. */
    static final double SPEED = 1_000_000;

    /**
     * The services' event-time step guard, widened: a dropped backlog ({@link BacklogDiscard}) at speed 10⁶ skips
     * weeks of event time at once, which the default seven-day step refuses for good, tick after tick — measured
     * (runs/bench-1202b, repetition 3): after the unthrottled step's discard every tick was dead-lettered
     * ("jumps PT382H… ahead of the event clock") and the pipeline processed 0/s for the rest of the repetition. A
     * real feed has no such gap; the bench makes it.
     */
    static final String BACKLOG_DROP_STEP = "P3650D";

    static final int ONE_HOP_RATE = 1_000;
    /** Start-up allowance of the bench's stack (a run's is {@link StackPlan#READY_TIMEOUT}). */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final BenchOptions options;
    private final ServiceLauncher launcher;
    private final PrintStream out;
    private final List<String> notes = new ArrayList<>();
    private volatile boolean stopRequested;
    private final java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);

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
        StackPlan plan = plan(options, launcher);
        Map<ServiceId, Map<String, String>> props = plan.serviceProperties();
        Path apps = Files.isDirectory(options.runDir().resolve("apps"))
                ? options.runDir().resolve("apps")
                : options.repoRoot();
        MarketProducerSettings producer = null;
        String orderClock = OrderEmitClock.PLANNED;
        List<BenchResult.Rep> reps = new ArrayList<>();
        String failure = null;
        String stackText = "not started";
        LocalStack stack = null;
        try {
            Files.createDirectories(options.runDir());
            MarketDataProperties market = MarketDataProperties.load(apps, props.get(ServiceId.MARKET_DATA));
            producer = MarketProducerSettings.of(market);
            if (!producer.unset().isEmpty()) {
                notes.add("market-data's " + producer.source() + " sets no " + producer.unset() + ": the raw and null "
                        + "producers use Kafka's default there, which may differ from MarketConfig's default");
            }
            progress(String.format(
                    Locale.ROOT,
                    "%d repetition(s), %s per step, loads %s ticks/s%s; market-data producer " + "%s; run dir %s",
                    options.reps(),
                    options.step(),
                    options.loads(),
                    options.quick() ? " (quick)" : "",
                    producer.label(),
                    options.runDir()));
            stack = LocalStack.start(plan, this::progress);
            stackText = stack.describe();
            String bootstrap = stack.bootstrapServers().orElseThrow();
            KafkaPerfTools tools = new KafkaPerfTools(
                    options.repoRoot().resolve("soak-tests/target/kafka-libs"),
                    options.runDir().resolve("bench"),
                    bootstrap);
            createScratchTopics(bootstrap);
            progress("starting the null pipeline (source, relay, sink JVMs)…");
            try (ServicePipeline services = new ServicePipeline(stack, new Http(options.apiToken()), bootstrap);
                    NullPipeline nulls = NullPipeline.start(
                            bootstrap,
                            producer,
                            options.symbols(),
                            options.heap(),
                            options.runDir().resolve("bench"));
                    EventLatencyProbe latency = new EventLatencyProbe(
                            bootstrap,
                            new EventLatencyProbe.SessionHours(market.sessionOpen(), market.sessionClose()))) {
                services.probe().counters(); // fails fast (exit 3) when a consumer does not export its tick counter
                RateStep pipeline = new RateStep(services, options, () -> stopRequested, this::progress);
                RateStep baseline = new RateStep(nulls, options, () -> stopRequested, this::progress);
                warmUp(tools, pipeline, baseline);
                BenchRepetition repetition = new BenchRepetition(options, () -> stopRequested, this::progress, notes);
                for (int rep = 1; rep <= options.reps() && !stopRequested; rep++) {
                    reps.add(repetition.run(rep, tools, producer, stack, pipeline, baseline, latency, bootstrap));
                }
                orderClock = latency.orderClock(); // after the steps: it counts which clock the events used
                discardNote(pipeline);
                discardNote(baseline);
                if (services.probe().sawLazyCounters()) {
                    notes.add(ServiceId.MARKET_DATA.module()
                            + " exported no steadystate_marketdata_events_published_total{type=\"tick\"} "
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
        BenchResult result = new BenchResult(
                BenchResult.SCHEMA,
                started,
                Instant.now(),
                settings(props, producer, apps, orderClock),
                stackText,
                List.copyOf(reps),
                BenchSummary.of(reps),
                List.copyOf(notes),
                failure);
        try {
            BenchFiles.write(options.runDir(), result);
            BenchText.print(result, out);
        } finally {
            finished.countDown();
        }
        return result;
    }

    private void discardNote(RateStep step) {
        if (step.discarded() > 0) {
            notes.add(String.format(
                    Locale.ROOT,
                    "%s: %,.0f ticks of backlog (made by steps the consumers could not keep "
                            + "up with) were discarded with Admin.deleteRecords instead of drained (counted from the stage "
                            + "counters)",
                    step.pipeline().name(),
                    step.discarded()));
        }
    }

    /**
     * The bench's local stack: no Prometheus; market-data at the first load's cap, no churn, speed far above need;
     * order-service's risk limits out of the way so that every signal becomes an order (the bench measures work,
     * not rejections); the event-time step guard widened ({@link #BACKLOG_DROP_STEP}); then {@code --set}.
     */
    static StackPlan plan(BenchOptions options, ServiceLauncher launcher) {
        return StackPlan.of(
                        options.repoRoot(),
                        options.runDir(),
                        launcher,
                        options.heap(),
                        new StackPlan.Market(
                                options.symbols(),
                                options.ticksPerSymbolPerSecond(),
                                SPEED,
                                options.loads().get(0),
                                0),
                        options.apiToken())
                .with(
                        ServiceId.ORDER,
                        new java.util.TreeMap<>(Map.of(
                                "steadystate.order.max-orders-per-second",
                                "1000000",
                                "steadystate.order.max-open-orders",
                                "100000",
                                "steadystate.order.max-event-time-step",
                                BACKLOG_DROP_STEP)))
                .with(ServiceId.STRATEGY, Map.of("steadystate.strategy.max-event-time-step", BACKLOG_DROP_STEP))
                .with(options.extra())
                .readyWithin(READY_TIMEOUT);
    }

    private BenchResult.Settings settings(
            Map<ServiceId, Map<String, String>> props, MarketProducerSettings producer, Path apps, String orderClock) {
        Map<String, Map<String, String>> overrides = new LinkedHashMap<>();
        props.forEach((id, p) -> overrides.put(id.module(), Map.copyOf(p)));
        return new BenchResult.Settings(
                options.reps(),
                options.step().toMillis() / 1000.0,
                options.loads(),
                options.quick(),
                options.symbols(),
                options.ticksPerSymbolPerSecond(),
                BenchOptions.RECORD_SIZE,
                options.rawRecords(),
                Topics.DEFAULT_PARTITIONS,
                ONE_HOP_RATE,
                options.heap(),
                overrides,
                producer == null ? Map.of() : new java.util.TreeMap<>(producer.kafka()),
                producer == null ? "not read (" + apps + ")" : producer.source(),
                orderClock,
                options.searchSteps());
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

    static String rawTopic(int rep) {
        return "bench.raw." + rep;
    }

    /** The first runs after a start are ~3× slower (JIT, page cache): one small raw run and a short run of each pipeline. */
    private void warmUp(KafkaPerfTools tools, RateStep pipeline, RateStep baseline) {
        long rate = Math.max(options.loads().get(0), 5_000);
        progress("warm-up: broker (ProducerPerformance, not recorded), pipeline and null pipeline at " + rate
                + " ticks/s…");
        tools.produce(rawTopic(0), options.rawRecords() / 3, BenchOptions.RECORD_SIZE, "warmup-producer");
        for (RateStep s : List.of(pipeline, baseline)) {
            s.pipeline().run(rate);
            RunFailure.pause(options.quick() ? 3_000 : 10_000);
            s.pauseAndDrain();
        }
    }

    private void progress(String message) {
        out.println("bench: " + message);
    }
}
