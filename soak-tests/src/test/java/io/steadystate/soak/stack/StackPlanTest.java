package io.steadystate.soak.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StackPlanTest {

    /** The real JVM flags, a stand-in for {@code -jar}: what the plan decides is the part before it. */
    static final ServiceLauncher JVM = new ServiceLauncher() {
        @Override
        public String missing(ServiceId id) {
            return null;
        }

        @Override
        public List<String> command(ServiceId id, String heap, Map<String, String> props) {
            List<String> cmd = new ArrayList<>(ServiceLauncher.jvm(heap, props));
            cmd.add(id.module());
            return cmd;
        }
    };

    private final StackPlan plan = StackPlan.of(
            Path.of("/repo"), Path.of("/runs/a"), JVM, "256m", new StackPlan.Market(500, 0.25, 1440, 0, 0.5), "token");

    @Test
    void marketDataSimulatesThePlannedMarketSeededAndWaitsToBeStarted() {
        assertThat(plan.serviceProperties().get(ServiceId.MARKET_DATA))
                .containsExactly(
                        Map.entry("steadystate.market.seed", "42"),
                        Map.entry("steadystate.market.symbols", "500"),
                        Map.entry("steadystate.market.ticks-per-symbol-per-second", "0.25"),
                        Map.entry("steadystate.market.speed", "1440"),
                        Map.entry("steadystate.market.max-ticks-per-second", "0"),
                        Map.entry("steadystate.market.churn-per-day", "0.5"),
                        Map.entry("steadystate.market.autostart", "false"));
    }

    @Test
    void strategyHasRoomForTwiceTheUniverseAndOrderServiceKeepsItsDefaults() {
        assertThat(plan.serviceProperties().get(ServiceId.STRATEGY))
                .containsExactly(Map.entry("steadystate.strategy.max-symbols", "1050"));
        assertThat(plan.serviceProperties().get(ServiceId.ORDER)).isEmpty();
    }

    @Test
    void overridesComeAfterThePlansOwnPropertiesAndWin() {
        StackPlan p = plan.with(ServiceId.MARKET_DATA, Map.of("steadystate.market.seed", "7"))
                .with(ServiceId.MARKET_DATA, Map.of("x.y", "1"));
        assertThat(p.serviceProperties().get(ServiceId.MARKET_DATA))
                .containsEntry("steadystate.market.seed", "7")
                .containsEntry("x.y", "1")
                .hasSize(8);
        assertThat(plan.serviceProperties().get(ServiceId.MARKET_DATA)).containsEntry("steadystate.market.seed", "42");
    }

    @Test
    void aFaultIsSwitchedOnInItsServiceOnly() {
        StackPlan p = plan.withFault(Fault.parse("order:order-tracking:3"));
        assertThat(p.serviceProperties().get(ServiceId.ORDER))
                .containsExactly(
                        Map.entry("steadystate.fault.mode", "order-tracking"),
                        Map.entry("steadystate.fault.rate", "3"));
        assertThat(p.serviceProperties().get(ServiceId.STRATEGY)).doesNotContainKey("steadystate.fault.mode");
        assertThat(p.serviceProperties().get(ServiceId.MARKET_DATA)).doesNotContainKey("steadystate.fault.mode");
    }

    @Test
    void aServiceListensOnLoopbackAtItsPortWithTheBrokerAndItsPropertiesUnderAFixedG1Heap() {
        List<String> cmd = plan.command(ServiceId.STRATEGY, 40123, "127.0.0.1:9092");
        assertThat(cmd.get(0)).endsWith("/bin/java");
        assertThat(cmd)
                .containsSubsequence(
                        "-Xms256m",
                        "-Xmx256m",
                        "-XX:+UseG1GC",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-Dquarkus.http.host=127.0.0.1",
                        "-Dquarkus.http.port=40123",
                        "-Dkafka.bootstrap.servers=127.0.0.1:9092",
                        "-Dsteadystate.strategy.max-symbols=1050",
                        "strategy-service");
        assertThat(String.join(" ", cmd)).doesNotContain("token"); // the token goes through the environment
    }

    @Test
    void theSamePlanGivesTheSameCommandLineSoARestartIsTheSameJvm() {
        StackPlan faulty = plan.withFault(Fault.parse("strategy:rally-cache"));
        assertThat(faulty.command(ServiceId.STRATEGY, 40123, "b:1"))
                .isEqualTo(faulty.command(ServiceId.STRATEGY, 40123, "b:1"))
                .contains("-Dsteadystate.fault.mode=rally-cache");
    }

    @Test
    void thePlanFindsTheBrokersClasspathInTheRepoAndStartsWithoutPrometheus() {
        assertThat(plan.kafkaLibs()).isEqualTo(Path.of("/repo/soak-tests/target/kafka-libs"));
        assertThat(plan.prometheusBinary()).isEmpty();
        assertThat(plan.readyTimeout()).isEqualTo(StackPlan.READY_TIMEOUT);
        StackPlan p =
                plan.withPrometheus(Optional.of(Path.of("/usr/bin/prometheus"))).readyWithin(Duration.ofSeconds(5));
        assertThat(p.prometheusBinary()).contains(Path.of("/usr/bin/prometheus"));
        assertThat(p.readyTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.serviceProperties()).isEqualTo(plan.serviceProperties());
    }

    @Test
    void integralNumbersLoseTheirFractionSoIntegerKeysParse() {
        assertThat(StackPlan.num(1_000_000.0)).isEqualTo("1000000");
        assertThat(StackPlan.num(0.1)).isEqualTo("0.1");
    }
}
