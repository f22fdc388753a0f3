package io.steadystate.soak.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.steadystate.core.event.Signal;
import io.steadystate.core.event.Tick;
import io.steadystate.core.kafka.EmitTime;
import io.steadystate.core.serde.MarketEventSerde;
import io.steadystate.core.serde.SignalSerde;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class NullPipelineRecordsTest {

    @Test
    void theNullSourceSendsRealTicksOfOneTicksSize() {
        Tick t = new Tick(
                NullTickSource.symbol(17_575),
                1_767_605_400_000L,
                12,
                123.45,
                123.44,
                123.46,
                100,
                1_767_605_400_000_000L);
        byte[] bytes = new MarketEventSerde().encode(t);
        assertThat(bytes).hasSize(BenchOptions.RECORD_SIZE);
        assertThat(new MarketEventSerde().decode(bytes)).isEqualTo(t);
        assertThat(NullTickSource.symbol(0)).isEqualTo("AAAA");
        assertThat(NullTickSource.symbol(27)).isEqualTo("AABB");
    }

    @Test
    void theRelayForwardsAValidSignalCarryingTheTicksOrigin() {
        Tick t = new Tick("ABCD", 1_767_605_400_000L, 1, 50, 49.99, 50.01, 100, 42L);
        Signal s = NullRelay.signalOf(t);
        assertThat(new SignalSerde().decode(new SignalSerde().encode(s))).isEqualTo(s);
        assertThat(s.originMicros()).isEqualTo(42L);
        assertThat(100.0 / NullRelay.FORWARD_EVERY).isBetween(2.5, 3.5); // ≈ 3 % forwarded
    }

    @Test
    void sessionCloseEventsAreRecognisedByTheirEventTime() {
        EventLatencyProbe.SessionHours h = new EventLatencyProbe.SessionHours(LocalTime.of(9, 30), LocalTime.of(16, 0));
        long close = ZonedDateTime.of(2026, 1, 5, 16, 0, 0, 0, ZoneOffset.UTC)
                .toInstant()
                .toEpochMilli();
        assertThat(h.outside(close)).isTrue();
        assertThat(h.outside(close - 1)).isFalse();
        assertThat(h.outside(close - 6 * 3_600_000L - 30 * 60_000L)).isFalse(); // 09:30 open
        assertThat(h.outside(close - 6 * 3_600_000L - 30 * 60_000L - 1)).isTrue();
    }

    @Test
    void tickToOrderEndsAtOrderServicesEmitHeaderAndFallsBackToReceiveWithoutIt() {
        OrderEmitClock clock = new OrderEmitClock();
        assertThat(clock.describe()).contains("no order event seen yet");
        RecordHeaders stamped = new RecordHeaders();
        EmitTime.stamp(stamped, 1_000_123L);
        assertThat(clock.endMicros(stamped, 2_000_000L)).isEqualTo(1_000_123L);
        assertThat(clock.describe()).contains("emit time").contains("on all 1 order events");
        assertThat(clock.endMicros(new RecordHeaders(), 2_000_000L)).isEqualTo(2_000_000L);
        RecordHeaders malformed = new RecordHeaders();
        malformed.add(EmitTime.HEADER, new byte[3]);
        assertThat(clock.endMicros(malformed, 3_000_000L)).isEqualTo(3_000_000L);
        assertThat(clock.stamped()).isEqualTo(1);
        assertThat(clock.unstamped()).isEqualTo(2);
        assertThat(clock.describe()).contains("receive time").contains("on 2 without it");
    }
}
