package io.steadystate.soak;

import io.steadystate.core.kafka.LocalKafkaBroker;
import io.steadystate.core.kafka.TopicProvisioner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The harness's own broker for its ITs: the KRaft child JVM the local stack runs, from this module's
 * {@code target/kafka-libs}, with the system's topics; and a transactional producer on it.
 */
public final class ModuleBroker {

    private ModuleBroker() {}

    /** Starts a broker in a fresh temporary directory named after {@code name} and creates the topics. */
    public static LocalKafkaBroker start(String name, int partitions) throws Exception {
        Path libs = Path.of(System.getProperty("soak.module.dir", "."), "target", "kafka-libs");
        LocalKafkaBroker broker = LocalKafkaBroker.start(
                Files.createTempDirectory(name + "-kafka"),
                libs.toAbsolutePath() + "/*",
                "256m",
                Duration.ofSeconds(90));
        TopicProvisioner.ensureTopics(broker.bootstrapServers(), partitions, (short) 1, Duration.ofSeconds(30));
        return broker;
    }

    public static KafkaProducer<byte[], byte[]> transactional(LocalKafkaBroker broker, String id) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.bootstrapServers(),
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                        id,
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new ByteArraySerializer(),
                new ByteArraySerializer());
    }
}
