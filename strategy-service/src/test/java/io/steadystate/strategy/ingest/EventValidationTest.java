package io.steadystate.strategy.ingest;

import static io.steadystate.strategy.Fixtures.tick;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventValidationTest {

    @Test
    void theAbsoluteWindowEndsIn2100SoATickDated2199IsRefusedEvenAsTheFirstEvent() {
        assertThat(EventValidation.problemWith(
                        tick("ACME", Instant.parse("2199-01-04T14:30:00Z").toEpochMilli(), 100)))
                .contains("outside 2000..2100");
        assertThat(EventValidation.problemWith(
                        tick("ACME", Instant.parse("2026-11-18T14:30:00Z").toEpochMilli(), 100)))
                .isNull();
    }
}
