package io.steadystate.marketdata.resume;

import static org.assertj.core.api.Assertions.assertThat;

import io.steadystate.core.event.Tick;
import io.steadystate.core.kafka.ProducerOrigin;
import io.steadystate.core.serde.MarketEventSerde;
import io.steadystate.core.time.EventTimeGuard;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** Which records at the tails a restart may resume after: only market-data's, only times that agree. */
class TrustedTailTest {

    private static final long MONDAY = Instant.parse("2026-01-05T10:00:00Z").toEpochMilli();
    /** The soak's far-future poison tick: inside the guard's 2000 .. 2100 window. */
    private static final long Y2099 = Instant.parse("2099-06-01T00:00:00Z").toEpochMilli();

    private static final long HOUR = Duration.ofHours(1).toMillis();

    private final MarketEventSerde serde = new MarketEventSerde();
    private final TrustedTail tail = new TrustedTail(3, EventTimeGuard.defaults());

    @Test
    void aForeignTickDated2099AfterRealTicksDoesNotMoveTheResumePoint() {
        ours(0, MONDAY);
        ours(0, MONDAY + 1);
        foreign(0, Y2099);
        ours(1, MONDAY + 2);
        assertThat(tail.latestEventTime()).isEqualTo(MONDAY + 2);
        assertThat(tail.skipped()).contains("1 without steadystate.producer=market-data-service");
    }

    @Test
    void aTailOfForeignOrUndecodableRecordsOnlyIsNoEvidence() {
        foreign(0, Y2099);
        tail.offer(1, marked(), new byte[] {1, 2, 3});
        tail.offer(2, new RecordHeaders(), new byte[] {9});
        assertThat(tail.latestEventTime()).isEqualTo(Long.MIN_VALUE);
        assertThat(tail.hasEvidence(0)).isFalse();
        assertThat(tail.skipped()).contains("2 without").contains("1 undecodable");
    }

    @Test
    void aForgedMarkerDoesNotCarryAJumpPastThePartitionsPreviousRecord() {
        ours(0, MONDAY);
        ours(0, Y2099);
        ours(0, MONDAY + HOUR);
        assertThat(tail.latestEventTime()).isEqualTo(MONDAY + HOUR);
        assertThat(tail.skipped()).contains("1 refused").contains("jumps");
    }

    @Test
    void aForgedFirstRecordIsOverruledByTheHonestRecordsAfterIt() {
        ours(0, Y2099);
        ours(0, MONDAY);
        ours(0, MONDAY + 5);
        assertThat(tail.latestEventTime()).isEqualTo(MONDAY + 5);
    }

    @Test
    void aPartitionWhoseOnlyRecordIsForgedIsOutvotedByTheOthers() {
        ours(0, MONDAY);
        ours(1, MONDAY + 3 * HOUR);
        ours(2, Y2099);
        assertThat(tail.latestEventTime()).isEqualTo(MONDAY + 3 * HOUR);
        assertThat(tail.skipped()).contains("outvoted").contains("partition 2");
    }

    @Test
    void honestPartitionsHoursApartResumeAfterTheLatest() {
        ours(0, MONDAY);
        ours(1, MONDAY + 6 * HOUR);
        ours(2, MONDAY + 2 * HOUR + Duration.ofDays(3).toMillis()); // over a weekend
        assertThat(tail.latestEventTime())
                .isEqualTo(MONDAY + 2 * HOUR + Duration.ofDays(3).toMillis());
        assertThat(tail.skipped()).isEmpty();
    }

    @Test
    void outsideTheGuardsWindowIsRefusedEvenAsTheFirstRecord() {
        ours(0, Instant.parse("2150-01-01T00:00:00Z").toEpochMilli());
        assertThat(tail.latestEventTime()).isEqualTo(Long.MIN_VALUE);
        assertThat(tail.skipped()).contains("outside the window");
    }

    @Test
    void aMarkerNamingAnotherServiceIsForeign() {
        RecordHeaders other = new RecordHeaders(ProducerOrigin.of("order-service"));
        tail.offer(0, other, tick(MONDAY));
        assertThat(tail.hasEvidence(0)).isFalse();
    }

    private void ours(int partition, long eventTime) {
        tail.offer(partition, marked(), tick(eventTime));
    }

    private void foreign(int partition, long eventTime) {
        tail.offer(partition, new RecordHeaders(), tick(eventTime));
    }

    private static Headers marked() {
        return new RecordHeaders(ProducerOrigin.of(ProducerOrigin.MARKET_DATA));
    }

    private byte[] tick(long eventTime) {
        return serde.encode(new Tick("ABCD", eventTime, 1, 100, 99.9, 100.1, 10, 0));
    }
}
