package io.steadystate.soak.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProfileCatalogTest {

    @Test
    void builtInCatalogHasTheRequiredProfilesAndWeekIsTheDefault() {
        ProfileCatalog catalog = ProfileCatalog.builtIn();
        assertThat(catalog.names()).contains("smoke", "day", "week", "churn", "burst");
        assertThat(catalog.defaultName()).isEqualTo("week");
        Profile week = catalog.defaultProfile();
        assertThat(week.duration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(week.simulatedDays()).isGreaterThanOrEqualTo(3);
        assertThat(week.churnPerDay()).isPositive();
        // the density the leak detector's limit rests on (#12): at least 10 M ticks planned per default run
        assertThat(week.wallTicksPerSecond() * week.duration().toSeconds()).isGreaterThanOrEqualTo(10_000_000);
    }

    @Test
    void chaosKillsAtTheDefaultWorkloadsDensity() {
        // #13: "passes on the default workload size" — recovery has to catch up an 18,000 ticks/s feed, not a lighter
        // one
        ProfileCatalog catalog = ProfileCatalog.builtIn();
        Profile chaos = catalog.get("chaos");
        Profile week = catalog.defaultProfile();
        assertThat(chaos.symbols()).isEqualTo(week.symbols());
        assertThat(chaos.wallTicksPerSecond()).isEqualTo(week.wallTicksPerSecond());
        assertThat(chaos.duration()).isEqualTo(week.duration());
        assertThat(catalog.chaos("chaos"))
                .hasValueSatisfying(spec -> assertThat(spec).contains("broker"));
    }

    @Test
    void aProfileStoredBeforeWorkloadsExistedIsJudgedOnTheDefaultProductionDay() {
        Profile smoke = ProfileCatalog.builtIn().get("smoke");
        assertThat(smoke.withWorkload(null).workload()).isEqualTo(io.steadystate.soak.verdict.Workload.DEFAULT);
    }

    @Test
    void smokeFitsTheCiBudget() {
        Profile smoke = ProfileCatalog.builtIn().get("smoke");
        assertThat(smoke.duration()).isLessThanOrEqualTo(Duration.ofMinutes(2));
        assertThat(smoke.duration().dividedBy(smoke.sampleInterval())).isGreaterThanOrEqualTo(30);
    }

    @Test
    void burstProfileParsesItsSpikes() {
        Profile burst = ProfileCatalog.builtIn().get("burst");
        assertThat(burst.burst()).isEqualTo(new Profile.Burst(Duration.ofMinutes(2), 5, Duration.ofSeconds(20)));
    }

    @Test
    void aProfileDeclaresItsProductionWorkloadOrGetsTheDefault() {
        String yaml = """
                profiles:
                  busy:
                    duration: 1m
                    symbols: 10
                    ticksPerSymbolPerSecond: 1
                    speed: 1
                    sampleInterval: 2s
                    workload: "symbols=3000,ticks=50000,heap=1g"
                """;
        var w = ProfileCatalog.parse(yaml).get("busy").workload();
        assertThat(w.symbols()).isEqualTo(3000);
        assertThat(w.ticksPerSymbolPerDay()).isEqualTo(50_000);
        assertThat(w.heapMb()).isEqualTo(1024);
        assertThat(w.ordersPerDay()).isEqualTo(io.steadystate.soak.verdict.Workload.DEFAULT.ordersPerDay());
        assertThat(ProfileCatalog.builtIn().defaultProfile().workload())
                .isEqualTo(io.steadystate.soak.verdict.Workload.DEFAULT);
        assertThat(ProfileCatalog.builtIn()
                        .get("smoke")
                        .withTicksPerSymbolPerSecond(0.2)
                        .wallTicksPerSecond())
                .isEqualTo(40 * 0.2 * 1440);
    }

    @Test
    void invalidValuesAreRejectedWithTheProfileName() {
        String yaml = """
                profiles:
                  bad:
                    duration: 1m
                    symbols: 0
                    ticksPerSymbolPerSecond: 1
                    speed: 1
                    sampleInterval: 2s
                """;
        assertThatThrownBy(() -> ProfileCatalog.parse(yaml))
                .hasMessageContaining("'bad'")
                .hasMessageContaining("symbols");
        assertThatThrownBy(() -> ProfileCatalog.parse("profiles: {}")).hasMessageContaining("profiles");
        assertThatThrownBy(() -> ProfileCatalog.builtIn().get("nope")).hasMessageContaining("known");
    }

    @Test
    void overridesKeepTheProfileValid() {
        Profile smoke = ProfileCatalog.builtIn().get("smoke").withDuration(Duration.ofSeconds(20));
        assertThat(smoke.sampleInterval()).isLessThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(smoke.withSymbols(7).symbols()).isEqualTo(7);
    }

    @Test
    void durationsReadAsPeopleWriteThem() {
        assertThat(DurationText.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationText.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationText.parse("PT5M")).isEqualTo(Duration.ofMinutes(5));
        assertThat(DurationText.format(Duration.ofSeconds(125))).isEqualTo("2m05s");
        assertThatThrownBy(() -> DurationText.parse("10 minutes")).hasMessageContaining("not a duration");
    }
}
