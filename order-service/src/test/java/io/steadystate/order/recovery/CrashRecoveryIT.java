package io.steadystate.order.recovery;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.steadystate.core.event.MarketEvent;
import io.steadystate.core.event.OrderEvent;
import io.steadystate.core.event.OrderStatus;
import io.steadystate.core.event.Position;
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
import io.steadystate.order.OrderServiceWiring;
import io.steadystate.order.events.KafkaOrderPublisher;
import io.steadystate.order.fault.OrderTrackingLeak;
import io.steadystate.order.ingest.DeadLetters;
import io.steadystate.order.ingest.RecordIngest;
import io.steadystate.order.orders.EngineSettings;
import io.steadystate.order.orders.OrderEngine;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 and restart, on a real broker: the production classes (engine, Kafka publisher, record ingest,
 * state recovery) wired by hand twice. The first instance is abandoned mid-life — never closed, its last
 * offsets never committed — and a second one recovers from Kafka and re-consumes what was not committed.
 */
@ExtendWith(RealKafkaExtension.class)
class CrashRecoveryIT {

    private static final long T0 = 1_767_623_400_000L;
    private static final String GROUP = "order-service-crash-it";

    private final MarketEventSerde market = new MarketEventSerde();
    private final SignalSerde signals = new SignalSerde();
    private long now = T0;
    private long seq;

    /** One order-service process: what Quarkus wires, with plain consumers that commit only when told. */
    private static final class Instance {
        final OrderEngine engine;
        final KafkaOrderPublisher publisher;
        final RecordIngest ingest;
        final KafkaConsumer<String, byte[]> signalConsumer;
        final KafkaConsumer<String, byte[]> marketConsumer;

        Instance(String bootstrap, String name) {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            publisher = new KafkaOrderPublisher(KafkaOrderPublisher.newProducer(bootstrap, name));
            engine = new OrderEngine(EngineSettings.defaults(), publisher, registry, OrderTrackingLeak.off(registry),
                    OrderServiceWiring::wallMicros);
            new StateRecovery(bootstrap, Duration.ofMinutes(5)).recoverInto(engine); // before any input
            ingest = new RecordIngest(engine, new DeadLetters(publisher.producer(), registry));
            signalConsumer = consumer(bootstrap, Topics.SIGNALS);
            marketConsumer = consumer(bootstrap, Topics.MARKET_EVENTS);
        }

        private static KafkaConsumer<String, byte[]> consumer(String bootstrap, String topic) {
            KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer());
            // manual assignment: no group rebalance to wait for when the "dead" instance never leaves
            c.assign(c.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList());
            return c;
        }

        /** Market events first, then signals, like the two channels; flush; commit only if asked. */
        void drain(boolean commit) {
            while (behind(marketConsumer) || behind(signalConsumer)) {
                ingest.marketEvents(marketConsumer.poll(Duration.ofMillis(100)));
                ingest.signals(signalConsumer.poll(Duration.ofMillis(100)));
            }
            publisher.flush();
            if (commit) {
                marketConsumer.commitSync();
                signalConsumer.commitSync();
            }
        }

        private static boolean behind(KafkaConsumer<String, byte[]> c) {
            Map<TopicPartition, Long> ends = c.endOffsets(c.assignment());
            return ends.entrySet().stream().anyMatch(e -> c.position(e.getKey()) < e.getValue());
        }
    }

    @Test
    void restartAfterKillRebuildsOrdersAndPositionsWithoutLosingOrDuplicatingAny(RealKafka kafka) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        try (KafkaProducer<String, byte[]> p = TestRecords.producer(bootstrap)) {
            Instance first = new Instance(bootstrap, "first");
            for (String s : List.of("AAA", "BBB", "CCC")) {
                send(p, new SymbolListed(s, now += 1000, 100));
                send(p, tick(s, 100));
            }
            first.drain(true);
            // phase 1 (committed): three market brackets filled
            signal(p, "AAA", 11);
            signal(p, "BBB", 11);
            signal(p, "CCC", 11);
            first.drain(true);
            for (String s : List.of("AAA", "BBB", "CCC")) {
                send(p, tick(s, 100));
            }
            first.drain(true);
            // phase 2 (processed and published, offsets NOT committed): BBB's take-profit, new brackets on AAA
            send(p, tick("BBB", 111));
            signal(p, "AAA", 12);
            signal(p, "CCC", 21);
            first.drain(false);
            send(p, tick("AAA", 101));
            first.drain(false);

            Set<String> ordersBefore = openOrders(first.engine);
            Set<String> positionsBefore = positions(first.engine);
            // working children of AAA/11, CCC/11, AAA/12 (filled by the AAA tick); CCC/21 still waits for a CCC tick
            assertThat(ordersBefore).hasSize(3 * 2 + 3);
            assertThat(positionsBefore).hasSize(4); // AAA/11, AAA/12, CCC/11 long; BBB/11 flat after its take-profit
            // kill -9: `first` is abandoned — no close, no commit, no flush beyond what it already did

            Instance second = new Instance(bootstrap, "second");
            assertThat(openOrders(second.engine)).as("rebuilt from order.open-orders").isEqualTo(ordersBefore);
            assertThat(positions(second.engine)).as("rebuilt from order.positions").isEqualTo(positionsBefore);
            second.drain(true); // the uncommitted signals and ticks come again
            assertThat(openOrders(second.engine)).isEqualTo(ordersBefore);
            assertThat(positions(second.engine)).isEqualTo(positionsBefore);

            // still alive: a new signal trades on the recovered state
            signal(p, "BBB", 12);
            second.drain(true);
            assertThat(second.engine.openBracketStore().size()).isEqualTo(5); // AAA/11, AAA/12, CCC/11, CCC/21, BBB/12

            OrderEventSerde serde = new OrderEventSerde();
            List<OrderEvent> events = TestRecords.readUntil(bootstrap, Topics.ORDER_EVENTS,
                            rs -> rs.stream().anyMatch(r -> serde.decode(r.value()).signalId().startsWith("BBB:12")),
                            Duration.ofSeconds(30))
                    .stream().map(ConsumerRecord::value).map(serde::decode).toList();
            Map<String, Long> perEventId = events.stream().collect(Collectors.groupingBy(OrderEvent::id, Collectors.counting()));
            assertThat(perEventId).as("no order event twice").allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
            assertThat(events.stream().filter(e -> e.status() == OrderStatus.ACCEPTED).count()).isEqualTo(6);
        }
    }

    private static Set<String> openOrders(OrderEngine engine) {
        return engine.openOrders(0, 500).stream()
                .map(e -> e.orderId() + " " + e.status() + " " + e.side() + " " + e.quantity() + " @" + e.triggerPrice())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> positions(OrderEngine engine) {
        Map<String, String> byKey = new HashMap<>();
        for (Position p : engine.positions(0, 500)) {
            byKey.put(p.key(), p.key() + " q=" + p.quantity() + " avg=" + p.averagePrice() + " realised=" + p.realisedPnl());
        }
        return new TreeSet<>(byKey.values());
    }

    private Tick tick(String symbol, double price) {
        return new Tick(symbol, now += 1000, ++seq, price, price, price, 10, 0);
    }

    private void send(KafkaProducer<String, byte[]> p, MarketEvent e) throws Exception {
        p.send(new ProducerRecord<>(Topics.MARKET_EVENTS, e.symbol(), market.encode(e))).get();
    }

    private void signal(KafkaProducer<String, byte[]> p, String symbol, int slot) throws Exception {
        long bar = now;
        Signal s = new Signal(Signal.idFor(symbol, slot, bar), symbol, slot, Side.BUY, 100, 95, 110, 10, bar, now += 1, 0);
        p.send(new ProducerRecord<>(Topics.SIGNALS, symbol, signals.encode(s))).get();
    }
}
