package io.steadystate.kit.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What a read_committed reader sees of a topic, and what a group committed: the tests' view of "visible". */
public final class CommittedRecords {

    private CommittedRecords() {}

    /** Every committed record of {@code topic} (all partitions, from the beginning, up to the last stable offset). */
    public static List<ConsumerRecord<String, byte[]>> read(String bootstrap, String topic) {
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> tps = c.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            c.assign(tps);
            c.seekToBeginning(tps);
            Map<TopicPartition, Long> ends = c.endOffsets(tps); // read_committed: the last stable offsets
            List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (tps.stream().anyMatch(tp -> c.position(tp) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end " + ends);
                }
                c.poll(Duration.ofMillis(100)).forEach(out::add);
            }
            return out;
        }
    }

    /** Polls {@link #read} until {@code done} holds or {@code timeout} passes; returns the last read. */
    public static List<ConsumerRecord<String, byte[]>> readUntil(
            String bootstrap, String topic, Predicate<List<ConsumerRecord<String, byte[]>>> done, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<String, byte[]>> rs = read(bootstrap, topic);
        while (!done.test(rs)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + topic + "; read " + rs.size() + " records");
            }
            Thread.sleep(200);
            rs = read(bootstrap, topic);
        }
        return rs;
    }

    /** Offsets {@code group} committed, by partition (absent = never committed). */
    public static Map<TopicPartition, OffsetAndMetadata> committedOffsets(String bootstrap, String group)
            throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
        }
    }

    /** Sum of what {@code group} committed on {@code topic}. */
    public static long committedTotal(String bootstrap, String group, String topic) throws Exception {
        return committedOffsets(bootstrap, group).entrySet().stream()
                .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset())
                .sum();
    }
}
