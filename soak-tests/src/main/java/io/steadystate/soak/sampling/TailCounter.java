package io.steadystate.soak.sampling;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts the records (not offsets) in a short stretch of one partition, as a read_committed reader sees them:
 * commit and abort markers and aborted records are not counted; records of a transaction still open are (they are
 * behind, only not visible yet). One consumer, no group, reused across samples; used by one sampling thread.
 */
final class TailCounter implements AutoCloseable {

    /** How long one stretch may take to read; a tail not read by then counts in offsets (never under-counted). */
    private static final Duration READ_LIMIT = Duration.ofSeconds(2);

    private final String bootstrap;
    private KafkaConsumer<byte[], byte[]> consumer;

    TailCounter(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Records at offsets [{@code from}, {@code end}) of {@code tp}; {@code end − from} when they cannot be read. */
    synchronized long records(TopicPartition tp, long from, long end) {
        try {
            KafkaConsumer<byte[], byte[]> c = consumer();
            c.assign(List.of(tp));
            c.seek(tp, from);
            long stable = c.endOffsets(List.of(tp), READ_LIMIT).get(tp); // read_committed: the last stable offset
            long records = Math.max(0, end - Math.max(stable, from)); // past the stable offset: an open transaction
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (c.position(tp, READ_LIMIT) < Math.min(stable, end)) {
                if (System.nanoTime() > deadline) {
                    return end - from;
                }
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (r.offset() < Math.min(stable, end)) {
                        records++;
                    }
                }
            }
            return records;
        } catch (RuntimeException e) {
            return end - from;
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        if (consumer == null) {
            consumer = new KafkaConsumer<>(
                    Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            bootstrap,
                            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                            "read_committed",
                            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                            false,
                            ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                            ConsumerLagProbe.COUNTED_TAIL,
                            ConsumerConfig.CLIENT_ID_CONFIG,
                            "soak-lag-tail"),
                    new ByteArrayDeserializer(),
                    new ByteArrayDeserializer());
        }
        return consumer;
    }

    @Override
    public synchronized void close() {
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(2));
        }
    }
}
