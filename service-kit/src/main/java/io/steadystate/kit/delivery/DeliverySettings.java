package io.steadystate.kit.delivery;

import io.steadystate.core.kafka.KafkaConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One loop's configuration.
 *
 * @param service          {@code service} tag of the kit's meters and the DLQ header
 * @param groupId          consumer group; one loop (one thread) per group
 * @param topics           subscribed topics
 * @param outputTopics     topics the handler sends to; empty = no producer (a table reader)
 * @param transactionalId  stable per instance (a restart with the same id fences and aborts its predecessor's
 *                         open transaction at once); required when there are outputs
 * @param commitOffsets    false for a reader that replays its topic on every start (no commits at all)
 * @param consumerOverrides extra consumer properties (e.g. the assignor, max.poll.records)
 * @param producerOverrides extra producer properties (e.g. linger.ms); acks and idempotence are not overridable
 * @param transactionWindow how many records / how long one transaction may span across polls
 */
public record DeliverySettings(
        String service,
        KafkaConnection kafka,
        String groupId,
        List<String> topics,
        List<String> outputTopics,
        String transactionalId,
        boolean commitOffsets,
        Map<String, Object> consumerOverrides,
        Map<String, Object> producerOverrides,
        Duration pollTimeout,
        TransactionWindow transactionWindow) {

    public DeliverySettings {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(groupId, "groupId");
        topics = List.copyOf(topics);
        outputTopics = List.copyOf(outputTopics);
        consumerOverrides = Map.copyOf(consumerOverrides);
        producerOverrides = Map.copyOf(producerOverrides);
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("a delivery loop needs at least one input topic");
        }
        if (!outputTopics.isEmpty() && (transactionalId == null || transactionalId.isBlank())) {
            throw new IllegalArgumentException("a loop with outputs needs a transactional id");
        }
        if (!outputTopics.isEmpty() && !commitOffsets) {
            throw new IllegalArgumentException("a loop with outputs commits its offsets in its transactions");
        }
        pollTimeout = pollTimeout == null ? Duration.ofMillis(10) : pollTimeout;
        transactionWindow = transactionWindow == null ? TransactionWindow.DEFAULT : transactionWindow;
    }

    /** With the {@link TransactionWindow#DEFAULT default} transaction window. */
    public DeliverySettings(
            String service,
            KafkaConnection kafka,
            String groupId,
            List<String> topics,
            List<String> outputTopics,
            String transactionalId,
            boolean commitOffsets,
            Map<String, Object> consumerOverrides,
            Map<String, Object> producerOverrides,
            Duration pollTimeout) {
        this(
                service,
                kafka,
                groupId,
                topics,
                outputTopics,
                transactionalId,
                commitOffsets,
                consumerOverrides,
                producerOverrides,
                pollTimeout,
                TransactionWindow.DEFAULT);
    }

    /** A loop on a broker without authentication (loopback, tests). */
    public DeliverySettings(
            String service,
            String bootstrapServers,
            String groupId,
            List<String> topics,
            List<String> outputTopics,
            String transactionalId,
            boolean commitOffsets,
            Map<String, Object> consumerOverrides,
            Map<String, Object> producerOverrides,
            Duration pollTimeout,
            TransactionWindow transactionWindow) {
        this(
                service,
                KafkaConnection.plaintext(bootstrapServers),
                groupId,
                topics,
                outputTopics,
                transactionalId,
                commitOffsets,
                consumerOverrides,
                producerOverrides,
                pollTimeout,
                transactionWindow);
    }

    /** A loop on a broker without authentication, with the default transaction window. */
    public DeliverySettings(
            String service,
            String bootstrapServers,
            String groupId,
            List<String> topics,
            List<String> outputTopics,
            String transactionalId,
            boolean commitOffsets,
            Map<String, Object> consumerOverrides,
            Map<String, Object> producerOverrides,
            Duration pollTimeout) {
        this(
                service,
                bootstrapServers,
                groupId,
                topics,
                outputTopics,
                transactionalId,
                commitOffsets,
                consumerOverrides,
                producerOverrides,
                pollTimeout,
                TransactionWindow.DEFAULT);
    }

    /** False when the window runs without Kafka transactions ({@link TransactionWindow#transactional()}). */
    public boolean transactional() {
        return transactionWindow.transactional();
    }

    public boolean hasOutputs() {
        return !outputTopics.isEmpty();
    }

    public String clientId() {
        return service + "-" + groupId;
    }
}
