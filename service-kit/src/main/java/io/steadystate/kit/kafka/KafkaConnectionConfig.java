package io.steadystate.kit.kafka;

import io.steadystate.core.kafka.KafkaConnection;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * The one {@link KafkaConnection} of a service, from its config: {@code kafka.bootstrap.servers} and, where a
 * deployment sets them, {@code kafka.security.protocol}, {@code kafka.sasl.mechanism}, {@code kafka.sasl.jaas.config}
 * and the {@code kafka.ssl.*} keys of {@link KafkaConnection#SECURITY_KEYS} (in k8s as the environment variables
 * {@code KAFKA_SECURITY_PROTOCOL}, … — MicroProfile Config maps them). Looked up by name rather than by listing
 * the config, because an environment variable only answers to the dotted name it maps to.
 */
public class KafkaConnectionConfig {

    static final String PREFIX = "kafka.";

    @Produces
    @Singleton
    KafkaConnection kafkaConnection(Config config) {
        return from(config);
    }

    static KafkaConnection from(Config config) {
        String bootstrap = config.getValue(PREFIX + "bootstrap.servers", String.class);
        Map<String, String> security = new HashMap<>();
        for (String key : KafkaConnection.SECURITY_KEYS) {
            config.getOptionalValue(PREFIX + key, String.class)
                    .filter(v -> !v.isBlank())
                    .ifPresent(v -> security.put(key, v));
        }
        return new KafkaConnection(bootstrap, security);
    }
}
