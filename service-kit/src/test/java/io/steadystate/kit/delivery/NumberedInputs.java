package io.steadystate.kit.delivery;

import io.steadystate.core.testkafka.TestRecords;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/** The kit ITs' inputs: {@code n} records keyed {@code key-i}, spread by key over the topic's partitions. */
final class NumberedInputs {

    private NumberedInputs() {}

    /** Publishes them and returns the end offset they reached per partition (what a group commits when done). */
    static Map<TopicPartition, Long> publish(String bootstrap, String topic, int n) throws Exception {
        Map<TopicPartition, Long> ends = new HashMap<>();
        try (KafkaProducer<String, byte[]> p = TestRecords.producer(bootstrap)) {
            for (int i = 0; i < n; i++) {
                var meta = p.send(new ProducerRecord<>(
                                topic, "key-" + i, ("input " + i).getBytes(StandardCharsets.UTF_8)))
                        .get();
                ends.merge(new TopicPartition(meta.topic(), meta.partition()), meta.offset() + 1, Math::max);
            }
        }
        return ends;
    }
}
