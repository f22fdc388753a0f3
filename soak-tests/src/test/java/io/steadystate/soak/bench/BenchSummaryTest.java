package io.steadystate.soak.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
        List<BenchResult.Rep> reps = List.of(rep(1, 100_000, 50_000, true), rep(2, 200_000, 80_000, true),
                rep(3, 150_000, 30_000, false));
        BenchResult.Summary s = BenchSummary.of(reps);
        assertThat(s.ratios().get("unthrottledPipelineToRawProducer").median()).isEqualTo(0.4);   // .5 .4 .2
        assertThat(s.ratios().get("unthrottledPipelineToRawProducer").min()).isEqualTo(0.2);
        assertThat(s.throughput().get("sustainedPipelinePerSec").n()).isEqualTo(2);           // rep 3 not sustained
        assertThat(s.loads()).singleElement().satisfies(l -> {
            assertThat(l.targetPerSec()).isEqualTo(1000);
            assertThat(l.figures().get("tickToOrder.p50Ms").median()).isEqualTo(2.0);
            assertThat(l.figures().get("tickToFill.p50Ms").present()).isFalse();
        });
    }

    @Test
    void jsonIsStrictWithNaNAsNullAndTheTableRenders() throws Exception {
        List<BenchResult.Rep> reps = List.of(rep(1, 100_000, 50_000, false));
        BenchResult r = new BenchResult(1, Instant.EPOCH, Instant.EPOCH, new BenchResult.Settings(1, 5, List.of(1000L),
                true, 500, 0.05, 65, 1000, 3, 1000, "384m", Map.of()), "stack", reps, BenchSummary.of(reps),
                List.of(), null);
        String json = BenchFiles.mapper().writeValueAsString(r);
        JsonNode n = BenchFiles.mapper().readTree(json);
        assertThat(json).doesNotContain("NaN");
        assertThat(n.path("summary").path("throughput").path("sustainedPipelinePerSec").path("median").isNull()).isTrue();
        assertThat(n.path("reps").get(0).path("loads").get(0).path("tickToFill").path("p50Ms").isNull()).isTrue();
        assertThat(BenchText.render(r)).contains("raw Kafka producer", "100,000", "0.500", "tick → signal → order event");
    }

    private static BenchResult.Rep rep(int n, double raw, double pipeline, boolean flat) {
        BenchResult.Rate rate = new BenchResult.Rate(0, 10, pipeline, pipeline, pipeline, pipeline,
                Map.of("strategy-service", flat ? 0.0 : 5000.0), Map.of(), flat);
        BenchResult.Latency l = new BenchResult.Latency(100, n, n * 2, n * 3, n * 4);
        return new BenchResult.Rep(n, new BenchResult.Raw(1000, raw, 1, 1, 1, raw * 2, raw * 2, raw * 3, ""),
                l, rate, rate, List.of(new BenchResult.LoadStep(1000, rate, l, l, BenchResult.Latency.NONE)));
    }
}
