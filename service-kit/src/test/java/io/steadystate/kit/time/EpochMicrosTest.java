package io.steadystate.kit.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EpochMicrosTest {

    @Test
    void keepsTheInstantsMicrosecondsAndDropsOnlyNanos() {
        assertThat(EpochMicros.of(Instant.ofEpochSecond(1_700_000_000L, 123_456_789)))
                .isEqualTo(1_700_000_000_123_456L);
        assertThat(EpochMicros.now(Clock.fixed(Instant.ofEpochSecond(2, 999), ZoneOffset.UTC)))
                .isEqualTo(2_000_000L);
    }

    @Test
    void overflowThrowsInsteadOfWrapping() {
        assertThatThrownBy(() -> EpochMicros.of(Instant.MAX)).isInstanceOf(ArithmeticException.class);
    }
}
