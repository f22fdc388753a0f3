package io.steadystate.soak.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole topic once with a plain consumer, {@code isolation.level=read_committed} (what a downstream reader
 * sees: aborted output never counts), no group, from the beginning to the end offsets taken when it starts.
 */
public final class TopicReader {

    private TopicReader() {}

    /**
     * The end offsets of every partition of {@code topics} as a read_committed reader sees them (the last stable
     * offset); empty when Kafka did not answer.
     */
    public static Map<TopicPartition, Long> endOffsets(String bootstrap, List<String> topics) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.CLIENT_ID_CONFIG,
                "soak-audit-cut");
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            }
            consumer.assign(partitions); // unassigned, the client logs a warning per partition on the answer
            return Map.copyOf(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    /** Calls {@code each} per record, partition by partition in offset order; returns the records read. */
    public static long readAll(
            String bootstrap, String topic, Duration timeout, Consumer<ConsumerRecord<String, byte[]>> each) {
        return read(bootstrap, topic, timeout, new StringDeserializer(), each);
    }

    /** {@link #readAll} with the keys as bytes: for topics whose keys are not text ({@code __transaction_state}). */
    public static long readAllBinaryKeys(
            String bootstrap, String topic, Duration timeout, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        return read(bootstrap, topic, timeout, new ByteArrayDeserializer(), each);
    }

    private static <K> long read(
            String bootstrap,
            String topic,
            Duration timeout,
            Deserializer<K> keys,
            Consumer<ConsumerRecord<K, byte[]>> each) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                5000,
                ConsumerConfig.CLIENT_ID_CONFIG,
                "soak-audit-" + topic);
        long read = 0;
        try (KafkaConsumer<K, byte[]> consumer = new KafkaConsumer<>(config, keys, new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            List<TopicPartition> partitions = infos.stream()
                    .map(i -> new TopicPartition(topic, i.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + topic + " did not reach its end offsets " + end
                            + " within " + timeout.toSeconds() + " s");
                }
                for (ConsumerRecord<K, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        each.accept(r);
                        read++;
                    }
                }
            }
        }
        return read;
    }
}
