package io.steadystate.soak.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ParsersTest {

    @Test
    void prometheusTextIsParsedWithLabelsAndEscapes() {
        MetricSnapshot m = PrometheusText.parse("""
                # HELP steadystate_store_entries entries
                # TYPE steadystate_store_entries gauge
                steadystate_store_entries{store="symbols"} 42.0
                steadystate_store_entries{store="bars"} 8.0
                steadystate_store_evictions_total{cause="capacity",store="symbols"} 3.0
                jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 1.5E7
                weird{msg="a \\"quoted\\", comma"} 1
                process_uptime_seconds 12.5
                """);
        assertThat(m.sum("steadystate_store_entries")).isEqualTo(50.0);
        assertThat(m.byLabel("steadystate_store_entries", "store", Map.of())).containsEntry("symbols", 42.0);
        assertThat(m.sum("steadystate_store_evictions_total", Map.of("cause", "capacity")))
                .isEqualTo(3.0);
        assertThat(m.sum("jvm_memory_used_bytes", Map.of("id", "G1 Old Gen"))).isEqualTo(1.5e7);
        assertThat(m.series()).anyMatch(s -> s.labels().getOrDefault("msg", "").equals("a \"quoted\", comma"));
        assertThat(m.sum("process_uptime_seconds")).isEqualTo(12.5);
        assertThat(m.sum("absent")).isNull();
    }

    @Test
    void classHistogramDiffNamesTheGrowingClass() {
        String before = """
                12345:
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:          1000          64000  [B (java.base@17.0.15)
                   2:            10            480  io.steadystate.strategy.fault.RallyPoint
                Total          1010          64480
                """;
        String after = """
                   1:        200000        6400000  io.steadystate.strategy.fault.RallyPoint
                   2:          1000          64000  [B (java.base@17.0.15)
                Total        201000        6464000
                """;
        ClassHistogram a = ClassHistogram.parse(before);
        ClassHistogram b = ClassHistogram.parse(after);
        assertThat(b.totalBytes()).isEqualTo(6_464_000);
        assertThat(b.topGrowthSince(a, 5)).singleElement().satisfies(g -> {
            assertThat(g.className()).isEqualTo("io.steadystate.strategy.fault.RallyPoint");
            assertThat(g.bytesDelta()).isEqualTo(6_399_520);
        });
    }
}
