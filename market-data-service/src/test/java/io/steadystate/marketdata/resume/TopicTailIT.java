package io.steadystate.marketdata.resume;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.steadystate.core.event.Tick;
import io.steadystate.core.kafka.KafkaConnection;
import io.steadystate.core.serde.MarketEventSerde;
import io.steadystate.core.testkafka.RealKafka;
import io.steadystate.core.testkafka.RealKafkaExtension;
import io.steadystate.core.testkafka.TestRecords;
import io.steadystate.marketdata.fault.EventLogFault;
import io.steadystate.marketdata.publish.MarketEventPublisher;
import io.steadystate.marketdata.publish.PublishMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tail as a restart reads it from a real broker: market-data's own ticks (sent by its real publisher, which
 * stamps {@code steadystate.producer}), then a stranger's records — the soak's far-future poison tick, garbage.
 * The resume point must come from market-data's ticks only.
 */
@ExtendWith(RealKafkaExtension.class)
class TopicTailIT {

    private static final int PARTITIONS = 3;
    private static final long MONDAY = Instant.parse("2026-01-05T10:00:00Z").toEpochMilli();
    private static final long Y2099 = Instant.parse("2099-06-01T00:00:00Z").toEpochMilli();
    private static final List<String> SYMBOLS = List.of("AAAA", "BBBB", "CCCC", "DDDD", "EEEE", "FFFF");
    private final MarketEventSerde serde = new MarketEventSerde();

    @Test
    void aPoisonTickDated2099WrittenByAForeignProducerAfterRealTicksIsNotTheResumePoint(RealKafka kafka)
            throws Exception {
        String topic = topic(kafka, "tail-poison-2099");
        long lastReal = publishRealTicks(kafka, topic, 60);
        try (KafkaProducer<String, byte[]> stranger = TestRecords.producer(kafka.bootstrapServers())) {
            for (int p = 0; p < PARTITIONS; p++) {
                stranger.send(new ProducerRecord<>(topic, p, "AAAA", tick("AAAA", Y2099, 1)))
                        .get();
            }
        }
        ResumePoint point = read(kafka, topic).orElseThrow();
        assertThat(point.lastEventTimeMillis()).isEqualTo(lastReal);
        assertThat(point.sequenceFloor())
                .as("the floor still counts every record, foreign ones too")
                .isGreaterThan(20);
    }

    @Test
    void aBurstOfForeignRecordsLongerThanTheTailIsReadPast(RealKafka kafka) throws Exception {
        String topic = topic(kafka, "tail-poison-burst");
        long lastReal = publishRealTicks(kafka, topic, 30);
        try (KafkaProducer<String, byte[]> stranger = TestRecords.producer(kafka.bootstrapServers())) {
            for (int i = 0; i < 3 * TopicTail.TAIL_RECORDS; i++) {
                for (int p = 0; p < PARTITIONS; p++) {
                    stranger.send(new ProducerRecord<>(topic, p, "AAAA", tick("AAAA", Y2099 + i, i + 1)));
                }
            }
            stranger.flush();
        }
        assertThat(read(kafka, topic).orElseThrow().lastEventTimeMillis()).isEqualTo(lastReal);
    }

    @Test
    void anUndecodableOnlyTailIsTreatedAsNoEvidenceLikeAFreshTopic(RealKafka kafka) throws Exception {
        String topic = topic(kafka, "tail-garbage-only");
        try (KafkaProducer<String, byte[]> stranger = TestRecords.producer(kafka.bootstrapServers())) {
            for (int p = 0; p < PARTITIONS; p++) {
                stranger.send(new ProducerRecord<>(topic, p, "x", new byte[] {0x13, 0x37, 0x00}))
                        .get();
                stranger.send(new ProducerRecord<>(topic, p, "x", new byte[0])).get();
            }
        }
        ResumePoint point = read(kafka, topic).orElseThrow();
        assertThat(point.lastEventTimeMillis())
                .as("no trusted time: the configured start date applies")
                .isEqualTo(Long.MIN_VALUE);
        assertThat(point.sequenceFloor()).isEqualTo(2);
    }

    @Test
    void anEmptyTopicIsAFreshStart(RealKafka kafka) throws Exception {
        assertThat(read(kafka, topic(kafka, "tail-empty"))).isEmpty();
    }

    /** market-data's publisher, as in production: returns the latest event time it had acknowledged. */
    private long publishRealTicks(RealKafka kafka, String topic, int ticks) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        KafkaConnection connection = KafkaConnection.plaintext(kafka.bootstrapServers());
        long last = Long.MIN_VALUE;
        try (MarketEventPublisher publisher = new MarketEventPublisher(
                MarketEventPublisher.createProducer(connection, 0, 16_384, "none"),
                topic,
                new PublishMetrics(registry),
                new EventLogFault("none", 1, registry),
                Duration.ofSeconds(5))) {
            publisher.refreshPartitions();
            for (int i = 0; i < ticks; i++) {
                last = MONDAY + i * 1_000L;
                publisher.accept(new Tick(
                        SYMBOLS.get(i % SYMBOLS.size()), last, i / SYMBOLS.size() + 1, 100, 99.9, 100.1, 10, 0));
            }
            publisher.flush();
        }
        return last;
    }

    private static Optional<ResumePoint> read(RealKafka kafka, String topic) {
        return TopicTail.read(KafkaConnection.plaintext(kafka.bootstrapServers()), topic, Duration.ofSeconds(20));
    }

    private static String topic(RealKafka kafka, String name) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, PARTITIONS, (short) 1)))
                    .all()
                    .get();
        }
        return name;
    }

    private byte[] tick(String symbol, long eventTime, long sequence) {
        return serde.encode(new Tick(symbol, eventTime, sequence, 100, 99.9, 100.1, 10, 0));
    }
}
