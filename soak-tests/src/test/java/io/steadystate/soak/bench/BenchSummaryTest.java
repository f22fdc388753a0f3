package io.steadystate.soak.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchSummaryTest {

    @Test
    void spreadIsMedianAndRangeIgnoringMissingFigures() {
        assertThat(Spread.of(3, 1, 2)).isEqualTo(new Spread(2, 1, 3, 3));
        assertThat(Spread.of(4, 1, 2, 3)).isEqualTo(new Spread(2.5, 1, 4, 4));
        assertThat(Spread.of(Double.NaN, 5)).isEqualTo(new Spread(5, 5, 5, 1));
        assertThat(Spread.of(Double.NaN).present()).isFalse();
    }

    @Test
    void ratiosAreTakenWithinEachRepetitionThenSummarised() {
        List<BenchResult.Rep> reps =
                List.of(rep(1, 100_000, 50_000, true), rep(2, 200_000, 80_000, true), rep(3, 150_000, 30_000, false));
        BenchResult.Summary s = BenchSummary.of(reps);
        assertThat(s.ratios().get("unthrottledPipelineToRawProducer").median()).isEqualTo(0.4); // .5 .4 .2
        assertThat(s.ratios().get("unthrottledPipelineToRawProducer").min()).isEqualTo(0.2);
        assertThat(s.throughput().get("sustainedPipelinePerSec").n()).isEqualTo(2); // rep 3: no flat step
        assertThat(s.loads()).singleElement().satisfies(l -> {
            assertThat(l.targetPerSec()).isEqualTo(1000);
            assertThat(l.figures().get("tickToOrder.p50Ms").median()).isEqualTo(2.0);
            assertThat(l.figures().get("tickToFill.p50Ms").present()).isFalse();
        });
    }

    @Test
    void jsonIsStrictWithNaNAsNullAndTheTableRenders() throws Exception {
        List<BenchResult.Rep> reps = List.of(rep(1, 100_000, 50_000, false));
        BenchResult r = new BenchResult(
                BenchResult.SCHEMA,
                Instant.EPOCH,
                Instant.EPOCH,
                settings(),
                "stack",
                reps,
                BenchSummary.of(reps),
                List.of(),
                null);
        String json = BenchFiles.mapper().writeValueAsString(r);
        JsonNode n = BenchFiles.mapper().readTree(json);
        assertThat(json).doesNotContain("NaN");
        assertThat(n.path("summary")
                        .path("throughput")
                        .path("sustainedPipelinePerSec")
                        .path("median")
                        .isNull())
                .isTrue();
        assertThat(n.path("reps")
                        .get(0)
                        .path("loads")
                        .get(0)
                        .path("tickToFill")
                        .path("p50Ms")
                        .isNull())
                .isTrue();
        assertThat(BenchText.render(r))
                .contains("raw Kafka producer", "100,000", "0.500", "tick → signal → order event");
    }

    @Test
    void sustainedRatiosAreToTheNullPipelineAndTheRawProducerOfTheSameRepetition() {
        // rep 1: 50k vs null 100k vs raw 100k; rep 2: 80k vs 100k vs 200k; rep 3: 60k vs 200k vs 150k
        List<BenchResult.Rep> reps = List.of(
                rep(1, 100_000, 50_000, true, 100_000),
                rep(2, 200_000, 80_000, true, 100_000),
                rep(3, 150_000, 60_000, true, 200_000));
        BenchResult.Summary s = BenchSummary.of(reps);
        Spread toNull = s.ratios().get("sustainedPipelineToNullPipeline");
        assertThat(toNull.median()).isEqualTo(0.5); // .5 .8 .3
        assertThat(toNull.min()).isEqualTo(0.3);
        assertThat(toNull.max()).isEqualTo(0.8);
        Spread toRaw = s.ratios().get("sustainedPipelineToRawProducer");
        assertThat(toRaw.median()).isEqualTo(0.4); // .5 .4 .4
        assertThat(toRaw.min()).isEqualTo(0.4);
        // the ratio of medians (60k / 100k = 0.6) is not what is reported: ratios are per repetition
        assertThat(s.throughput().get("sustainedPipelinePerSec").median()
                        / s.throughput().get("sustainedNullPipelinePerSec").median())
                .isNotEqualTo(toNull.median());
    }

    @Test
    void aMissingFigureLeavesItsRatioOutInsteadOfDividingByIt() {
        assertThat(BenchSummary.ratio(1, 2)).isEqualTo(0.5);
        assertThat(BenchSummary.ratio(Double.NaN, 2)).isNaN();
        assertThat(BenchSummary.ratio(1, Double.NaN)).isNaN();
        assertThat(BenchSummary.ratio(1, 0)).isNaN();
        List<BenchResult.Rep> reps =
                List.of(rep(1, 100_000, 50_000, true, 100_000), rep(2, 100_000, 50_000, false, 100_000));
        assertThat(BenchSummary.of(reps)
                        .ratios()
                        .get("sustainedPipelineToNullPipeline")
                        .n())
                .isEqualTo(1);
    }

    @Test
    void benchJsonCarriesBothSustainedRatiosAndTheTablePrintsThem() throws Exception {
        List<BenchResult.Rep> reps = List.of(rep(1, 100_000, 50_000, true, 125_000));
        BenchResult r = new BenchResult(
                BenchResult.SCHEMA,
                Instant.EPOCH,
                Instant.EPOCH,
                settings(),
                "stack",
                reps,
                BenchSummary.of(reps),
                List.of(),
                null);
        JsonNode n = BenchFiles.mapper().readTree(BenchFiles.mapper().writeValueAsString(r));
        assertThat(n.path("schema").asInt()).isEqualTo(2);
        JsonNode ratios = n.path("summary").path("ratios");
        assertThat(ratios.path("sustainedPipelineToNullPipeline").path("median").asDouble())
                .isEqualTo(0.4);
        assertThat(ratios.path("sustainedPipelineToRawProducer").path("median").asDouble())
                .isEqualTo(0.5);
        for (String field : List.of("median", "min", "max", "n")) {
            assertThat(ratios.path("sustainedPipelineToNullPipeline").has(field))
                    .as(field)
                    .isTrue();
        }
        JsonNode rep = n.path("reps").get(0);
        assertThat(rep.path("ratios").path("sustainedPipelineToNullPipeline").asDouble())
                .isEqualTo(0.4);
        assertThat(rep.path("ratios").path("sustainedPipelineToRawProducer").asDouble())
                .isEqualTo(0.5);
        assertThat(rep.path("nullSustained").path("pipelinePerSec").asDouble()).isEqualTo(125_000);
        assertThat(rep.path("sustained").path("probes").get(0).path("flat").asBoolean())
                .isTrue();
        assertThat(rep.path("loads").get(0).has("sessionCloseToSignal")).isTrue();
        assertThat(n.path("settings")
                        .path("marketDataProducer")
                        .path("linger.ms")
                        .asText())
                .isEqualTo("2");
        String table = BenchText.render(r);
        assertThat(table)
                .contains(
                        "pipeline sustained ÷ null pipeline sustained",
                        "0.400",
                        "pipeline sustained ÷ raw producer",
                        "0.500",
                        "linger.ms=2, batch.size=262144",
                        "session close → signal");
        assertThat(table).doesNotContain("linger.ms=10");
    }

    private static BenchResult.Settings settings() {
        return new BenchResult.Settings(
                1,
                5,
                List.of(1000L),
                true,
                500,
                0.05,
                65,
                1000,
                3,
                1000,
                "384m",
                Map.of(),
                Map.of("linger.ms", "2", "batch.size", "262144", "compression.type", "none"),
                "market-data-service.jar!/application.properties",
                "bench consumer receive time",
                2);
    }

    private static BenchResult.Rep rep(int n, double raw, double pipeline, boolean flat) {
        return rep(n, raw, pipeline, flat, pipeline * 2);
    }

    /** {@code flat}: whether the pipeline's search found a flat step (the null pipeline's always did). */
    private static BenchResult.Rep rep(int n, double raw, double pipeline, boolean flat, double nullPipeline) {
        BenchResult.Rate rate = new BenchResult.Rate(
                0,
                10,
                pipeline,
                pipeline,
                pipeline,
                pipeline,
                Map.of("strategy-service", flat ? 0.0 : 5000.0),
                Map.of(),
                flat);
        BenchResult.Rate nullRate = new BenchResult.Rate(
                0,
                10,
                nullPipeline,
                nullPipeline,
                nullPipeline,
                nullPipeline,
                Map.of("null-relay", 0.0),
                Map.of(),
                true);
        BenchResult.Sustained sustained = new BenchResult.Sustained(
                flat ? pipeline : Double.NaN,
                1000,
                true,
                List.of(new SustainedSearch.Probe(1000, pipeline, pipeline, flat)));
        BenchResult.Sustained nullSustained = new BenchResult.Sustained(
                nullPipeline, 0, true, List.of(new SustainedSearch.Probe(0, nullPipeline, nullPipeline, true)));
        BenchResult.Latency l = new BenchResult.Latency(100, n, n * 2, n * 3, n * 4);
        return BenchResult.Rep.of(
                n,
                new BenchResult.Raw(1000, raw, 1, 1, 1, raw * 2, raw * 2, raw * 3, ""),
                l,
                rate,
                sustained,
                nullRate,
                nullSustained,
                List.of(new BenchResult.LoadStep(
                        1000,
                        rate,
                        l,
                        l,
                        BenchResult.Latency.NONE,
                        BenchResult.Latency.NONE,
                        BenchResult.Latency.NONE)));
    }
}
