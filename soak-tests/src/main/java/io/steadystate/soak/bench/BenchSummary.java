package io.steadystate.soak.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Medians and ranges over the repetitions; ratios are taken within each repetition first, then summarised. */
public final class BenchSummary {

    private BenchSummary() {}

    public static BenchResult.Summary of(List<BenchResult.Rep> reps) {
        Map<String, Spread> throughput = new LinkedHashMap<>();
        throughput.put("rawProducerPerSec", spread(reps, r -> r.raw().producerPerSec()));
        throughput.put("rawProducerTunedPerSec", spread(reps, r -> r.raw().producerTunedPerSec()));
        throughput.put("rawConsumerFetchPerSec", spread(reps, r -> r.raw().consumerFetchPerSec()));
        throughput.put(
                "unthrottledPublishedPerSec", spread(reps, r -> r.unthrottled().publishedPerSec()));
        throughput.put(
                "unthrottledStrategyPerSec", spread(reps, r -> r.unthrottled().strategyPerSec()));
        throughput.put(
                "unthrottledOrderPerSec", spread(reps, r -> r.unthrottled().orderPerSec()));
        throughput.put(
                "unthrottledPipelinePerSec", spread(reps, r -> r.unthrottled().pipelinePerSec()));
        throughput.put(
                "sustainedPipelinePerSec", spread(reps, r -> r.sustained().pipelinePerSec()));
        throughput.put(
                "unthrottledNullPipelinePerSec",
                spread(reps, r -> r.nullUnthrottled().pipelinePerSec()));
        throughput.put(
                "sustainedNullPipelinePerSec",
                spread(reps, r -> r.nullSustained().pipelinePerSec()));

        Map<String, Spread> ratios = new LinkedHashMap<>();
        for (String name : RATIOS) {
            ratios.put(name, spread(reps, r -> r.ratios().getOrDefault(name, Double.NaN)));
        }

        Map<String, Spread> hop = new LinkedHashMap<>();
        hop.put("p50Ms", spread(reps, r -> r.oneHop().p50Ms()));
        hop.put("p99Ms", spread(reps, r -> r.oneHop().p99Ms()));
        hop.put("p999Ms", spread(reps, r -> r.oneHop().p999Ms()));

        List<BenchResult.LoadSummary> loads = new ArrayList<>();
        List<Long> targets = reps.isEmpty()
                ? List.of()
                : reps.get(0).loads().stream()
                        .map(BenchResult.LoadStep::targetPerSec)
                        .toList();
        for (long target : targets) {
            List<BenchResult.LoadStep> steps = reps.stream()
                    .flatMap(r -> r.loads().stream())
                    .filter(l -> l.targetPerSec() == target)
                    .toList();
            Map<String, Spread> f = new LinkedHashMap<>();
            f.put("achievedPerSec", spreadOf(steps, l -> l.rate().pipelinePerSec()));
            f.put("lagFlat", spreadOf(steps, l -> l.rate().sustained() ? 1 : 0));
            latency(f, "tickToSignal", steps, BenchResult.LoadStep::tickToSignal);
            latency(f, "tickToOrder", steps, BenchResult.LoadStep::tickToOrder);
            latency(f, "tickToFill", steps, BenchResult.LoadStep::tickToFill);
            latency(f, "sessionCloseToSignal", steps, BenchResult.LoadStep::sessionCloseToSignal);
            latency(f, "sessionCloseToOrder", steps, BenchResult.LoadStep::sessionCloseToOrder);
            loads.add(new BenchResult.LoadSummary(target, f));
        }
        return new BenchResult.Summary(throughput, ratios, hop, loads);
    }

    /** The ratios of one repetition, in the order bench.json and the table show them. */
    static final List<String> RATIOS = List.of(
            "sustainedPipelineToNullPipeline",
            "sustainedPipelineToRawProducer",
            "sustainedNullPipelineToRawProducer",
            "unthrottledPipelineToNullPipeline",
            "unthrottledPipelineToRawProducer",
            "unthrottledPipelineToRawProducerTuned",
            "marketDataPublishToRawProducerTuned",
            "marketDataPublishToRawProducer",
            "strategyToRawConsumer");

    /**
     * Ratios inside one repetition: pipeline ÷ null pipeline and pipeline ÷ raw producer (Kafka defaults) of the
     * same minutes, so a machine that is slower in one repetition moves numerator and denominator together.
     */
    public static Map<String, Double> ratiosOf(
            BenchResult.Raw raw,
            BenchResult.Rate unthrottled,
            BenchResult.Sustained sustained,
            BenchResult.Rate nullUnthrottled,
            BenchResult.Sustained nullSustained) {
        Map<String, Double> r = new LinkedHashMap<>();
        r.put("sustainedPipelineToNullPipeline", ratio(sustained.pipelinePerSec(), nullSustained.pipelinePerSec()));
        r.put("sustainedPipelineToRawProducer", ratio(sustained.pipelinePerSec(), raw.producerPerSec()));
        r.put("sustainedNullPipelineToRawProducer", ratio(nullSustained.pipelinePerSec(), raw.producerPerSec()));
        r.put(
                "unthrottledPipelineToNullPipeline",
                ratio(unthrottled.pipelinePerSec(), nullUnthrottled.pipelinePerSec()));
        r.put("unthrottledPipelineToRawProducer", ratio(unthrottled.pipelinePerSec(), raw.producerPerSec()));
        r.put("unthrottledPipelineToRawProducerTuned", ratio(unthrottled.pipelinePerSec(), raw.producerTunedPerSec()));
        r.put("marketDataPublishToRawProducerTuned", ratio(unthrottled.publishedPerSec(), raw.producerTunedPerSec()));
        r.put("marketDataPublishToRawProducer", ratio(unthrottled.publishedPerSec(), raw.producerPerSec()));
        r.put("strategyToRawConsumer", ratio(unthrottled.strategyPerSec(), raw.consumerFetchPerSec()));
        return java.util.Collections.unmodifiableMap(r);
    }

    /** a ÷ b of one repetition; NaN (left out of the summary) when either figure is missing or b is not positive. */
    static double ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) || !(b > 0) ? Double.NaN : a / b;
    }

    private static void latency(
            Map<String, Spread> f,
            String name,
            List<BenchResult.LoadStep> steps,
            java.util.function.Function<BenchResult.LoadStep, BenchResult.Latency> get) {
        f.put(name + ".count", spreadOf(steps, l -> get.apply(l).count()));
        f.put(name + ".p50Ms", spreadOf(steps, l -> get.apply(l).p50Ms()));
        f.put(name + ".p99Ms", spreadOf(steps, l -> get.apply(l).p99Ms()));
        f.put(name + ".p999Ms", spreadOf(steps, l -> get.apply(l).p999Ms()));
    }

    private static Spread spread(List<BenchResult.Rep> reps, ToDoubleFunction<BenchResult.Rep> f) {
        return Spread.of(reps.stream().map(r -> f.applyAsDouble(r)).toList());
    }

    private static Spread spreadOf(List<BenchResult.LoadStep> steps, ToDoubleFunction<BenchResult.LoadStep> f) {
        return Spread.of(steps.stream().map(s -> f.applyAsDouble(s)).toList());
    }
}
