package io.steadystate.soak.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class HangingTransactionsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T20:12:00Z");
    private static final TopicPartition OFFSETS = new TopicPartition("__consumer_offsets", 0);

    private static TransactionDescription coordinator(TransactionState state, int epoch) {
        return new TransactionDescription(1, state, 1L, epoch, 10_000, OptionalLong.empty(), Set.of());
    }

    private static HangingTransactions.Open open(Duration ago, TransactionDescription coordinator) {
        return new HangingTransactions.Open(
                OFFSETS, "order-service-local-1", 1L, 3459, 15188, NOW.minus(ago), 0, coordinator);
    }

    @Test
    void theChaosRunsCase_openOnThePartitionWhileTheCoordinatorSaysEmpty_isHanging() {
        // runs/chaos-1201/chaos-1: coordinator Empty at a later epoch, __consumer_offsets-0 open since the kill
        assertThat(open(Duration.ofMinutes(5), coordinator(TransactionState.EMPTY, 3462))
                        .hanging(NOW))
                .isTrue();
        assertThat(open(Duration.ofMinutes(5), null).hanging(NOW)).isTrue();
    }

    @Test
    void aLiveTransactionOfTheSameEpochIsLeftToItsCoordinator() {
        assertThat(open(Duration.ofMinutes(5), coordinator(TransactionState.ONGOING, 3459))
                        .hanging(NOW))
                .isFalse();
        assertThat(open(Duration.ofMinutes(5), coordinator(TransactionState.PREPARE_COMMIT, 3459))
                        .hanging(NOW))
                .isFalse();
    }

    @Test
    void anOlderEpochStillOpenUnderANewerLiveTransactionIsHanging() {
        // transactions v2 bump the epoch per transaction: the coordinator runs 3460, the partition holds 3459 open
        assertThat(open(Duration.ofMinutes(5), coordinator(TransactionState.ONGOING, 3460))
                        .hanging(NOW))
                .isTrue();
    }

    @Test
    void nothingYoungerThanThreeTransactionTimeoutsIsTouched() {
        assertThat(open(Duration.ofSeconds(29), null).hanging(NOW)).isFalse();
        assertThat(open(Duration.ofSeconds(29), coordinator(TransactionState.EMPTY, 3462))
                        .hanging(NOW))
                .isFalse();
        TransactionDescription slow =
                new TransactionDescription(1, TransactionState.EMPTY, 1L, 3462, 60_000, OptionalLong.empty(), Set.of());
        assertThat(HangingTransactions.openLongerThan(slow)).isEqualTo(Duration.ofMinutes(3));
        assertThat(open(Duration.ofMinutes(2), slow).hanging(NOW)).isFalse();
        assertThat(open(Duration.ofMinutes(4), slow).hanging(NOW)).isTrue();
    }
}
