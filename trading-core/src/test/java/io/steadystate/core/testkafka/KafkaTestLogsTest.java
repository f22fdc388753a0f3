package io.steadystate.core.testkafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class KafkaTestLogsTest {

    @Test
    void kafkaInfoGoesToTheFileAndTheConsoleHandlerPassesOnlyWarnings() throws Exception {
        Path file = KafkaTestLogs.route();
        KafkaTestLogs.route(); // a second fixture in the same JVM adds nothing
        Logger kafka = Logger.getLogger("org.apache.kafka");
        assertThat(kafka.getUseParentHandlers()).isFalse();
        assertThat(kafka.getHandlers()).hasSize(2);
        assertThat(Arrays.stream(kafka.getHandlers()).map(Handler::getLevel))
                .containsExactlyInAnyOrder(Level.ALL, Level.WARNING);

        String marker = "probe " + UUID.randomUUID();
        Logger.getLogger("org.apache.kafka.clients.Probe").info(marker);
        Arrays.stream(kafka.getHandlers()).forEach(Handler::flush);
        assertThat(Files.readString(file)).contains("INFO [org.apache.kafka.clients.Probe] " + marker);
    }
}
