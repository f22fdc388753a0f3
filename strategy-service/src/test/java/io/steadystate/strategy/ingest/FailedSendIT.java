package io.steadystate.strategy.ingest;

import static io.steadystate.strategy.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.steadystate.core.event.Signal;
import io.steadystate.core.event.SlotParameters;
import io.steadystate.core.event.StrategySlot;
import io.steadystate.core.event.SymbolListed;
import io.steadystate.core.kafka.Topics;
import io.steadystate.core.serde.MarketEventSerde;
import io.steadystate.core.serde.SignalSerde;
import io.steadystate.core.state.StoreMetrics;
import io.steadystate.core.testkafka.RealKafka;
import io.steadystate.core.testkafka.RealKafkaExtension;
import io.steadystate.core.testkafka.TestRecords;
import io.steadystate.core.time.EventClock;
import io.steadystate.kit.delivery.Await;
import io.steadystate.kit.delivery.CommittedRecords;
import io.steadystate.kit.delivery.DeadLetters;
import io.steadystate.kit.delivery.DeliveryLoop;
import io.steadystate.kit.delivery.DeliverySettings;
import io.steadystate.kit.delivery.FailingSends;
import io.steadystate.strategy.Fixtures;
import io.steadystate.strategy.fault.FaultInjector;
import io.steadystate.strategy.params.ParameterTable;
import io.steadystate.strategy.signals.StrategyMatrix;
import io.steadystate.strategy.symbol.SymbolBook;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A send the broker refuses (a real producer made to send over-large records) on the production handler and the
 * service-kit loop: nothing is committed — no offset, no signal, no dead letter — and readiness is DOWN while it
 * lasts; once sends succeed again, every signal and dead letter is there exactly once, read committed.
 */
@ExtendWith(RealKafkaExtension.class)
class FailedSendIT {

    private static final String GROUP = "strategy-failed-send-it";
    private static final List<String> SYMBOLS = List.of("FSA", "FSB", "FSC", "FSD");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aFailedSendCommitsNothingAndAfterRecoveryEveryOutputIsThereOnce(RealKafka kafka) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        FailingSends clients = new FailingSends();
        clients.failing(true);
        DeliverySettings settings = new DeliverySettings(
                "strategy-service",
                bootstrap,
                GROUP,
                List.of(Topics.MARKET_EVENTS),
                List.of(Topics.SIGNALS, Topics.STRATEGY_DLQ),
                "strategy-it-failed-send",
                true,
                Map.of(),
                Map.of(),
                null);
        try (DeliveryLoop loop = new DeliveryLoop(
                settings,
                new MarketEventsHandler(
                        book(registry), new DeadLetters("strategy-service", Topics.STRATEGY_DLQ, registry), registry),
                clients,
                registry)) {
            loop.start();
            publishInputs(bootstrap);

            await(
                    "a send failed and readiness is DOWN",
                    () -> clients.failed() > 0 && loop.health().outputFailing());
            assertThat(loop.health().ready()).isFalse();
            Thread.sleep(2_000); // a few more rounds of abort → rebuild → re-process
            assertThat(CommittedRecords.committedTotal(bootstrap, GROUP, Topics.MARKET_EVENTS))
                    .as("no offset committed past a failed send")
                    .isZero();
            assertThat(CommittedRecords.read(bootstrap, Topics.SIGNALS))
                    .as("no signal visible")
                    .isEmpty();
            assertThat(CommittedRecords.read(bootstrap, Topics.STRATEGY_DLQ))
                    .as("no dead letter visible")
                    .isEmpty();
            assertThat(ticksCounted(registry))
                    .as("ticks of aborted transactions are not counted, however often " + "they were re-processed")
                    .isZero();
            assertThat(registry.get("steadystate.kafka.send.errors")
                            .tag("service", "strategy-service")
                            .tag("topic", Topics.SIGNALS)
                            .counter()
                            .count())
                    .isPositive();

            clients.failing(false);
            List<ConsumerRecord<String, byte[]>> signals =
                    CommittedRecords.readUntil(bootstrap, Topics.SIGNALS, rs -> rs.size() >= SYMBOLS.size(), WAIT);
            await("every input committed", () -> committed(bootstrap) == SYMBOLS.size() * 6 + 1);
            await("ready again", () -> loop.health().ready());
            signals = CommittedRecords.read(bootstrap, Topics.SIGNALS);
            SignalSerde serde = new SignalSerde();
            Map<String, Long> perId = signals.stream()
                    .map(r -> serde.decode(r.value()).id())
                    .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
            assertThat(perId.keySet())
                    .containsExactlyInAnyOrderElementsOf(SYMBOLS.stream()
                            .map(s -> Signal.idFor(s, 12, at("2026-11-18T09:33:00Z")))
                            .toList());
            assertThat(perId)
                    .as("each signal exactly once")
                    .allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
            assertThat(CommittedRecords.read(bootstrap, Topics.STRATEGY_DLQ))
                    .as("the dead letter exactly once")
                    .hasSize(1);
            assertThat(ticksCounted(registry))
                    .as("each committed tick counted once")
                    .isEqualTo(SYMBOLS.size() * 5L);
        }
    }

    /** Default rows, but M1/S2 (slot 12) with a 2-bar channel and no margin, as the REST IT sets it. */
    private static SymbolBook book(SimpleMeterRegistry registry) {
        SlotParameters[] rows = Fixtures.defaultRows();
        rows[StrategySlot.ofId(12).index()] = new SlotParameters(12, true, 25, 2, 0, 0, 1.0, 2.0, 1);
        ParameterTable table = new ParameterTable(rows, registry);
        return new SymbolBook(
                100,
                Duration.ofDays(4),
                1.5,
                new EventClock(),
                new StoreMetrics(registry),
                new StrategyMatrix(table, registry),
                FaultInjector.off(registry));
    }

    private static void publishInputs(String bootstrap) throws Exception {
        MarketEventSerde serde = new MarketEventSerde();
        try (KafkaProducer<String, byte[]> p = TestRecords.producer(bootstrap)) {
            for (String s : SYMBOLS) {
                p.send(new ProducerRecord<>(
                                Topics.MARKET_EVENTS,
                                s,
                                serde.encode(new SymbolListed(s, at("2026-11-18T09:30:00Z"), 100))))
                        .get();
                double[] prices = {100, 100, 100, 110, 111};
                for (int i = 0; i < prices.length; i++) {
                    p.send(new ProducerRecord<>(
                                    Topics.MARKET_EVENTS,
                                    s,
                                    serde.encode(
                                            Fixtures.tick(s, at("2026-11-18T09:30:05Z") + i * 60_000L, prices[i]))))
                            .get();
                }
            }
            p.send(new ProducerRecord<>(
                            Topics.MARKET_EVENTS, "JUNK", "not a market event".getBytes(StandardCharsets.UTF_8)))
                    .get();
        }
    }

    private static long ticksCounted(SimpleMeterRegistry registry) {
        return (long) registry.get(SymbolBook.TICKS).functionCounter().count();
    }

    private static long committed(String bootstrap) {
        try {
            return CommittedRecords.committedTotal(bootstrap, GROUP, Topics.MARKET_EVENTS);
        } catch (Exception e) {
            return -1;
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Await.until(what, WAIT, condition);
    }
}
