package io.steadystate.soak.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.steadystate.soak.profile.Profile;
import io.steadystate.soak.profile.ProfileCatalog;
import io.steadystate.soak.stack.Fault;
import io.steadystate.soak.stack.ServiceId;
import io.steadystate.soak.stack.ServiceLauncher;
import io.steadystate.soak.stack.StackPlan;
import io.steadystate.soak.trace.TraceMode;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code ./soak run}'s local stack, from its profile and options. */
class RunStackPlanTest {

    private static final Path REPO = Path.of("/repo");

    private static StackPlan plan(Profile p, Fault fault, Optional<Path> prometheus) {
        return SoakSession.plan(
                new SessionOptions(
                        p, fault, Path.of("/runs/x"), REPO, null, null, null, "tok", true, prometheus, TraceMode.OFF),
                ServiceLauncher.quarkusJars(REPO));
    }

    @Test
    void theProfileDecidesTheMarketAndTheHeap() {
        Profile week = ProfileCatalog.builtIn().get("week");
        StackPlan plan = plan(week, null, Optional.empty());
        assertThat(plan.heap()).isEqualTo(week.heap());
        assertThat(plan.market())
                .isEqualTo(new StackPlan.Market(
                        week.symbols(),
                        week.ticksPerSymbolPerSecond(),
                        week.speed(),
                        week.maxTicksPerSecond(),
                        week.churnPerDay()));
        assertThat(plan.serviceProperties().get(ServiceId.MARKET_DATA))
                .containsEntry("steadystate.market.symbols", Integer.toString(week.symbols()))
                .containsEntry("steadystate.market.autostart", "false");
        assertThat(plan.apiToken()).isEqualTo("tok");
        assertThat(plan.readyTimeout()).isEqualTo(StackPlan.READY_TIMEOUT);
    }

    @Test
    void aFaultAndPrometheusComeFromTheOptions() {
        Profile smoke = ProfileCatalog.builtIn().get("smoke");
        StackPlan plan =
                plan(smoke, Fault.parse("strategy:bytes-per-kilotick:1000"), Optional.of(Path.of("/bin/prometheus")));
        assertThat(plan.serviceProperties().get(ServiceId.STRATEGY))
                .containsEntry("steadystate.fault.mode", "bytes-per-kilotick")
                .containsEntry("steadystate.fault.rate", "1000");
        assertThat(plan.prometheusBinary()).contains(Path.of("/bin/prometheus"));
        assertThat(plan(smoke, null, Optional.empty()).serviceProperties().get(ServiceId.STRATEGY))
                .doesNotContainKey("steadystate.fault.mode");
    }
}
