package io.steadystate.core.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaConnectionTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"order-service\" password=\"s3cret\";";

    @Test
    void everyClientGetsTheBootstrapServersAndTheSecurityPropertiesOverWhatTheCodeSet() {
        KafkaConnection kafka = new KafkaConnection(
                "kafka:9092",
                Map.of(
                        "security.protocol",
                        "SASL_PLAINTEXT",
                        "sasl.mechanism",
                        "SCRAM-SHA-512",
                        "sasl.jaas.config",
                        JAAS));
        Map<String, Object> config = kafka.clientConfig(Map.of("client.id", "x", "security.protocol", "PLAINTEXT"));
        assertThat(config)
                .containsEntry("bootstrap.servers", "kafka:9092")
                .containsEntry("client.id", "x")
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", JAAS);
    }

    @Test
    void plaintextAddsOnlyTheBootstrapServers() {
        assertThat(KafkaConnection.plaintext("127.0.0.1:9092").clientConfig(Map.of()))
                .containsExactlyEntriesOf(Map.of("bootstrap.servers", "127.0.0.1:9092"));
    }

    @Test
    void credentialsNeverShowInItsText() {
        KafkaConnection kafka =
                new KafkaConnection("kafka:9092", Map.of("security.protocol", "SASL_SSL", "sasl.jaas.config", JAAS));
        assertThat(kafka.toString()).isEqualTo("kafka:9092 (SASL_SSL)").doesNotContain("s3cret");
    }

    @Test
    void refusesPropertiesThatAreNotAboutSecurity() {
        assertThatThrownBy(() -> new KafkaConnection("kafka:9092", Map.of("acks", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a client security property: acks");
        assertThatThrownBy(() -> KafkaConnection.plaintext(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
