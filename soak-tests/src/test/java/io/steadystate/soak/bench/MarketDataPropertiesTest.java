package io.steadystate.soak.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarketDataPropertiesTest {

    private static final String FILE = """
            steadystate.market.producer.linger-ms=2
            steadystate.market.producer.batch-size=262144
            %prod.steadystate.market.producer.batch-size=131072
            steadystate.market.session-close=15:30
            """;

    @Test
    void producerSettingsAreReadProdProfileFirstAndTheBenchsOverridesWin() {
        MarketDataProperties p =
                new MarketDataProperties(FILE, Map.of("steadystate.market.producer.linger-ms", "7"), "test");
        MarketProducerSettings s = MarketProducerSettings.of(p);
        assertThat(s.kafka())
                .containsEntry("linger.ms", "7")
                .containsEntry("batch.size", "131072")
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", "true")
                .doesNotContainKey("compression.type");
        assertThat(s.unset()).containsExactly("steadystate.market.producer.compression-type");
        assertThat(s.label()).isEqualTo("linger.ms=7, batch.size=131072");
        assertThat(s.commandProperties()).contains("linger.ms=7", "batch.size=131072", "acks=all");
        assertThat(p.sessionClose()).isEqualTo(LocalTime.of(15, 30));
        assertThat(p.sessionOpen()).isEqualTo(LocalTime.of(9, 30));
    }

    @Test
    void theRealServiceSaysWhatItsPropertiesFileSays() throws Exception {
        Path repo = Path.of(System.getProperty("soak.module.dir", "."))
                .toAbsolutePath()
                .getParent();
        Path source = repo.resolve("market-data-service/src/main/resources/application.properties");
        Path app = repo.resolve("market-data-service/target/quarkus-app/app");
        assumeTrue(Files.isDirectory(app), "market-data-service is not built");
        MarketProducerSettings fromJar = MarketProducerSettings.of(MarketDataProperties.load(repo, Map.of()));
        MarketProducerSettings fromSource =
                MarketProducerSettings.of(new MarketDataProperties(Files.readString(source), Map.of(), "source"));
        assertThat(fromJar.kafka()).isEqualTo(fromSource.kafka());
        assertThat(fromJar.kafka()).containsKey("linger.ms");
    }
}
