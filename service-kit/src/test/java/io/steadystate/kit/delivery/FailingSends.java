package io.steadystate.kit.delivery;

import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain clients whose producer's sends fail while {@link #failing(boolean) switched on}: each send then carries a
 * value larger than {@code max.request.size}, which the real client refuses (RecordTooLargeException through the
 * callback, and the transaction becomes abortable) — a genuine send failure, not a mock.
 */
public final class FailingSends implements KafkaClients {

    private static final byte[] TOO_LARGE = new byte[2 * 1024 * 1024];
    private volatile boolean failing;
    private final AtomicLong failed = new AtomicLong();

    public void failing(boolean on) {
        failing = on;
    }

    public long failed() {
        return failed.get();
    }

    @Override
    public Consumer<String, byte[]> consumer(Map<String, Object> config) {
        return PLAIN.consumer(config);
    }

    @Override
    public Producer<String, byte[]> producer(Map<String, Object> config) {
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()) {
            @Override
            public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
                if (failing) {
                    failed.incrementAndGet();
                    record = new ProducerRecord<>(
                            record.topic(), record.partition(), record.key(), TOO_LARGE, record.headers());
                }
                return super.send(record, callback);
            }
        };
    }
}
