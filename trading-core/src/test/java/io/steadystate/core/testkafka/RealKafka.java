package io.steadystate.core.testkafka;

import io.steadystate.core.kafka.TopicProvisioner;
import io.steadystate.core.kafka.Topics;
import java.time.Duration;
import java.util.Locale;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.jboss.logging.Logger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A real Kafka broker for tests — never a mock. Testcontainers when a Docker engine is reachable, otherwise
 * Kafka's own in-JVM KRaft test kit; the test code is the same either way and the choice is logged.
 * Force one with {@code -Dsteadystate.kafka.fixture=testcontainers|kit} (or the env variable
 * {@code STEADYSTATE_KAFKA_FIXTURE}).
 */
public final class RealKafka implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RealKafka.class);
    private static final String IMAGE = "apache/kafka:4.1.1";

    private final String bootstrapServers;
    private final String kind;
    private final AutoCloseable broker;
    private boolean closed;

    private RealKafka(String bootstrapServers, String kind, AutoCloseable broker) {
        this.bootstrapServers = bootstrapServers;
        this.kind = kind;
        this.broker = broker;
    }

    /** Starts a broker and creates the system's topics ({@link Topics#ALL}) with {@code partitions}. */
    public static RealKafka startWithTopics(int partitions) {
        RealKafka kafka = start();
        TopicProvisioner.ensureTopics(kafka.bootstrapServers(), partitions, (short) 1, Duration.ofSeconds(30));
        return kafka;
    }

    public static RealKafka start() {
        String choice = System.getProperty(
                        "steadystate.kafka.fixture", System.getenv().getOrDefault("STEADYSTATE_KAFKA_FIXTURE", "auto"))
                .toLowerCase(Locale.ROOT);
        long started = System.nanoTime();
        java.nio.file.Path logs = KafkaTestLogs.route();
        RealKafka kafka = switch (choice) {
            case "testcontainers" -> testcontainers();
            case "kit" -> testKit();
            default -> dockerReachable() ? testcontainers() : testKit();
        };
        LOG.infof(
                "Real Kafka fixture: %s at %s (ready in %d ms); Kafka's logs below WARN in %s",
                kafka.kind, kafka.bootstrapServers, (System.nanoTime() - started) / 1_000_000, logs);
        return kafka;
    }

    private static boolean dockerReachable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    private static RealKafka testcontainers() {
        KafkaContainer container = new KafkaContainer(IMAGE);
        container.start();
        return new RealKafka(container.getBootstrapServers(), "testcontainers " + IMAGE, container::stop);
    }

    private static RealKafka testKit() {
        try {
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                            .setCombined(true)
                            .setNumBrokerNodes(1)
                            .setNumControllerNodes(1)
                            .build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "3")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "false")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new RealKafka(cluster.bootstrapServers(), "in-JVM KRaft (KafkaClusterTestKit)", cluster);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the in-JVM Kafka test kit: " + e, e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Which implementation runs: Testcontainers or the in-JVM test kit. */
    public String kind() {
        return kind;
    }

    /** Idempotent (the test kit's own close is not). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            broker.close();
        } catch (Exception e) {
            LOG.warnf("closing the Kafka fixture: %s", e);
        }
    }
}
