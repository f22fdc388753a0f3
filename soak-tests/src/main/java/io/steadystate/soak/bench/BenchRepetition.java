package io.steadystate.soak.bench;

import io.steadystate.soak.stack.LocalStack;
import io.steadystate.soak.stack.ServiceEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One repetition of the bench on the stack and null pipeline that {@link BenchRunner} started once for all:
 * raw Kafka with the market paused (defaults, then market-data's producer settings, then the consumer), the
 * one-hop latency floor, each pipeline's unthrottled step and sustained rate, then the latencies at each fixed
 * load. With {@code --jfr}, repetition 1's unthrottled step is recorded.
 */
final class BenchRepetition {

    private final BenchOptions options;
    private final BooleanSupplier stopRequested;
    private final Consumer<String> progress;
    private final List<String> notes;

    /** @param notes the run's notes (bench.json): a repetition adds what it could not do as planned */
    BenchRepetition(
            BenchOptions options, BooleanSupplier stopRequested, Consumer<String> progress, List<String> notes) {
        this.options = options;
        this.stopRequested = stopRequested;
        this.progress = progress;
        this.notes = notes;
    }

    BenchResult.Rep run(
            int rep,
            KafkaPerfTools tools,
            MarketProducerSettings producer,
            LocalStack stack,
            RateStep pipeline,
            RateStep baseline,
            EventLatencyProbe latency,
            String bootstrap) {
        progress.accept("repetition " + rep + "/" + options.reps() + ": raw Kafka (market paused)…");
        KafkaPerfTools.ProducerFigures p = tools.produce(
                BenchRunner.rawTopic(rep), options.rawRecords(), BenchOptions.RECORD_SIZE, "rep" + rep + "-producer");
        KafkaPerfTools.ProducerFigures tuned = tools.produce(
                BenchRunner.rawTopic(rep),
                options.rawRecords(),
                BenchOptions.RECORD_SIZE,
                "rep" + rep + "-producer-market-data",
                producer.commandProperties());
        KafkaPerfTools.ConsumerFigures c = tools.consume(
                BenchRunner.rawTopic(rep), options.rawRecords() * 2, "bench-raw-" + rep, "rep" + rep + "-consumer");
        BenchResult.Raw raw = new BenchResult.Raw(
                p.records(),
                p.perSec(),
                p.mbPerSec(),
                p.avgMs(),
                p.p99Ms(),
                tuned.perSec(),
                c.perSec(),
                c.fetchPerSec(),
                p.line());
        progress.accept(String.format(
                Locale.ROOT,
                "  raw producer %,.0f rec/s (market-data's settings: %,.0f), consumer %,.0f " + "rec/s (fetch)",
                raw.producerPerSec(),
                raw.producerTunedPerSec(),
                raw.consumerFetchPerSec()));
        BenchResult.Latency hop = OneHopProbe.measure(
                bootstrap, "bench.one-hop", BenchRunner.ONE_HOP_RATE, options.oneHop(), BenchOptions.RECORD_SIZE);
        progress.accept(String.format(
                Locale.ROOT, "  one hop p50 %.2f ms, p99 %.2f ms (%d records)", hop.p50Ms(), hop.p99Ms(), hop.count()));

        RateStep.Hooks jfr = rep == 1 && options.jfr()
                ? new RateStep.Hooks(() -> startJfr(stack), () -> {}, () -> {})
                : RateStep.Hooks.NONE;
        BenchResult.Rate unthrottled = unthrottled(pipeline, jfr);
        BenchResult.Sustained sustained = sustained(pipeline, unthrottled);
        BenchResult.Rate nullUnthrottled = unthrottled(baseline, RateStep.Hooks.NONE);
        BenchResult.Sustained nullSustained = sustained(baseline, nullUnthrottled);
        progress.accept(String.format(
                Locale.ROOT,
                "  sustained: pipeline %,.0f/s, null pipeline %,.0f/s; pipeline ÷ null "
                        + "pipeline %.3f, pipeline ÷ raw producer %.3f",
                sustained.pipelinePerSec(),
                nullSustained.pipelinePerSec(),
                BenchSummary.ratio(sustained.pipelinePerSec(), nullSustained.pipelinePerSec()),
                BenchSummary.ratio(sustained.pipelinePerSec(), raw.producerPerSec())));

        List<BenchResult.LoadStep> loads = new ArrayList<>();
        for (long load : options.loads()) {
            if (stopRequested.getAsBoolean()) {
                break;
            }
            EventLatencyProbe.Window[] window = new EventLatencyProbe.Window[1];
            BenchResult.Rate r = pipeline.run(
                    load,
                    new RateStep.Hooks(
                            latency::startWindow,
                            latency::closeWindowToNewTicks,
                            () -> window[0] = latency.endWindow()));
            EventLatencyProbe.Window w = window[0];
            loads.add(new BenchResult.LoadStep(
                    load,
                    r,
                    w.tickToSignal(),
                    w.tickToOrder(),
                    w.tickToFill(),
                    w.sessionCloseToSignal(),
                    w.sessionCloseToOrder()));
            progress.accept(String.format(
                    Locale.ROOT,
                    "  %,d ticks/s: achieved %,.0f/s; tick→signal p50 %.2f p99 %.2f ms (%d); "
                            + "tick→order p50 %.2f p99 %.2f ms (%d); session-close signals %d",
                    load,
                    r.pipelinePerSec(),
                    w.tickToSignal().p50Ms(),
                    w.tickToSignal().p99Ms(),
                    w.tickToSignal().count(),
                    w.tickToOrder().p50Ms(),
                    w.tickToOrder().p99Ms(),
                    w.tickToOrder().count(),
                    w.sessionCloseToSignal().count()));
        }
        return BenchResult.Rep.of(
                rep, raw, hop, unthrottled, sustained, nullUnthrottled, nullSustained, List.copyOf(loads));
    }

    private BenchResult.Rate unthrottled(RateStep step, RateStep.Hooks hooks) {
        BenchResult.Rate r = step.run(0, hooks);
        progress.accept(String.format(
                Locale.ROOT,
                "  %s unthrottled: published %,.0f/s, %s %,.0f/s, %s %,.0f/s, lag %s%s",
                step.pipeline().name(),
                r.publishedPerSec(),
                step.pipeline().stages().get(0),
                r.strategyPerSec(),
                step.pipeline().stages().get(1),
                r.orderPerSec(),
                RateStep.slopes(r),
                r.sustained() ? " (flat)" : " (growing)"));
        return r;
    }

    /**
     * Flat while unthrottled: the source is the limit and that step is the answer. Otherwise search upward from half
     * of what the consumers managed unthrottled (a rate that should be flat; the search doubles past it).
     */
    private BenchResult.Sustained sustained(RateStep step, BenchResult.Rate unthrottled) {
        if (unthrottled.sustained()) {
            return new BenchResult.Sustained(
                    unthrottled.pipelinePerSec(),
                    0,
                    true,
                    List.of(new SustainedSearch.Probe(
                            0, unthrottled.publishedPerSec(), unthrottled.pipelinePerSec(), true)));
        }
        long start = Math.max(1_000, Math.round(unthrottled.pipelinePerSec() / 2 / 100) * 100);
        SustainedSearch.Result r =
                new SustainedSearch(options.searchSteps(), BenchOptions.SEARCH_PRECISION).search(start, step::probe);
        return BenchResult.Sustained.of(r);
    }

    private void startJfr(LocalStack stack) {
        Path dir = options.runDir().resolve("jfr");
        try {
            Files.createDirectories(dir);
            for (ServiceEndpoint e : stack.services()) {
                Path file = dir.resolve(e.id().module() + ".jfr");
                Process p = new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                        .toString(),
                                Long.toString(e.pid()),
                                "JFR.start",
                                "name=bench",
                                "settings=profile",
                                "duration=" + options.step().toSeconds() + "s",
                                "filename=" + file)
                        .redirectErrorStream(true)
                        .redirectOutput(
                                dir.resolve(e.id().module() + ".jcmd.log").toFile())
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
}
