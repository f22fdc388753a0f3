package io.steadystate.soak.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.steadystate.soak.verdict.Check;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The audit's rule for "not consumed": on one cut (log end read before the committed offsets), in records. */
class TopicAuditTest {

    /** Records at these offsets of one partition; whatever offsets are missing are commit markers. */
    private static long unconsumed(long[] recordOffsets, Long cutEnd, Long committed) {
        return LongStream.of(recordOffsets)
                .filter(o -> TopicAudit.unconsumed(o, cutEnd, committed))
                .count();
    }

    @Test
    void aCommitMarkerAtTheEndIsNoUnconsumedRecord() {
        // strategy.signals: records 0..9, the transaction's commit marker at 10, log end 11
        long[] records = LongStream.range(0, 10).toArray();
        assertThat(unconsumed(records, 11L, 11L))
                .as("committed past the marker")
                .isZero();
        assertThat(unconsumed(records, 11L, 10L))
                .as("committed up to the marker: the marker is no record")
                .isZero();
        assertThat(unconsumed(records, 11L, 9L))
                .as("the last record itself not committed")
                .isEqualTo(1);
    }

    @Test
    void aRecordAppendedAfterTheCutIsInFlightNotUnconsumed() {
        // as in runs/chaos-2: a REST listing (offset 408,650 here) published after the end offsets and the committed
        // offsets were read
        long[] records = {408_648, 408_649, 408_650};
        assertThat(unconsumed(records, 408_650L, 408_650L)).isZero();
        // the same records judged without the cut (the old rule: up to a later end offset) counted one
        assertThat(LongStream.of(records).filter(o -> o >= 408_650L).count()).isEqualTo(1);
        // before the cut and not committed: unconsumed, as before
        assertThat(unconsumed(records, 408_651L, 408_650L)).isEqualTo(1);
    }

    @Test
    void aGroupThatCommittedNothingThereConsumedNothingBeforeTheCut() {
        assertThat(unconsumed(new long[] {0, 1, 2}, 3L, null)).isEqualTo(3);
        assertThat(unconsumed(new long[] {0, 1, 2}, null, 0L))
                .as("a partition the cut does not know: not judged")
                .isZero();
    }

    @Test
    void ticksConsumedPassesOnlyWhenEveryGroupIsAtZero() {
        Map<String, Long> clean = Map.of("strategy-service/market.events", 0L, "order-service/market.events", 0L);
        Map<String, Long> one = Map.of("strategy-service/market.events", 1L, "order-service/market.events", 0L);
        assertThat(ticksConsumed(clean).passed()).isTrue();
        assertThat(ticksConsumed(one).passed()).isFalse();
        assertThat(ticksConsumed(Map.of()).passed())
                .as("Kafka did not answer: not proven")
                .isFalse();
    }

    private static Check ticksConsumed(Map<String, Long> lag) {
        TopicAudit.Figures f = new TopicAudit.Figures(100, 0, 0, lag, 10, 0, 0, 0, 20, 0, 0, 5, 3, 0, 0, 0, List.of());
        return TopicAudit.checks(f).stream()
                .filter(c -> c.name().equals("accounting:ticks-consumed"))
                .findFirst()
                .orElseThrow();
    }
}
