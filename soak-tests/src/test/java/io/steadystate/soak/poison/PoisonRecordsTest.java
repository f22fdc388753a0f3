package io.steadystate.soak.poison;

import static org.assertj.core.api.Assertions.assertThat;

import io.steadystate.core.kafka.ProducerOrigin;
import io.steadystate.core.serde.MarketEventSerde;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The poison is a stranger on the topics: it never claims to be market-data. */
class PoisonRecordsTest {

    private static final long NOW = Instant.parse("2026-01-05T10:00:00Z").toEpochMilli();

    @Test
    void noPoisonRecordCarriesTheProducerOriginMarker() {
        PoisonRecords records = new PoisonRecords(7);
        for (PoisonKind kind : PoisonKind.values()) {
            ProducerRecord<String, byte[]> r = records.record(kind, 3, "ABCD", NOW);
            assertThat(r.topic()).isEqualTo(kind.topic());
            assertThat(r.headers().lastHeader(ProducerOrigin.HEADER))
                    .as("%s must not forge %s", kind, ProducerOrigin.HEADER)
                    .isNull();
            assertThat(ProducerOrigin.isFrom(r.headers(), ProducerOrigin.MARKET_DATA))
                    .isFalse();
        }
    }

    @Test
    void theFarFutureTickIsTheOneARestartMustNotResumeFrom() {
        ProducerRecord<String, byte[]> r = new PoisonRecords(7).record(PoisonKind.TICK_FAR_FUTURE, 0, "ABCD", NOW);
        assertThat(r.topic()).isEqualTo("market.events");
        assertThat(r.key()).isEqualTo("ABCD");
        // decodable and valid as a record: only its origin (and its jump) tells a restart not to trust it
        assertThat(new MarketEventSerde().decode(r.value()).eventTime()).isEqualTo(PoisonRecords.FAR_FUTURE);
    }
}
