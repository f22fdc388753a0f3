package io.steadystate.core.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where the brokers are and how a client proves who it is: every client a service builds (delivery loops,
 * publishers, recovery readers, admin clients) starts from this one value, so a SCRAM or TLS listener needs its
 * settings in one place (k8s sets {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM},
 * {@code KAFKA_SASL_JAAS_CONFIG}) and no client is left on PLAINTEXT by accident.
 *
 * @param bootstrapServers {@code host:port[,host:port…]}
 * @param security         client properties named in {@link #SECURITY_KEYS}, applied to every client as they are
 */
public record KafkaConnection(String bootstrapServers, Map<String, String> security) {

    /** The client properties a deployment may set; everything else about a client is the code's business. */
    public static final Set<String> SECURITY_KEYS = Set.of(
            "security.protocol",
            "sasl.mechanism",
            "sasl.jaas.config",
            "ssl.truststore.location",
            "ssl.truststore.password",
            "ssl.truststore.type",
            "ssl.keystore.location",
            "ssl.keystore.password",
            "ssl.keystore.type",
            "ssl.key.password",
            "ssl.endpoint.identification.algorithm");

    public KafkaConnection {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        if (bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers is blank");
        }
        security = Map.copyOf(security);
        for (String key : security.keySet()) {
            if (!SECURITY_KEYS.contains(key)) {
                throw new IllegalArgumentException(
                        "not a client security property: " + key + " (one of " + SECURITY_KEYS + ")");
            }
        }
    }

    /** A loopback broker or a test: no authentication. */
    public static KafkaConnection plaintext(String bootstrapServers) {
        return new KafkaConnection(bootstrapServers, Map.of());
    }

    /** {@code specific} plus the bootstrap servers and the security properties (which win: they are not the code's to change). */
    public Map<String, Object> clientConfig(Map<String, ?> specific) {
        Map<String, Object> config = new HashMap<>(specific);
        config.put("bootstrap.servers", bootstrapServers);
        config.putAll(security);
        return config;
    }

    /** Never prints credentials (a JAAS line carries the password). */
    @Override
    public String toString() {
        return bootstrapServers
                + (security.isEmpty() ? "" : " (" + security.getOrDefault("security.protocol", "secured") + ")");
    }
}
