package io.steadystate.marketdata.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.steadystate.core.event.SessionOpened;
import io.steadystate.core.event.Tick;
import org.junit.jupiter.api.Test;

class EventLogFaultTest {

    @Test
    void theEventLogKeepsEveryPublishedEventOnlyWhenSwitchedOn() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        EventLogFault off = new EventLogFault("none", 1, registry);
        off.record(new SessionOpened(1, 1));
        assertThat(off.leakedObjects()).isZero();
        assertThat(registry.get("steadystate.fault.active").gauge().value()).isZero();

        SimpleMeterRegistry onRegistry = new SimpleMeterRegistry();
        EventLogFault on = new EventLogFault("event-log", 3, onRegistry);
        for (int i = 0; i < 10; i++) {
            on.record(new Tick("ACME", i, i + 1, 10, 9.99, 10.01, 100, 0));
        }
        assertThat(on.leakedObjects()).isEqualTo(30);
        assertThat(onRegistry.get("steadystate.fault.active").gauge().value()).isEqualTo(1);
        assertThat(onRegistry.get("steadystate.fault.leaked.objects").gauge().value())
                .isEqualTo(30);
    }

    @Test
    void anotherServicesFaultModeLeavesThisServiceClean() {
        EventLogFault fault = new EventLogFault("rally-cache", 1, new SimpleMeterRegistry());
        fault.record(new SessionOpened(1, 1));
        assertThat(fault.active()).isFalse();
        assertThat(fault.leakedObjects()).isZero();
    }
}
