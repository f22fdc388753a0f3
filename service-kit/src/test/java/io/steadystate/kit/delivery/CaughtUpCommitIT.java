package io.steadystate.kit.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.steadystate.core.kafka.Topics;
import io.steadystate.core.testkafka.RealKafka;
import io.steadystate.core.testkafka.RealKafkaExtension;
import io.steadystate.core.testkafka.TestRecords;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A loop that keeps up commits the window that sent something after the poll, not at its max age: under a steady
 * trickle of input (a record every {@link #GAP_MS} ms, so polls are never empty) and a window of an hour, the
 * outputs are visible to a read_committed reader while the trickle still runs. Before the rule, nothing was visible
 * until the trickle stopped (the first empty poll) — at 10k ticks/s that wait was the 20 ms max age on every hop.
 */
@ExtendWith(RealKafkaExtension.class)
class CaughtUpCommitIT {

    private static final int INPUTS = 400;
    private static final long GAP_MS = 25;
    private static final int SEEN = 20;

    @Test
    void outputIsCommittedAfterThePollThatSentItWhileInputKeepsComing(RealKafka kafka) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        DeliverySettings settings = new DeliverySettings(
                "kit-it",
                bootstrap,
                "kit-caught-up-it",
                List.of(Topics.MARKET_EVENTS),
                List.of(Topics.SIGNALS),
                "kit-it-caught-up",
                true,
                Map.of(),
                Map.of(),
                Duration.ofSeconds(1),
                new TransactionWindow(5_000, Duration.ofHours(1)));
        AtomicInteger sent = new AtomicInteger();
        try (DeliveryLoop loop =
                new DeliveryLoop(settings, new Relay(Topics.SIGNALS), KafkaClients.PLAIN, new SimpleMeterRegistry())) {
            loop.start();
            CompletableFuture<Void> trickle = CompletableFuture.runAsync(() -> trickle(bootstrap, sent));

            List<ConsumerRecord<String, byte[]>> early = CommittedRecords.readUntil(
                    bootstrap, Topics.SIGNALS, rs -> rs.size() >= SEEN, Duration.ofSeconds(60));
            int sentWhenSeen = sent.get();
            assertThat(early).as("outputs visible read_committed").hasSizeGreaterThanOrEqualTo(SEEN);
            assertThat(sentWhenSeen)
                    .as("visible while input still comes (no empty poll, an hour of max age left)")
                    .isLessThan(INPUTS);

            trickle.get(60, TimeUnit.SECONDS);
            List<ConsumerRecord<String, byte[]>> all = CommittedRecords.readUntil(
                    bootstrap, Topics.SIGNALS, rs -> rs.size() >= INPUTS, Duration.ofSeconds(60));
            assertThat(all.stream().map(ConsumerRecord::key).collect(Collectors.toSet()))
                    .as("every output")
                    .hasSize(INPUTS);
            assertThat(all).as("each once").hasSize(INPUTS);
        }
    }

    private static void trickle(String bootstrap, AtomicInteger sent) {
        try (KafkaProducer<String, byte[]> p = TestRecords.producer(bootstrap)) {
            for (int i = 0; i < INPUTS; i++) {
                p.send(new ProducerRecord<>(
                                Topics.MARKET_EVENTS, "key-" + i, ("input " + i).getBytes(StandardCharsets.UTF_8)))
                        .get();
                sent.incrementAndGet();
                Thread.sleep(GAP_MS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("trickle stopped at " + sent.get(), e);
        }
    }
}
