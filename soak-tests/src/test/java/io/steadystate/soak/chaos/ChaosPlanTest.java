package io.steadystate.soak.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChaosPlanTest {

    @Test
    void defaultPlanKillsEachServiceThenTheBrokerInOrderInsideTheWindow() {
        List<ChaosPlan.Kill> kills = ChaosPlan.parse("default").schedule(Duration.ofMinutes(10));
        assertThat(kills)
                .extracting(ChaosPlan.Kill::target)
                .containsExactly(ChaosTarget.MARKET_DATA, ChaosTarget.STRATEGY, ChaosTarget.ORDER, ChaosTarget.BROKER);
        assertThat(kills).allMatch(k -> k.atSeconds() >= 90 && k.atSeconds() <= 360);
        for (int i = 1; i < kills.size(); i++) {
            // one slot per kill, middle 80 %: at least a fifth of a slot (13.5 s here) apart
            assertThat(kills.get(i).atSeconds() - kills.get(i - 1).atSeconds()).isGreaterThan(13.5);
        }
    }

    @Test
    void theSameSeedGivesTheSamePointsAndAnotherSeedOthers() {
        Duration d = Duration.ofMinutes(8);
        assertThat(ChaosPlan.parse("seed=5").schedule(d))
                .isEqualTo(ChaosPlan.parse("seed=5").schedule(d));
        assertThat(ChaosPlan.parse("seed=5").schedule(d))
                .isNotEqualTo(ChaosPlan.parse("seed=6").schedule(d));
    }

    @Test
    void specKeysOverrideTheDefaultsAndRoundsRepeatTheTargets() {
        ChaosPlan p = ChaosPlan.parse("targets=order+broker,seed=7,from=0.1,to=0.5,rounds=2");
        assertThat(p.schedule(Duration.ofMinutes(4)))
                .extracting(k -> k.target().label())
                .containsExactly("order", "broker", "order", "broker");
        assertThat(p.toString()).isEqualTo("targets=order+broker,seed=7,from=0.1,to=0.5,rounds=2");
        assertThat(ChaosPlan.parse(p.toString())).isEqualTo(p);
    }

    @Test
    void badSpecsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> ChaosPlan.parse("targets=order+db")).hasMessageContaining("unknown service 'db'");
        assertThatThrownBy(() -> ChaosPlan.parse("from=0.6,to=0.5")).hasMessageContaining("window");
        assertThatThrownBy(() -> ChaosPlan.parse("seed=x")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> ChaosPlan.parse("speed=2")).hasMessageContaining("unknown --chaos key");
    }
}
