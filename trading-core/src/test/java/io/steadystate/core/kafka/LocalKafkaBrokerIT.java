package io.steadystate.core.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.steadystate.core.testkafka.TestRecords;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaBrokerIT {

    @Test
    void startsAChildProcessBrokerThatServesAndStopsCleanly(@TempDir Path dir) throws Exception {
        long started = System.nanoTime();
        LocalKafkaBroker broker =
                LocalKafkaBroker.start(dir, System.getProperty("java.class.path"), "256m", Duration.ofSeconds(60));
        long readyMillis = (System.nanoTime() - started) / 1_000_000;
        try {
            assertThat(broker.isAlive()).isTrue();
            assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");
            TopicProvisioner.ensureTopics(broker.bootstrapServers(), 3, (short) 1, Duration.ofSeconds(30));
            try (KafkaProducer<String, byte[]> producer = TestRecords.producer(broker.bootstrapServers())) {
                producer.send(new ProducerRecord<>(Topics.SIGNALS, "AAPL", new byte[] {1, 2, 3}))
                        .get();
            }
            var records = TestRecords.readUntil(
                    broker.bootstrapServers(), Topics.SIGNALS, r -> !r.isEmpty(), Duration.ofSeconds(30));
            assertThat(records).hasSize(1);
            System.out.printf("child-process broker ready in %d ms%n", readyMillis);
        } finally {
            broker.close();
        }
        assertThat(broker.isAlive()).isFalse();
        broker.close(); // idempotent
    }
}
