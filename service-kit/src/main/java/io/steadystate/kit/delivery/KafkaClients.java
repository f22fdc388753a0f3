package io.steadystate.kit.delivery;

import io.steadystate.core.kafka.OpenPartitionTransaction;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** How a loop makes its clients: plain Kafka clients in the services, a failing producer in tests. */
public interface KafkaClients {

    Consumer<String, byte[]> consumer(Map<String, Object> config);

    Producer<String, byte[]> producer(Map<String, Object> config);

    /** For the check before a loop writes again (see {@link OpenPartitionTransaction}): the Admin API by default. */
    default TransactionLookup transactions(Map<String, Object> config) {
        return new AdminTransactionLookup(Admin.create(config));
    }

    KafkaClients PLAIN = new KafkaClients() {
        @Override
        public Consumer<String, byte[]> consumer(Map<String, Object> config) {
            return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        }

        @Override
        public Producer<String, byte[]> producer(Map<String, Object> config) {
            return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        }
    };
}
