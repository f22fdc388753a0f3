package io.steadystate.kit.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FaultSwitchTest {

    private static final Set<String> MODES = Set.of("rally-cache", "symbol-managers");

    @Test
    void noneIsOffAndOwnModesAreOnWhateverTheirSpelling() {
        assertThat(new FaultSwitch("strategy-service", MODES, "none", 1).active())
                .isFalse();
        FaultSwitch on = new FaultSwitch("strategy-service", MODES, " Rally-Cache ", 3);
        assertThat(on.active()).isTrue();
        assertThat(on.mode()).isEqualTo("rally-cache");
        assertThat(on.rate()).isEqualTo(3);
    }

    @Test
    void anotherServicesModeLeavesThisServiceClean() {
        FaultSwitch other = new FaultSwitch("strategy-service", MODES, "event-log", 1);
        assertThat(other.active()).isFalse();
        assertThat(other.mode()).isEqualTo(FaultSwitch.NONE);
    }

    @Test
    void aRateBelowOneIsRefused() {
        assertThatThrownBy(() -> new FaultSwitch("order-service", Set.of("order-tracking"), "none", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rate");
    }

    @Test
    void theGaugesShowTheSwitchAndWhatTheFaultHolds() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AtomicLong leaked = new AtomicLong();
        new FaultSwitch("order-service", Set.of("order-tracking"), "order-tracking", 1)
                .bindGauges(registry, leaked, AtomicLong::get);
        leaked.set(30);
        assertThat(registry.get("steadystate.fault.active").gauge().value()).isEqualTo(1);
        assertThat(registry.get("steadystate.fault.leaked.objects").gauge().value())
                .isEqualTo(30);

        SimpleMeterRegistry offRegistry = new SimpleMeterRegistry();
        new FaultSwitch("order-service", Set.of("order-tracking"), "none", 1)
                .bindGauges(offRegistry, leaked, AtomicLong::get);
        assertThat(offRegistry.get("steadystate.fault.active").gauge().value()).isZero();
    }
}
