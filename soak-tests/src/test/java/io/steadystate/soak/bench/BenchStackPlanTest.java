package io.steadystate.soak.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.steadystate.soak.stack.ServiceId;
import io.steadystate.soak.stack.ServiceLauncher;
import io.steadystate.soak.stack.StackPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ./soak bench}'s local stack: the same recipe as a run's, with the bench's market and limits. */
class BenchStackPlanTest {

    private static final Path REPO = Path.of("/repo");

    private static BenchOptions options(Map<ServiceId, Map<String, String>> extra) {
        return new BenchOptions(
                1,
                Duration.ofSeconds(5),
                List.of(2_000L, 10_000L),
                Path.of("/runs/b"),
                REPO,
                true,
                "tok",
                "256m",
                300,
                1.0,
                false,
                extra,
                2);
    }

    @Test
    void theMarketIsCappedAtTheFirstLoadWithoutChurnAndFarFasterThanNeeded() {
        StackPlan plan = BenchRunner.plan(options(Map.of()), ServiceLauncher.quarkusJars(REPO));
        assertThat(plan.market()).isEqualTo(new StackPlan.Market(300, 1.0, BenchRunner.SPEED, 2_000, 0));
        assertThat(plan.serviceProperties().get(ServiceId.MARKET_DATA))
                .containsEntry("steadystate.market.max-ticks-per-second", "2000")
                .containsEntry("steadystate.market.churn-per-day", "0")
                .containsEntry("steadystate.market.autostart", "false");
        assertThat(plan.serviceProperties().get(ServiceId.STRATEGY))
                .containsEntry("steadystate.strategy.max-symbols", "650");
        assertThat(plan.prometheusBinary()).isEmpty();
        assertThat(plan.readyTimeout()).isEqualTo(BenchRunner.READY_TIMEOUT);
    }

    /** A dropped backlog skips weeks of event time at speed 10⁶: the default 7-day step would refuse every tick after. */
    @Test
    void theEventTimeStepGuardIsWidenedForTheDroppedBacklogs() {
        StackPlan plan = BenchRunner.plan(options(Map.of()), ServiceLauncher.quarkusJars(REPO));
        assertThat(plan.serviceProperties().get(ServiceId.ORDER))
                .containsEntry("steadystate.order.max-event-time-step", "P3650D");
        assertThat(plan.serviceProperties().get(ServiceId.STRATEGY))
                .containsEntry("steadystate.strategy.max-event-time-step", "P3650D");
    }

    @Test
    void riskLimitsAreOutOfTheWayAndSetOverridesWin() {
        StackPlan plan = BenchRunner.plan(
                options(Map.of(
                        ServiceId.ORDER,
                        Map.of("steadystate.order.max-open-orders", "5"),
                        ServiceId.STRATEGY,
                        Map.of("a.b", "c"))),
                ServiceLauncher.quarkusJars(REPO));
        assertThat(plan.serviceProperties().get(ServiceId.ORDER))
                .containsExactly(
                        Map.entry("steadystate.order.max-event-time-step", BenchRunner.BACKLOG_DROP_STEP),
                        Map.entry("steadystate.order.max-open-orders", "5"),
                        Map.entry("steadystate.order.max-orders-per-second", "1000000"));
        assertThat(plan.serviceProperties().get(ServiceId.STRATEGY))
                .containsEntry("a.b", "c")
                .containsEntry("steadystate.strategy.max-symbols", "650");
    }
}
