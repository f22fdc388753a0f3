package io.steadystate.core.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.steadystate.core.event.MarketEvent;
import io.steadystate.core.event.SessionOpened;
import io.steadystate.core.event.Tick;
import io.steadystate.core.serde.MarketEventSerde;
import io.steadystate.core.testkafka.RealKafka;
import io.steadystate.core.testkafka.RealKafkaExtension;
import io.steadystate.core.testkafka.TestRecords;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealKafkaExtension.class)
class RealBrokerRoundTripIT {

    private final MarketEventSerde serde = new MarketEventSerde();

    @Test
    void marketEventsTravelThroughARealBrokerKeyedBySymbol(RealKafka kafka) throws Exception {
        Tick tick = new Tick("AAPL", 1_000, 1, 100, 99.9, 100.1, 10, 0);
        try (KafkaProducer<String, byte[]> producer = TestRecords.producer(kafka.bootstrapServers())) {
            producer.send(new ProducerRecord<>(Topics.MARKET_EVENTS, tick.symbol(), serde.encode(tick)))
                    .get();
            for (int p = 0; p < 3; p++) { // broadcast: one copy per partition
                producer.send(new ProducerRecord<>(
                                Topics.MARKET_EVENTS,
                                p,
                                MarketEvent.ALL_SYMBOLS,
                                serde.encode(new SessionOpened(2_000, 19_000))))
                        .get();
            }
        }
        List<ConsumerRecord<String, byte[]>> records = TestRecords.readUntil(
                kafka.bootstrapServers(), Topics.MARKET_EVENTS, r -> r.size() >= 4, Duration.ofSeconds(30));

        assertThat(records).hasSize(4);
        ConsumerRecord<String, byte[]> tickRecord =
                records.stream().filter(r -> r.key().equals("AAPL")).findFirst().orElseThrow();
        assertThat(serde.decode(tickRecord.value())).isEqualTo(tick);
        assertThat(tickRecord.partition()).isEqualTo(Partitioning.partitionOf("AAPL", 3));
        assertThat(records.stream().map(ConsumerRecord::partition).distinct()).containsExactlyInAnyOrder(0, 1, 2);
    }
}
