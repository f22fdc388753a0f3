package io.steadystate.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.steadystate.core.kafka.KafkaConnection;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class KafkaConnectionConfigTest {

    private static Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build();
    }

    @Test
    void aLocalRunIsPlaintext() {
        KafkaConnection kafka = KafkaConnectionConfig.from(config(Map.of("kafka.bootstrap.servers", "127.0.0.1:9092")));
        assertThat(kafka).isEqualTo(KafkaConnection.plaintext("127.0.0.1:9092"));
    }

    @Test
    void aDeploymentsSaslSettingsReachTheConnectionAndBlankOnesAreLeftOut() {
        KafkaConnection kafka = KafkaConnectionConfig.from(config(Map.of(
                "kafka.bootstrap.servers",
                "kafka:9092",
                "kafka.security.protocol",
                "SASL_PLAINTEXT",
                "kafka.sasl.mechanism",
                "SCRAM-SHA-512",
                "kafka.sasl.jaas.config",
                "ScramLoginModule required username=\"u\" password=\"p\";",
                "kafka.ssl.truststore.location",
                " ",
                "kafka.acks",
                "1")));
        assertThat(kafka.security()).containsOnlyKeys("security.protocol", "sasl.mechanism", "sasl.jaas.config");
        assertThat(kafka.clientConfig(Map.of()))
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .doesNotContainKey("acks");
    }
}
