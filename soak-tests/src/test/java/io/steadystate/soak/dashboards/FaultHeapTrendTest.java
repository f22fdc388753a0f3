package io.steadystate.soak.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import io.steadystate.soak.sampling.Counters;
import io.steadystate.soak.sampling.Sample;
import io.steadystate.soak.sampling.ServiceSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FaultHeapTrendTest {

    private static final String STRATEGY = "strategy-service";

    @Test
    void slopeOverTheSteadyPartInMbPerWallHour() {
        // 600 s run, 8 s samples: a warm-up jump in the first half must not count, then 0.002 MB/s = 7.2 MB/h
        List<Sample> samples = new ArrayList<>();
        for (int t = 0; t <= 600; t += 8) {
            samples.add(sample(t, t < 300 ? 20 + t * 0.1 : 50 + t * 0.002));
        }
        FaultHeapTrend trend = FaultHeapTrend.of(samples, STRATEGY, 256, 0.5);
        assertThat(trend.mbPerHour()).isCloseTo(7.2, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(trend.levelMb()).isCloseTo(50 + 600 * 0.002, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(trend.fillsWithinHour()).isFalse();

        List<Sample> fast = new ArrayList<>();
        for (int t = 0; t <= 600; t += 8) {
            fast.add(sample(t, 20 + t * 0.1)); // 360 MB an hour
        }
        assertThat(FaultHeapTrend.of(fast, STRATEGY, 256, 0.5).fillsWithinHour())
                .isTrue();
        assertThat(FaultHeapTrend.of(fast.subList(0, 6), STRATEGY, 256, 0.5))
                .as("3 steady samples")
                .isNull();
    }

    @Test
    void aSlowLeakNeedNotTripTheFastRuleAFastOneMust() {
        AlertRulesOnRun.Alert quietHeapRule = new AlertRulesOnRun.Alert(
                AlertRulesOnRun.HEAP_GROWTH,
                "x > 1",
                "x > 1",
                Duration.ofMinutes(5),
                Duration.ofSeconds(10),
                1,
                1,
                AlertRulesOnRun.State.QUIET,
                Duration.ZERO,
                List.of(),
                null);
        Instant start = Instant.parse("2026-12-01T17:00:00Z");
        RunScope slow = scope(start, new FaultHeapTrend(STRATEGY, 40, 6.5, 256));
        assertThat(AlertRulesOnRun.checks(List.of(quietHeapRule), slow))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.passed()).as(c.detail()).isTrue();
                    assertThat(c.detail()).contains("not expected to fire").contains("+6.5 MB per wall hour");
                });
        RunScope fast = scope(start, new FaultHeapTrend(STRATEGY, 120, 300, 256));
        assertThat(AlertRulesOnRun.checks(List.of(quietHeapRule), fast))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.passed()).isFalse();
                    assertThat(c.detail()).contains("never held for strategy-service");
                });
        assertThat(AlertRulesOnRun.checks(List.of(quietHeapRule), scope(start, null)))
                .singleElement()
                .satisfies(c -> assertThat(c.passed())
                        .as("trend unknown: the rule must fire")
                        .isFalse());
    }

    @Test
    void aDenseRunShortensTheRulesTimeAgainAndTheLongRulesAreNotJudged() {
        // the default profile: 18,000 ticks/s against 20 M ticks a production day over 6.5 market hours
        double compression = RunScope.compression(18_000, 20_000_000);
        assertThat(compression).isCloseTo(21.06, org.assertj.core.data.Offset.offset(0.01));
        assertThat(RunScope.compression(100, 20_000_000))
                .as("sparser than production: no compression")
                .isEqualTo(1);
        AlertRulesOnRun.Alert twoHourRule = alert(48, compression);
        assertThat(twoHourRule.judgedOnCleanRun()).isFalse();
        assertThat(twoHourRule.notJudgedWhy()).isEqualTo("range cut 48x × 21x denser than production");
        assertThat(alert(48, 1).judgedOnCleanRun()).isTrue();
        assertThat(alert(4, compression).judgedOnCleanRun())
                .as("the 10-minute rule cut 4x")
                .isTrue();
    }

    private static AlertRulesOnRun.Alert alert(double cut, double compression) {
        return new AlertRulesOnRun.Alert(
                "R",
                "x",
                "x",
                Duration.ofMinutes(30),
                Duration.ofSeconds(36),
                cut,
                compression,
                AlertRulesOnRun.State.FIRING,
                Duration.ofSeconds(60),
                List.of(),
                null);
    }

    private static RunScope scope(Instant start, FaultHeapTrend trend) {
        return new RunScope(start, start.plusSeconds(600), Set.of(STRATEGY), STRATEGY, true, 0.2, false, trend, 1);
    }

    private static Sample sample(double elapsed, double postGcMb) {
        ServiceSample s = new ServiceSample(
                STRATEGY,
                true,
                postGcMb * 1048576,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                0,
                Map.of(),
                Counters.NONE,
                null);
        return new Sample((int) elapsed, 0, elapsed, null, 0, List.of(s), Map.of());
    }
}
