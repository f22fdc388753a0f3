package io.steadystate.soak.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code ./soak bench} measured, as written to {@code bench.json}: the settings, every repetition's raw
 * figures, and the summary (median and min–max over the repetitions). Rates are records (= ticks) per second,
 * latencies milliseconds. NaN is written as JSON {@code null}.
 */
public record BenchResult(int schema, Instant started, Instant finished, Settings settings, String stack,
                          List<Rep> reps, Summary summary, List<String> notes, String failure) {

    public static final int SCHEMA = 1;

    /** What was run; {@code serviceOverrides} are the system properties the bench set on the service JVMs. */
    public record Settings(int reps, double stepSeconds, List<Long> loads, boolean quick, int symbols,
                           double ticksPerSymbolPerSecond, int recordSize, long rawRecords, int partitions,
                           int oneHopRatePerSecond, String heap, Map<String, Map<String, String>> serviceOverrides) {
    }

    /** One repetition: raw Kafka limit, one-hop baseline, pipeline rates and latencies, all on the same broker. */
    public record Rep(int rep, Raw raw, Latency oneHop, Rate unthrottled, Rate sustained, List<LoadStep> loads) {
    }

    /**
     * Kafka's own ProducerPerformance / ConsumerPerformance on a scratch topic, record size = one tick.
     * {@code producerPerSec}: Kafka's default producer settings (the reference); {@code producerTunedPerSec}:
     * market-data's producer settings (batch.size=262144, linger.ms=10), the limit for that producer.
     */
    public record Raw(long records, double producerPerSec, double producerMbPerSec, double producerAvgLatencyMs,
                      double producerP99LatencyMs, double producerTunedPerSec, double consumerPerSec,
                      double consumerFetchPerSec, String producerLine) {
    }

    /**
     * One step at a market rate cap ({@code targetPerSec}, 0 = unthrottled): ticks published by market-data and
     * processed by each consumer service per second; {@code lagSlopePerSec}: per consumer, the Theil–Sen slope of
     * its backlog (ticks published − ticks processed, from the counters), records/s; {@code lagEnd}: Kafka's
     * committed-offset lag per group at the end (information only). {@code pipelinePerSec} = the slower consumer;
     * {@code sustained} = every backlog flat.
     */
    public record Rate(long targetPerSec, double seconds, double publishedPerSec, double strategyPerSec,
                       double orderPerSec, double pipelinePerSec, Map<String, Double> lagSlopePerSec,
                       Map<String, Long> lagEnd, boolean sustained) {
    }

    /** Latency at one fixed load, measured by the bench consumer (receive time − Tick.originMicros). */
    public record LoadStep(long targetPerSec, Rate rate, Latency tickToSignal, Latency tickToOrder, Latency tickToFill) {
    }

    public record Latency(long count, double p50Ms, double p99Ms, double p999Ms, double maxMs) {
        public static final Latency NONE = new Latency(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * Medians and ranges over the repetitions. {@code ratios}: pipeline ÷ raw producer of the same repetition
     * (the figure that counts on a shared machine), then summarised.
     */
    public record Summary(Map<String, Spread> throughput, Map<String, Spread> ratios, Map<String, Spread> oneHop,
                          List<LoadSummary> loads) {
    }

    public record LoadSummary(long targetPerSec, Map<String, Spread> figures) {
    }
}
