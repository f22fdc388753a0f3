package io.steadystate.marketdata.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TickScheduleTest {

    private static final long SECOND_NANOS = 1_000_000_000L;

    @Test
    void aTickIsDueAtTheWallInstantItsSimulatedTimeMapsToInsideTheGrant() {
        TickSchedule schedule = new TickSchedule();
        // 1 wall second from t=5 s (in micros), playing simulated time from 1000 s at speed 60
        schedule.grant(1_000 * SECOND_NANOS, 5_000_000, 6_000_000, 60);
        assertThat(schedule.originMicros(1_000 * SECOND_NANOS)).isEqualTo(5_000_000);
        assertThat(schedule.originMicros(1_030 * SECOND_NANOS))
                .as("30 simulated s = 0.5 wall s")
                .isEqualTo(5_500_000);
        assertThat(schedule.originMicros(1_000 * SECOND_NANOS + 60_000))
                .as("microsecond precision")
                .isEqualTo(5_000_001);
    }

    @Test
    void aTickIsNeverDueOutsideItsGrant() {
        TickSchedule schedule = new TickSchedule();
        schedule.grant(1_000 * SECOND_NANOS, 5_000_000, 6_000_000, 60);
        assertThat(schedule.originMicros(90_000 * SECOND_NANOS))
                .as("after a night the clock jumped over")
                .isEqualTo(6_000_000);
        assertThat(schedule.originMicros(999 * SECOND_NANOS)).isEqualTo(5_000_000);
    }

    @Test
    void beforeTheSourceHasAClockTheTicksOfTheFirstGrantAreDueAtItsEnd() {
        TickSchedule schedule = new TickSchedule();
        schedule.grant(Long.MIN_VALUE, 5_000_000, 6_000_000, 60);
        assertThat(schedule.originMicros(123 * SECOND_NANOS)).isEqualTo(6_000_000);
    }

    @Test
    void anInvertedIntervalIsRefused() {
        assertThatThrownBy(() -> new TickSchedule().grant(0, 2, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
