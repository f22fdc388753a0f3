package io.steadystate.soak.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrafanaTemplateTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void intervalsFollowGrafana() {
        // 1 h over 600 points = 6 s, above the 2 s scrape interval; rate interval = max(6 + 2, 4 x 2) = 8 s
        GrafanaTemplate hour = new GrafanaTemplate(T0, T0.plusSeconds(3600), Duration.ofSeconds(2));
        assertThat(hour.expand("rate(x[$__rate_interval]) $__interval ${__range} $__range_s"))
                .isEqualTo("rate(x[8s]) 6s 3600s 3600");
        // a short run: $__interval never below the scrape interval, rate interval 4 x scrape
        GrafanaTemplate minute = new GrafanaTemplate(T0, T0.plusSeconds(60), Duration.ofSeconds(15));
        assertThat(minute.expand("[$__rate_interval] [$__interval]")).isEqualTo("[60s] [15s]");
    }

    @Test
    void multiValuesBecomeAnEscapedRegexLikeGrafanas() {
        assertThat(GrafanaTemplate.format(List.of("a-b", "c.d"), true)).isEqualTo("(a-b|c\\\\.d)");
        assertThat(GrafanaTemplate.format(List.of("only"), true)).isEqualTo("only");
        assertThat(GrafanaTemplate.format(List.of("x.y", "z"), false)).isEqualTo("x.y");
    }

    @Test
    void unknownReferencesStayVisible() {
        GrafanaTemplate t = new GrafanaTemplate(T0, T0.plusSeconds(60), Duration.ofSeconds(1));
        assertThat(t.expand("up{job=\"$nope\"}")).isEqualTo("up{job=\"$nope\"}");
    }

    @Test
    void unitsReadAsInGrafana() {
        assertThat(GrafanaUnit.format("bytes", 3 * 1024 * 1024)).isEqualTo("3 MiB");
        assertThat(GrafanaUnit.format("percentunit", 0.425)).isEqualTo("42.5%");
        assertThat(GrafanaUnit.format("s", 0.0123)).isEqualTo("12.3 ms");
        assertThat(GrafanaUnit.format("ops", 2500)).isEqualTo("2.50 K ops/s");
        assertThat(GrafanaUnit.format("Bps", 6_000_000)).isEqualTo("6 MB/s");
        assertThat(GrafanaUnit.format("short", 5000)).isEqualTo("5 K");
    }

    @Test
    void legendsFillGrafanaPlaceholders() {
        assertThat(PanelHtml.legend(
                        "{{service}} {{ store }} entries", java.util.Map.of("service", "s", "store", "symbols")))
                .isEqualTo("s symbols entries");
        assertThat(PanelHtml.legend("", new java.util.TreeMap<>(java.util.Map.of("a", "1", "b", "2"))))
                .isEqualTo("{a=\"1\", b=\"2\"}");
    }
}
