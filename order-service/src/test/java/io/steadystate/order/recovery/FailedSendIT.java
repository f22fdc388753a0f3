package io.steadystate.order.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.steadystate.core.event.MarketEvent;
import io.steadystate.core.event.OrderEvent;
import io.steadystate.core.event.OrderStatus;
import io.steadystate.core.event.Side;
import io.steadystate.core.event.Signal;
import io.steadystate.core.event.SymbolListed;
import io.steadystate.core.event.Tick;
import io.steadystate.core.kafka.Topics;
import io.steadystate.core.serde.MarketEventSerde;
import io.steadystate.core.serde.OrderEventSerde;
import io.steadystate.core.serde.SignalSerde;
import io.steadystate.core.testkafka.RealKafka;
import io.steadystate.core.testkafka.RealKafkaExtension;
import io.steadystate.core.testkafka.TestRecords;
import io.steadystate.kit.delivery.Await;
import io.steadystate.kit.delivery.CommittedRecords;
import io.steadystate.kit.delivery.FailingSends;
import io.steadystate.kit.time.EpochMicros;
import io.steadystate.order.delivery.OrderDelivery;
import io.steadystate.order.fault.OrderTrackingLeak;
import io.steadystate.order.orders.EngineSettings;
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
 * The production order-service wiring with a producer whose sends the client refuses (over-large records): no
 * offset, order event, position or open order is committed and readiness is DOWN while sends fail; once they
 * succeed, every order event is there exactly once and every entry filled once.
 */
@ExtendWith(RealKafkaExtension.class)
class FailedSendIT {

    private static final String GROUP = "order-service-failed-send-it";
    private static final List<String> SYMBOLS = List.of("OFA", "OFB", "OFC");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final MarketEventSerde market = new MarketEventSerde();
    private long now = 1_767_623_400_000L;
    private long seq;

    @Test
    void aFailedSendCommitsNothingAndAfterRecoveryEveryOrderEventIsThereOnce(RealKafka kafka) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        FailingSends clients = new FailingSends();
        clients.failing(true);
        try (KafkaProducer<String, byte[]> p = TestRecords.producer(bootstrap)) {
            for (String s : SYMBOLS) {
                send(p, new SymbolListed(s, now += 1000, 100));
                send(p, tick(s, 101));
                Signal signal =
                        new Signal(Signal.idFor(s, 11, now), s, 11, Side.BUY, 100, 95, 110, 10, now, now += 1, 0);
                p.send(new ProducerRecord<>(Topics.SIGNALS, s, new SignalSerde().encode(signal)))
                        .get();
                send(p, tick(s, 100)); // fills the entry
            }
        }
        int inputs = SYMBOLS.size() * 4;
        try (OrderDelivery delivery = new OrderDelivery(
                        new OrderDelivery.Settings(
                                bootstrap, "failed-send-it", GROUP, EngineSettings.defaults(), 20_000, Map.of()),
                        registry,
                        OrderTrackingLeak.off(registry),
                        EpochMicros::now,
                        clients)
                .start()) {
            await(
                    "a send failed and readiness is DOWN",
                    () -> clients.failed() > 0 && delivery.loop().health().outputFailing());
            assertThat(delivery.loop().health().ready()).isFalse();
            Thread.sleep(2_000); // a few more rounds of abort → rebuild → re-process
            assertThat(committed(bootstrap, Topics.SIGNALS) + committed(bootstrap, Topics.MARKET_EVENTS))
                    .as("no offset committed past a failed send")
                    .isZero();
            assertThat(CommittedRecords.read(bootstrap, Topics.ORDER_EVENTS)).isEmpty();
            assertThat(CommittedRecords.read(bootstrap, Topics.POSITIONS)).isEmpty();
            assertThat(CommittedRecords.read(bootstrap, Topics.OPEN_ORDERS)).isEmpty();
            assertThat(delivery.engine().metrics().ticksCommitted())
                    .as("ticks of aborted transactions are not counted, however often they were re-processed")
                    .isZero();

            clients.failing(false);
            await(
                    "every input committed",
                    () -> committed(bootstrap, Topics.SIGNALS) + committed(bootstrap, Topics.MARKET_EVENTS) == inputs);
            await("ready again", () -> delivery.loop().health().ready());
            // The replay after the aborts reads market.events and strategy.signals afresh, and Kafka orders records
            // only within a partition: the fill tick may now come before its signal, leaving the entry ACCEPTED (a
            // valid interleaving, not a loss). One more tick per symbol fills every entry that is still open, and
            // must not fill one twice.
            try (KafkaProducer<String, byte[]> p = TestRecords.producer(bootstrap)) {
                for (String s : SYMBOLS) {
                    send(p, tick(s, 100));
                }
            }
            await(
                    "the extra ticks committed",
                    () -> committed(bootstrap, Topics.SIGNALS) + committed(bootstrap, Topics.MARKET_EVENTS)
                            == inputs + SYMBOLS.size());
            // counted right after the commit that the offsets above come from: wait for it, then it must be exact
            await(
                    "every committed tick counted",
                    () -> delivery.engine().metrics().ticksCommitted() >= SYMBOLS.size() * 3L);
            assertThat(delivery.engine().metrics().ticksCommitted())
                    .as("each committed tick counted once")
                    .isEqualTo(SYMBOLS.size() * 3L);
            OrderEventSerde serde = new OrderEventSerde();
            List<OrderEvent> events = CommittedRecords.read(bootstrap, Topics.ORDER_EVENTS).stream()
                    .map(ConsumerRecord::value)
                    .map(serde::decode)
                    .toList();
            Map<String, Long> perId =
                    events.stream().collect(Collectors.groupingBy(OrderEvent::id, Collectors.counting()));
            assertThat(perId)
                    .as("each order event exactly once")
                    .allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
            assertThat(events.stream()
                            .filter(e -> e.status() == OrderStatus.FILLED)
                            .count())
                    .as("every entry filled once")
                    .isEqualTo(SYMBOLS.size());
            assertThat(delivery.engine().state().positionStore().size()).isEqualTo(SYMBOLS.size());
            assertThat(registry.get("steadystate.kafka.send.errors")
                            .tag("service", "order-service")
                            .tag("topic", "transaction")
                            .counter()
                            .count())
                    .isPositive();
        }
    }

    private static long committed(String bootstrap, String topic) {
        try {
            return CommittedRecords.committedTotal(bootstrap, GROUP, topic);
        } catch (Exception e) {
            return -1;
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Await.until(what, WAIT, condition);
    }

    private Tick tick(String symbol, double price) {
        return new Tick(symbol, now += 1000, ++seq, price, price, price, 10, 0);
    }

    private void send(KafkaProducer<String, byte[]> p, MarketEvent e) throws Exception {
        p.send(new ProducerRecord<>(Topics.MARKET_EVENTS, e.symbol(), market.encode(e)))
                .get();
    }
}
