package io.steadystate.kit.delivery;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The client properties of a loop. Fixed by the kit, not overridable: consumers commit only through the loop
 * ({@code enable.auto.commit=false}) and read {@code read_committed}; producers are {@code acks=all},
 * idempotent and transactional (unless the window runs without transactions:
 * {@link TransactionWindow#transactional()}). Everything tunable (poll size, fetch, linger, batch, compression)
 * comes from the settings' overrides — in the services from {@code DeliveryConfig}'s {@code @WithDefault}s, the
 * one place those defaults are written; a loop built without overrides runs the Kafka client's defaults.
 */
final class ClientConfigs {

    /** Bounds how long a crashed instance's open transaction can hold back read_committed readers (LSO). */
    static final int TRANSACTION_TIMEOUT_MS = 10_000;

    private ClientConfigs() {}

    static Map<String, Object> consumer(DeliverySettings s) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.putAll(s.consumerOverrides());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, s.groupId());
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, s.clientId() + "-in");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return s.kafka().clientConfig(c);
    }

    /** The consumer's effective {@code max.poll.records} (a poll this full means the loop is behind). */
    static int maxPollRecords(DeliverySettings s) {
        Object v = consumer(s).get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG);
        return v == null ? ConsumerConfig.DEFAULT_MAX_POLL_RECORDS : Integer.parseInt(v.toString());
    }

    static Map<String, Object> producer(DeliverySettings s) {
        Map<String, Object> p = new HashMap<>();
        boolean transactional = s.transactional();
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        if (transactional) {
            p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, TRANSACTION_TIMEOUT_MS);
        }
        p.putAll(s.producerOverrides());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, s.clientId() + "-out");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        if (transactional) {
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, s.transactionalId());
        } else {
            p.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG); // not even through the overrides
        }
        return s.kafka().clientConfig(p);
    }

    /** The loop's Admin client, for the stranded-transaction check: short time-outs, the loop retries each round. */
    static Map<String, Object> admin(DeliverySettings s) {
        Map<String, Object> a = new HashMap<>();
        a.put(AdminClientConfig.CLIENT_ID_CONFIG, s.clientId() + "-admin");
        a.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        a.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        return s.kafka().clientConfig(a);
    }

    /** {@code config} as the client resolves it ({@link ProducerConfig} with its defaults and idempotence rules). */
    static Map<String, Object> effective(Map<String, Object> config) {
        Map<String, Object> parsed = new HashMap<>(config);
        parsed.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        parsed.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return Map.copyOf(new ProducerConfig(parsed)
                .values().entrySet().stream()
                        .filter(e -> e.getValue() != null)
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }
}
