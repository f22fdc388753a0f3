package io.steadystate.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventTimeGuardTest {

    private static final long MONDAY_OPEN =
            Instant.parse("2026-01-05T14:30:00Z").toEpochMilli();
    private static final long YEAR_2199 = Instant.parse("2199-06-01T00:00:00Z").toEpochMilli();
    private final EventTimeGuard guard = EventTimeGuard.defaults();

    @Test
    void aStepWithinTheLimitIsAccepted() {
        assertThat(guard.problemWith(MONDAY_OPEN + 1_000, MONDAY_OPEN)).isNull();
    }

    @Test
    void theWeekendJumpOfTheSessionCalendarIsAccepted() {
        long fridayClose = Instant.parse("2026-01-09T21:00:00Z").toEpochMilli();
        long tuesdayOpenAfterAHolidayMonday =
                Instant.parse("2026-01-13T14:30:00Z").toEpochMilli();
        assertThat(guard.problemWith(tuesdayOpenAfterAHolidayMonday, fridayClose))
                .isNull();
    }

    @Test
    void aJumpBeyondTheMaxStepIsRefusedWithTheTimesInTheMessage() {
        String problem = guard.problemWith(MONDAY_OPEN + Duration.ofDays(8).toMillis(), MONDAY_OPEN);
        assertThat(problem)
                .contains("ahead of the event clock")
                .contains("2026-01-05T14:30:00Z")
                .contains("PT168H");
    }

    @Test
    void aFarFutureEventIsRefusedEvenWhenTheClockHasNotStarted() {
        assertThat(guard.problemWith(YEAR_2199, Long.MIN_VALUE)).contains("outside the window");
        assertThat(guard.problemWith(YEAR_2199, MONDAY_OPEN)).contains("outside the window");
    }

    @Test
    void theFirstEventIsJudgedByTheAbsoluteWindowOnly() {
        assertThat(guard.problemWith(MONDAY_OPEN, new EventClock())).isNull();
        assertThat(guard.problemWith(Instant.parse("1999-12-31T23:59:59Z").toEpochMilli(), new EventClock()))
                .contains("outside the window");
    }

    @Test
    void aLateEventIsAcceptedButAnEventBeforeTheFloorIsNot() {
        assertThat(guard.problemWith(MONDAY_OPEN - Duration.ofDays(30).toMillis(), MONDAY_OPEN))
                .isNull();
        assertThat(guard.problemWith(-1, MONDAY_OPEN)).contains("outside the window");
        assertThat(guard.problemWith(Long.MIN_VALUE + 1, MONDAY_OPEN)).contains("outside the window");
    }

    @Test
    void aClockSetFarOutsideTheWindowCannotOverflowTheStep() {
        assertThat(guard.problemWith(MONDAY_OPEN, Long.MIN_VALUE + 1)).contains("ahead of the event clock");
    }

    @Test
    void theEventClockSaturatesInsteadOfOverflowingItsNanoTicker() {
        EventClock clock = new EventClock();
        clock.advanceTo(Long.MAX_VALUE / 1_000);
        assertThat(clock.read()).isEqualTo(Long.MAX_VALUE);
        EventClock normal = new EventClock();
        normal.advanceTo(MONDAY_OPEN);
        assertThat(normal.read()).isEqualTo(MONDAY_OPEN * 1_000_000L);
    }
}
