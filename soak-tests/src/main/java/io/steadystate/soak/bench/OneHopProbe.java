package io.steadystate.soak.bench;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Kafka's one-hop latency on the same broker in microseconds (EndToEndLatency only resolves milliseconds): a
 * producer sends {@code ratePerSecond} records of one tick's size, each carrying its {@code System.nanoTime()},
 * to a one-partition scratch topic; a consumer in the same JVM records receive − send. Producer acks=all and
 * linger.ms=0 (one record is one request), consumer fetch.min.bytes=1: the floor of one produce→consume hop.
 */
public final class OneHopProbe {

    private OneHopProbe() {}

    public static BenchResult.Latency measure(
            String bootstrap, String topic, int ratePerSecond, Duration duration, int recordSize) {
        Histogram h = new Histogram(60_000_000_000L, 3);
        AtomicBoolean running = new AtomicBoolean(true);
        TopicPartition tp = new TopicPartition(topic, 0);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrap,
                                ConsumerConfig.FETCH_MIN_BYTES_CONFIG,
                                1,
                                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                                100,
                                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                                false),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer());
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrap,
                                ProducerConfig.LINGER_MS_CONFIG,
                                0,
                                ProducerConfig.ACKS_CONFIG,
                                "all"),
                        new ByteArraySerializer(),
                        new ByteArraySerializer())) {
            consumer.assign(List.of(tp));
            consumer.seekToEnd(List.of(tp));
            consumer.position(tp);
            Thread sender = new Thread(
                    () -> send(producer, topic, ratePerSecond, duration, recordSize, running), "bench-one-hop-sender");
            // warm-up: the first records pay for metadata and connection set-up; they are not recorded
            long warmupEnd = System.nanoTime() + Math.min(duration.toNanos() / 5, 2_000_000_000L);
            sender.start();
            long deadline = System.nanoTime() + duration.toNanos() + 5_000_000_000L;
            while (System.nanoTime() < deadline) {
                boolean senderDone = !sender.isAlive();
                var records = consumer.poll(Duration.ofMillis(50));
                long now = System.nanoTime();
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    long sent = ByteBuffer.wrap(r.value()).getLong();
                    if (sent >= warmupEnd) {
                        h.recordValue(Math.max(0, (now - sent) / 1000));
                    }
                }
                if (senderDone && records.isEmpty()) {
                    break;
                }
            }
            running.set(false);
            sender.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return EventLatencyProbe.latency(h);
    }

    private static void send(
            KafkaProducer<byte[], byte[]> producer,
            String topic,
            int rate,
            Duration duration,
            int recordSize,
            AtomicBoolean running) {
        long interval = 1_000_000_000L / Math.max(1, rate);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long next = start;
        while (running.get() && System.nanoTime() < end) {
            long now = System.nanoTime();
            if (now < next) {
                LockSupport.parkNanos(next - now);
                continue;
            }
            byte[] value = new byte[Math.max(8, recordSize)];
            ByteBuffer.wrap(value).putLong(System.nanoTime());
            producer.send(new ProducerRecord<>(topic, 0, null, value));
            next += interval;
        }
        producer.flush();
    }
}
