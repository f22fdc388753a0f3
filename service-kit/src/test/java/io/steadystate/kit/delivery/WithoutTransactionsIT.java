package io.steadystate.kit.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.steadystate.core.kafka.Topics;
import io.steadystate.core.testkafka.RealKafka;
import io.steadystate.core.testkafka.RealKafkaExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The loop with {@code transactional = false} (the bench's transactions-off baseline): outputs are visible as soon
 * as they are acknowledged, before any offset is committed; a window commits its merged offsets only after its sends
 * were flushed and acknowledged, so a failed send still commits nothing and every output is there at least once
 * after recovery. The producer is idempotent with {@code acks=all} and has no transactional id.
 */
@ExtendWith(RealKafkaExtension.class)
class WithoutTransactionsIT {

    private static final int INPUTS = 30;
    private static final int HOLD_AT_POLL = 20;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void outputsAreVisibleBeforeTheOffsetsAndTheWindowCommitsAfterTheFlush(RealKafka kafka) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        String group = "kit-no-tx-window-it";
        Map<TopicPartition, Long> inputEnds = NumberedInputs.publish(bootstrap, Topics.MARKET_EVENTS, INPUTS);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Relay relay = new Relay(Topics.SIGNALS, HOLD_AT_POLL, holding, release);
        DeliverySettings settings =
                settings(bootstrap, group, Topics.MARKET_EVENTS, Topics.SIGNALS, Map.of("max.poll.records", 1));
        try (DeliveryLoop loop = new DeliveryLoop(settings, relay, KafkaClients.PLAIN, new SimpleMeterRegistry())) {
            loop.start();
            assertThat(holding.await(60, TimeUnit.SECONDS)).isTrue();
            List<ConsumerRecord<String, byte[]>> early = CommittedRecords.readUntil(
                    bootstrap, Topics.SIGNALS, rs -> rs.size() >= HOLD_AT_POLL - 1, Duration.ofSeconds(30));
            assertThat(early)
                    .as("without a transaction the earlier polls' outputs are visible read_committed at once")
                    .hasSizeGreaterThanOrEqualTo(HOLD_AT_POLL - 1);
            assertThat(inputOffsets(bootstrap, group, Topics.MARKET_EVENTS))
                    .as("no offset committed while the window is open")
                    .isEmpty();
            assertThat(loop.effectiveProducerConfig())
                    .containsEntry(ProducerConfig.ACKS_CONFIG, "-1")
                    .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                    .doesNotContainKey(ProducerConfig.TRANSACTIONAL_ID_CONFIG);

            release.countDown();
            await("the window committed", () -> inputEnds.equals(inputOffsets(bootstrap, group, Topics.MARKET_EVENTS)));
            List<ConsumerRecord<String, byte[]>> all = CommittedRecords.read(bootstrap, Topics.SIGNALS);
            assertThat(all.stream().map(ConsumerRecord::key).collect(Collectors.toSet()))
                    .as("every output")
                    .hasSize(INPUTS);
            assertThat(all).as("no failure, no re-send: each once").hasSize(INPUTS);
        }
    }

    @Test
    void aFailedSendCommitsNothingAndAfterRecoveryEveryOutputIsThereAtLeastOnce(RealKafka kafka) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        String group = "kit-no-tx-failed-send-it";
        String in = Topics.ORDER_EVENTS; // topics of their own: the first test used market.events and signals
        String out = Topics.STRATEGY_DLQ;
        Map<TopicPartition, Long> inputEnds = NumberedInputs.publish(bootstrap, in, INPUTS);
        FailingSends clients = new FailingSends();
        clients.failing(true);
        DeliverySettings settings = settings(bootstrap, group, in, out, Map.of());
        try (DeliveryLoop loop = new DeliveryLoop(settings, new Relay(out), clients, new SimpleMeterRegistry())) {
            loop.start();
            await(
                    "a send failed and readiness is DOWN",
                    () -> clients.failed() > 0 && loop.health().outputFailing());
            Thread.sleep(2_000); // a few rounds of failure → recovery → re-process
            assertThat(inputOffsets(bootstrap, group, in))
                    .as("no offset committed past a failed send")
                    .isEmpty();

            clients.failing(false);
            await("every input committed", () -> inputEnds.equals(inputOffsets(bootstrap, group, in)));
            await("ready again", () -> loop.health().ready());
            assertThat(CommittedRecords.read(bootstrap, out).stream()
                            .map(ConsumerRecord::key)
                            .collect(Collectors.toSet()))
                    .as("every output at least once")
                    .hasSize(INPUTS);
        }
    }

    private static DeliverySettings settings(
            String bootstrap, String group, String in, String out, Map<String, Object> consumer) {
        return new DeliverySettings(
                "kit-it",
                bootstrap,
                group,
                List.of(in),
                List.of(out),
                group + "-id",
                true,
                consumer,
                Map.of(),
                Duration.ofSeconds(1),
                new TransactionWindow(INPUTS, Duration.ofMinutes(1), false));
    }

    private static Map<TopicPartition, Long> inputOffsets(String bootstrap, String group, String topic) {
        try {
            return CommittedRecords.committedOffsets(bootstrap, group).entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (Exception e) {
            return Map.of();
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Await.until(what, WAIT, condition);
    }
}
