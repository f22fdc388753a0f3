package io.steadystate.marketdata.resume;

import io.steadystate.core.kafka.KafkaConnection;
import io.steadystate.core.event.MarketEvent;
import io.steadystate.core.serde.MarketEventSerde;
import io.steadystate.core.serde.UndecodableRecordException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads where a previous run left a topic: the last {@value #TAIL_RECORDS} records of every partition (a
 * handful, whatever the topic holds), without a consumer group. Only the tails are read, so a restart costs
 * the same after a minute or a month of publishing.
 *
 * <p>Why more than the single last record: a record that does not decode (garbage someone else wrote) is
 * skipped rather than trusted, and the latest decodable event time at any partition's tail wins.
 */
public final class TopicTail {

    static final int TAIL_RECORDS = 16;

    private TopicTail() {
    }

    /**
     * @return empty when every partition is empty (a fresh topic)
     * @throws IllegalStateException when the tails cannot be read within {@code timeout} (the caller retries)
     */
    public static Optional<ResumePoint> read(KafkaConnection kafka, String topic, Duration timeout) {
        MarketEventSerde serde = new MarketEventSerde();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(kafka.clientConfig(Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG, "market-data-service-resume",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 4 * TAIL_RECORDS,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis())),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, timeout)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            if (partitions.isEmpty()) {
                throw new IllegalStateException("no partition metadata for " + topic);
            }
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long floor = 0;
            List<TopicPartition> nonEmpty = new ArrayList<>();
            for (TopicPartition p : partitions) {
                floor = Math.max(floor, end.get(p));
                if (end.get(p) > begin.get(p)) {
                    nonEmpty.add(p);
                }
            }
            if (floor == 0) {
                return Optional.empty();
            }
            consumer.assign(nonEmpty);
            for (TopicPartition p : nonEmpty) {
                consumer.seek(p, Math.max(begin.get(p), end.get(p) - TAIL_RECORDS));
            }
            long latest = Long.MIN_VALUE;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reachedEnd(consumer, nonEmpty, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read the tail of " + topic + " within " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    latest = Math.max(latest, eventTime(serde, record.value()));
                }
            }
            return Optional.of(new ResumePoint(latest, floor));
        }
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions,
                                      Map<TopicPartition, Long> end) {
        for (TopicPartition p : partitions) {
            if (consumer.position(p) < end.get(p)) {
                return false;
            }
        }
        return true;
    }

    private static long eventTime(MarketEventSerde serde, byte[] value) {
        try {
            MarketEvent event = serde.decode(value);
            return event.eventTime();
        } catch (UndecodableRecordException e) {
            return Long.MIN_VALUE;
        }
    }
}
