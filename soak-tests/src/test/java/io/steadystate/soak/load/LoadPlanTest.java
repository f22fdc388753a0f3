package io.steadystate.soak.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.steadystate.soak.profile.Profile;
import io.steadystate.soak.profile.ProfileCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Gatling simulation's parameters, from a profile to the child JVM and back — without running Gatling. */
class LoadPlanTest {

    private final Profile week = ProfileCatalog.builtIn().get("week");

    @Test
    void theProfileDecidesUsersRateAndDurationUnderTheDefaultAssertions() {
        LoadPlan plan = LoadPlan.of(week, "http://127.0.0.1:4001/", "http://127.0.0.1:4002/", "tok");
        assertThat(plan.users()).isEqualTo(week.orderApi().users());
        assertThat(plan.rps()).isEqualTo(week.orderApi().rps());
        assertThat(plan.duration()).isEqualTo(week.duration());
        assertThat(plan.orderUrl()).isEqualTo("http://127.0.0.1:4001");
        assertThat(plan.marketUrl()).isEqualTo("http://127.0.0.1:4002");
        assertThat(plan.assertions()).isEqualTo("error rate < 1%, p99 < 1 s");
    }

    @Test
    void aProfileMayLoosenTheTailItAssertsTheCiSmokeDoes() {
        Profile smoke = ProfileCatalog.builtIn().get("smoke");
        assertThat(LoadPlan.of(smoke, "http://127.0.0.1:4001", "http://127.0.0.1:4002", "tok")
                        .assertions())
                .isEqualTo("error rate < 1%, p99 < 3 s");
        assertThat(ProfileCatalog.parse("profiles:\n  p:\n    duration: 1m\n    symbols: 1\n"
                                + "    ticksPerSymbolPerSecond: 1\n    speed: 1\n    sampleInterval: 5s\n"
                                + "    orderApi: { users: 1, rps: 1, p99: 250ms }\n")
                        .get("p")
                        .orderApi()
                        .p99())
                .isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void whatTheRunnerSetsIsWhatTheSimulationReadsTheTokenComingFromTheEnvironment() {
        LoadPlan plan = LoadPlan.of(week, "http://127.0.0.1:4001", "http://127.0.0.1:4002", "s3cret");
        Map<String, String> props = plan.systemProperties();
        assertThat(props).doesNotContainValue("s3cret");
        LoadPlan read = LoadPlan.read(props::get, Map.of(LoadPlan.TOKEN_ENV, "s3cret")::get);
        assertThat(read)
                .isEqualTo(new LoadPlan(
                        plan.orderUrl(),
                        plan.marketUrl(),
                        "s3cret",
                        plan.users(),
                        Math.round(plan.rps() * 100) / 100.0,
                        plan.duration(),
                        1000,
                        1));
    }

    @Test
    void withNothingSetTheSimulationRunsASmallLoopbackLoad() {
        LoadPlan read = LoadPlan.read(k -> null, k -> null);
        assertThat(read)
                .isEqualTo(new LoadPlan(
                        "http://127.0.0.1:8083",
                        "http://127.0.0.1:8081",
                        "steadystate-local",
                        2,
                        4,
                        Duration.ofSeconds(60),
                        1000,
                        1));
    }

    @Test
    void gatlingGetsAtLeastOneTraderAndAWholeRequestRate() {
        assertThat(new LoadPlan("a", "b", "t", 0, 0.2, Duration.ofSeconds(30), 1000, 1).traders())
                .isEqualTo(1);
        assertThat(new LoadPlan("a", "b", "t", 0, 0.2, Duration.ofSeconds(30), 1000, 1).throttleRps())
                .isEqualTo(1);
        assertThat(new LoadPlan("a", "b", "t", 3, 7.6, Duration.ofSeconds(30), 1000, 1).throttleRps())
                .isEqualTo(8);
        assertThat(new LoadPlan("a", "b", "t", 3, 7.6, Duration.ofSeconds(30), 250, 0.5).assertions())
                .isEqualTo("error rate < 0.5%, p99 < 250 ms");
    }

    @Test
    void gatlingsJvmRunsTheSimulationWithAnalyticsOffAndNoTokenOnItsCommandLine() {
        LoadPlan plan = LoadPlan.of(week, "http://127.0.0.1:4001", "http://127.0.0.1:4002", "s3cret");
        List<String> cmd = GatlingRunner.command(plan, Path.of("/runs/x/gatling"));
        assertThat(cmd)
                .contains(
                        "-Dgatling.data.enableAnalytics=false",
                        "-Dsoak.order.url=http://127.0.0.1:4001",
                        "-Dsoak.duration.seconds=" + week.duration().toSeconds(),
                        "io.gatling.app.Gatling",
                        SoakApiSimulation.class.getName(),
                        "/runs/x/gatling");
        assertThat(String.join(" ", cmd)).doesNotContain("s3cret");
        Map<String, String> d = new HashMap<>();
        cmd.stream()
                .filter(a -> a.startsWith("-Dsoak."))
                .forEach(a -> d.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1)));
        assertThat(d).isEqualTo(plan.systemProperties());
    }
}
