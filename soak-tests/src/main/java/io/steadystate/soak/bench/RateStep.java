package io.steadystate.soak.bench;

import io.steadystate.soak.stack.RunFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One timed step of a {@link BenchPipeline} at a target rate, then pause and drain: the same sampling, flat-lag
 * rule ({@link PipelineProbe#rate}) and drain bookkeeping ({@link DrainLedger}) for the services and for the null
 * pipeline, so their sustained rates are comparable.
 */
final class RateStep {

    /** Callbacks around the measured part of a step: after warm-up, at its end, after the drain. */
    record Hooks(Runnable measuring, Runnable measured, Runnable drained) {
        static final Hooks NONE = new Hooks(() -> {}, () -> {}, () -> {});
    }

    private final BenchPipeline pipeline;
    private final BenchOptions options;
    private final BooleanSupplier stopRequested;
    private final Consumer<String> progress;
    private final DrainLedger ledger = new DrainLedger();

    RateStep(BenchPipeline pipeline, BenchOptions options, BooleanSupplier stopRequested, Consumer<String> progress) {
        this.pipeline = pipeline;
        this.options = options;
        this.stopRequested = stopRequested;
        this.progress = progress;
    }

    BenchPipeline pipeline() {
        return pipeline;
    }

    /** Ticks dropped by discarded backlogs so far (from the stage counters, not from log offsets). */
    double discarded() {
        return ledger.discarded();
    }

    BenchResult.Rate run(long target, Hooks hooks) {
        pipeline.run(target);
        RunFailure.pause(options.warmup().toMillis());
        hooks.measuring().run();
        List<PipelineProbe.Point> points = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + options.step().toNanos();
        long interval = options.sampleInterval().toNanos();
        long next = start;
        while (!stopRequested.getAsBoolean()) {
            long now = System.nanoTime();
            if (now >= next) {
                points.add(new PipelineProbe.Point((now - start) / 1e9, counters(), pipeline.lag()));
                next += interval;
            }
            if (now >= end) {
                break;
            }
            RunFailure.pause(Math.max(1_000_000, Math.min(next, end) - System.nanoTime()) / 1_000_000);
        }
        hooks.measured().run();
        BenchResult.Rate rate = PipelineProbe.rate(target, points, pipeline.stages());
        pauseAndDrain();
        hooks.drained().run();
        return rate;
    }

    /** A step as a probe of the upward search. */
    SustainedSearch.Probe probe(long target) {
        BenchResult.Rate r = run(target, Hooks.NONE);
        progress.accept(String.format(
                Locale.ROOT,
                "  %s at %,d/s: published %,.0f/s, processed %,.0f/s, lag %s%s",
                pipeline.name(),
                target,
                r.publishedPerSec(),
                r.pipelinePerSec(),
                slopes(r),
                r.sustained() ? " (flat)" : " (growing)"));
        return new SustainedSearch.Probe(target, r.publishedPerSec(), r.pipelinePerSec(), r.sustained());
    }

    /** "strategy-service +12/s, order-service −3/s": the backlog slopes of a step, for progress lines. */
    static String slopes(BenchResult.Rate r) {
        StringBuilder b = new StringBuilder();
        r.lagSlopePerSec()
                .forEach((stage, slope) -> b.append(b.isEmpty() ? "" : ", ")
                        .append(stage)
                        .append(String.format(Locale.ROOT, " %+,.0f/s", slope)));
        return b.toString();
    }

    private PipelineProbe.Counters counters() {
        return ledger.adjust(pipeline.counters());
    }

    /**
     * Pauses the source, then waits until both stages have processed every published tick. A backlog that is not
     * gone within the grace time (an unthrottled step makes one) is discarded; once the consumers have settled at
     * the new log start the ledger credits each stage with what it skipped, so the next drain can complete.
     */
    void pauseAndDrain() {
        pipeline.pause();
        long deadline = System.nanoTime() + options.drainGrace().toNanos();
        while (System.nanoTime() < deadline) {
            RunFailure.pause(500);
            if (DrainLedger.drained(counters())) {
                return;
            }
        }
        try {
            pipeline.discardBacklog();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new RunFailure(
                    "could not discard the " + pipeline.name() + " backlog after a step: " + e.getMessage(), e);
        }
        PipelineProbe.Counters last = pipeline.counters();
        int stable = 0;
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (stable < 3 && System.nanoTime() < until) {
            RunFailure.pause(500);
            PipelineProbe.Counters now = pipeline.counters();
            stable = now.equals(last) ? stable + 1 : 0;
            last = now;
        }
        ledger.settledAfterDiscard(last);
    }
}
