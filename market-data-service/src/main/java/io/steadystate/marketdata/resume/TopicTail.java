package io.steadystate.marketdata.resume;

import io.steadystate.core.kafka.KafkaConnection;
import io.steadystate.core.time.EventTimeGuard;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads where a previous run left a topic: the last {@value #TAIL_RECORDS} records of every partition (a
 * handful, whatever the topic holds), without a consumer group. Only the tails are read, so a restart costs
 * the same after a minute or a month of publishing.
 *
 * <p>Only records market-data itself published count, and only event times that pass {@link TrustedTail}'s
 * checks: anything else on the topic (garbage, or a well-formed tick dated 2099 from another writer) is skipped
 * rather than trusted, and the latest trusted event time at any partition's tail wins. Why further back than the
 * tail when a partition's tail holds nothing trusted: other writers keep writing while market-data is down (the
 * soak's poison producer does), so after a long enough outage the last records of a partition are all foreign;
 * resuming as if fresh would replay from the start date. Such a partition is read further back in windows of
 * 256 and {@value #MAX_TAIL_RECORDS} records (at most 4,368 records per partition in all) — still bounded, whatever
 * the topic holds.
 */
public final class TopicTail {

    static final int TAIL_RECORDS = 16;
    static final int MAX_TAIL_RECORDS = 4096;
    private static final Logger LOG = Logger.getLogger(TopicTail.class);

    private TopicTail() {}

    /**
     * @return empty when every partition is empty (a fresh topic); a point with {@link Long#MIN_VALUE} as event time
     *         when records exist but none is trusted (the start date applies, sequences still continue above the floor)
     * @throws IllegalStateException when the tails cannot be read within {@code timeout} (the caller retries)
     */
    public static Optional<ResumePoint> read(KafkaConnection kafka, String topic, Duration timeout) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                kafka.clientConfig(Map.of(
                        ConsumerConfig.CLIENT_ID_CONFIG,
                        "market-data-service-resume",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        512,
                        ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                        (int) timeout.toMillis(),
                        ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        (int) timeout.toMillis())),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            int partitionCount = 0;
            for (PartitionInfo info : consumer.partitionsFor(topic, timeout)) {
                partitions.add(new TopicPartition(topic, info.partition()));
                partitionCount = Math.max(partitionCount, info.partition() + 1);
            }
            if (partitions.isEmpty()) {
                throw new IllegalStateException("no partition metadata for " + topic);
            }
            consumer.assign(partitions); // unassigned, the client logs a warning per partition on each answer
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long floor = 0;
            Map<TopicPartition, Long> upTo = new HashMap<>();
            for (TopicPartition p : partitions) {
                floor = Math.max(floor, end.get(p));
                if (end.get(p) > begin.get(p)) {
                    upTo.put(p, end.get(p));
                }
            }
            if (floor == 0) {
                return Optional.empty();
            }
            TrustedTail trusted = new TrustedTail(partitionCount, EventTimeGuard.defaults());
            long deadline = System.nanoTime() + timeout.toNanos();
            for (int window = TAIL_RECORDS; !upTo.isEmpty(); window *= 16) {
                Map<TopicPartition, Long> from = new HashMap<>();
                for (Map.Entry<TopicPartition, Long> e : upTo.entrySet()) {
                    from.put(e.getKey(), Math.max(begin.get(e.getKey()), e.getValue() - window));
                }
                readRange(consumer, topic, from, upTo, trusted, deadline, timeout);
                Map<TopicPartition, Long> further = new HashMap<>();
                for (Map.Entry<TopicPartition, Long> e : from.entrySet()) {
                    TopicPartition p = e.getKey();
                    if (!trusted.hasEvidence(p.partition())
                            && e.getValue() > begin.get(p)
                            && window < MAX_TAIL_RECORDS) {
                        further.put(p, e.getValue());
                    }
                }
                upTo = further;
            }
            long latest = trusted.latestEventTime();
            String skipped = trusted.skipped();
            if (!skipped.isEmpty()) {
                LOG.warnf(
                        "resume from %s: %d records of market-data counted; left out: %s",
                        topic, trusted.accepted(), skipped);
            }
            return Optional.of(new ResumePoint(latest, floor));
        }
    }

    /** Offers every record in {@code [from, upTo)} of each partition to {@code trusted}, in offset order. */
    private static void readRange(
            KafkaConsumer<byte[], byte[]> consumer,
            String topic,
            Map<TopicPartition, Long> from,
            Map<TopicPartition, Long> upTo,
            TrustedTail trusted,
            long deadline,
            Duration timeout) {
        consumer.assign(from.keySet());
        consumer.resume(consumer.paused());
        from.forEach((p, offset) -> consumer.seek(p, offset));
        List<TopicPartition> open = new ArrayList<>(from.keySet());
        open.removeIf(p -> consumer.position(p) >= upTo.get(p));
        while (!open.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read the tail of " + topic + " within " + timeout);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                TopicPartition p = new TopicPartition(record.topic(), record.partition());
                if (record.offset() < upTo.get(p)) {
                    trusted.offer(record.partition(), record.headers(), record.value());
                }
            }
            List<TopicPartition> done = new ArrayList<>();
            for (TopicPartition p : open) {
                if (consumer.position(p) >= upTo.get(p)) {
                    done.add(p);
                }
            }
            consumer.pause(done);
            open.removeAll(done);
        }
    }
}
