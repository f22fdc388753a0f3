package io.steadystate.soak.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code ./soak bench} measured, as written to {@code bench.json}: the settings, every repetition's raw
 * figures, and the summary (median and min–max over the repetitions). Rates are records (= ticks) per second,
 * latencies milliseconds. NaN is written as JSON {@code null}.
 */
public record BenchResult(
        int schema,
        Instant started,
        Instant finished,
        Settings settings,
        String stack,
        List<Rep> reps,
        Summary summary,
        List<String> notes,
        String failure) {

    /** 2: null pipeline, upward search for "sustained", session-close latencies apart, market-data's real settings. */
    public static final int SCHEMA = 2;

    /**
     * What was run; {@code serviceOverrides} are the system properties the bench set on the service JVMs;
     * {@code marketDataProducer}: market-data's producer settings as read from its app jar ({@code marketDataConfig}),
     * used by the raw "market-data settings" run and the null pipeline's source; {@code orderClock}: where tick →
     * order ends ({@link OrderEmitClock}); {@code searchSteps}: steps per upward search of the sustained rate.
     */
    public record Settings(
            int reps,
            double stepSeconds,
            List<Long> loads,
            boolean quick,
            int symbols,
            double ticksPerSymbolPerSecond,
            int recordSize,
            long rawRecords,
            int partitions,
            int oneHopRatePerSecond,
            String heap,
            Map<String, Map<String, String>> serviceOverrides,
            Map<String, String> marketDataProducer,
            String marketDataConfig,
            String orderClock,
            int searchSteps) {}

    /**
     * One repetition, all on the same broker: raw Kafka limit, one-hop baseline, the pipeline unthrottled and its
     * sustained rate (upward search), the null pipeline the same way, latencies at fixed loads.
     */
    public record Rep(
            int rep,
            Raw raw,
            Latency oneHop,
            Rate unthrottled,
            Sustained sustained,
            Rate nullUnthrottled,
            Sustained nullSustained,
            List<LoadStep> loads,
            Map<String, Double> ratios) {

        /** A repetition with its ratios ({@link BenchSummary#ratiosOf}) taken from its own figures. */
        public static Rep of(
                int rep,
                Raw raw,
                Latency oneHop,
                Rate unthrottled,
                Sustained sustained,
                Rate nullUnthrottled,
                Sustained nullSustained,
                List<LoadStep> loads) {
            return new Rep(
                    rep,
                    raw,
                    oneHop,
                    unthrottled,
                    sustained,
                    nullUnthrottled,
                    nullSustained,
                    loads,
                    BenchSummary.ratiosOf(raw, unthrottled, sustained, nullUnthrottled, nullSustained));
        }
    }

    /**
     * The highest rate whose backlog stayed flat ({@link SustainedSearch}): the achieved rate of the best flat step
     * (NaN when none was), its target, whether a growing step (or the source's limit) bounds it from above, and
     * every step of the search.
     */
    public record Sustained(
            double pipelinePerSec, long targetPerSec, boolean bracketed, List<SustainedSearch.Probe> probes) {

        static Sustained of(SustainedSearch.Result r) {
            return new Sustained(r.sustainedPerSec(), r.bestTargetPerSec(), r.bracketed(), r.probes());
        }
    }

    /**
     * Kafka's own ProducerPerformance / ConsumerPerformance on a scratch topic, record size = one tick.
     * {@code producerPerSec}: Kafka's default producer settings (the reference); {@code producerTunedPerSec}:
     * market-data's producer settings ({@code settings.marketDataProducer}), the limit for that producer.
     */
    public record Raw(
            long records,
            double producerPerSec,
            double producerMbPerSec,
            double producerAvgLatencyMs,
            double producerP99LatencyMs,
            double producerTunedPerSec,
            double consumerPerSec,
            double consumerFetchPerSec,
            String producerLine) {}

    /**
     * One step at a market rate cap ({@code targetPerSec}, 0 = unthrottled): ticks published by market-data and
     * processed by each consumer service per second; {@code lagSlopePerSec}: per consumer, the Theil–Sen slope of
     * its backlog (ticks published − ticks processed, from the counters), records/s; {@code lagEnd}: Kafka's
     * committed-offset lag per group at the end (information only; not read for the null pipeline).
     * {@code pipelinePerSec} = the slower consumer; {@code sustained} = every backlog flat. For the null pipeline
     * {@code strategyPerSec} is its relay and {@code orderPerSec} its sink.
     */
    public record Rate(
            long targetPerSec,
            double seconds,
            double publishedPerSec,
            double strategyPerSec,
            double orderPerSec,
            double pipelinePerSec,
            Map<String, Double> lagSlopePerSec,
            Map<String, Long> lagEnd,
            boolean sustained) {}

    /**
     * Latency at one fixed load, end time − Tick.originMicros ({@link EventLatencyProbe}); {@code sessionCloseTo*}:
     * signals made at session close and the entries made from them, stamped with an old tick's origin — kept out
     * of the tick figures.
     */
    public record LoadStep(
            long targetPerSec,
            Rate rate,
            Latency tickToSignal,
            Latency tickToOrder,
            Latency tickToFill,
            Latency sessionCloseToSignal,
            Latency sessionCloseToOrder) {}

    public record Latency(long count, double p50Ms, double p99Ms, double p999Ms, double maxMs) {
        public static final Latency NONE = new Latency(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * Medians and ranges over the repetitions. {@code ratios}: pipeline ÷ null pipeline and pipeline ÷ raw producer
     * of the same repetition (the figures that count on a shared machine), then summarised.
     */
    public record Summary(
            Map<String, Spread> throughput,
            Map<String, Spread> ratios,
            Map<String, Spread> oneHop,
            List<LoadSummary> loads) {}

    public record LoadSummary(long targetPerSec, Map<String, Spread> figures) {}
}
