package io.steadystate.kit.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.steadystate.core.kafka.Topics;
import io.steadystate.core.testkafka.RealKafka;
import io.steadystate.core.testkafka.RealKafkaExtension;
import io.steadystate.core.testkafka.TestRecords;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One transaction spanning many polls ({@code max.poll.records=1}, a window of {@link #INPUTS} records and a
 * minute): while it is open, its outputs are on the broker but no read_committed reader sees them and the group
 * has no committed offset; at the commit, every output becomes visible and the committed offsets are the merged
 * next offsets of all the polls, per partition.
 */
@ExtendWith(RealKafkaExtension.class)
class TransactionWindowIT {

    private static final String GROUP = "kit-transaction-window-it";
    private static final int INPUTS = 30;
    private static final int HOLD_AT_POLL = 20;

    @Test
    void oneTransactionSpansPollsAndCommitsTheirMergedOffsets(RealKafka kafka) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        Map<TopicPartition, Long> inputEnds = NumberedInputs.publish(bootstrap, Topics.MARKET_EVENTS, INPUTS);
        assertThat(inputEnds).as("inputs spread over several partitions").hasSizeGreaterThan(1);

        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Relay relay = new Relay(Topics.SIGNALS, HOLD_AT_POLL, holding, release);
        DeliverySettings settings = new DeliverySettings(
                "kit-it",
                bootstrap,
                GROUP,
                List.of(Topics.MARKET_EVENTS),
                List.of(Topics.SIGNALS),
                "kit-it-window",
                true,
                Map.of("max.poll.records", 1),
                Map.of(),
                Duration.ofSeconds(1),
                new TransactionWindow(INPUTS, Duration.ofMinutes(1)));
        try (DeliveryLoop loop = new DeliveryLoop(settings, relay, KafkaClients.PLAIN, new SimpleMeterRegistry())) {
            loop.start();
            assertThat(holding.await(60, TimeUnit.SECONDS))
                    .as("the handler reached poll " + HOLD_AT_POLL)
                    .isTrue();

            assertThat(relay.polls.get()).as("one record per poll").isEqualTo(HOLD_AT_POLL);
            List<ConsumerRecord<String, byte[]>> uncommitted = TestRecords.readUntil(
                    bootstrap, Topics.SIGNALS, rs -> rs.size() >= HOLD_AT_POLL - 1, Duration.ofSeconds(30));
            assertThat(uncommitted)
                    .as("the earlier polls' outputs are on the broker (read_uncommitted)")
                    .hasSizeGreaterThanOrEqualTo(HOLD_AT_POLL - 1);
            assertThat(CommittedRecords.read(bootstrap, Topics.SIGNALS))
                    .as("none visible read_committed")
                    .isEmpty();
            assertThat(inputOffsets(bootstrap))
                    .as("no offset committed while the transaction is open")
                    .isEmpty();

            release.countDown();
            List<ConsumerRecord<String, byte[]>> visible = CommittedRecords.readUntil(
                    bootstrap, Topics.SIGNALS, rs -> rs.size() >= INPUTS, Duration.ofSeconds(60));
            assertThat(visible.stream().map(ConsumerRecord::key).collect(Collectors.toSet()))
                    .as("every output exactly once")
                    .hasSize(INPUTS);
            assertThat(visible).hasSize(INPUTS);
            assertThat(relay.polls.get()).isEqualTo(INPUTS);
            assertThat(inputOffsets(bootstrap))
                    .as("the merged next offsets of all polls, per partition")
                    .isEqualTo(inputEnds);
        }
    }

    private static Map<TopicPartition, Long> inputOffsets(String bootstrap) throws Exception {
        return CommittedRecords.committedOffsets(bootstrap, GROUP).entrySet().stream()
                .filter(e -> e.getKey().topic().equals(Topics.MARKET_EVENTS) && e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
}
