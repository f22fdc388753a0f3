package io.steadystate.order.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.steadystate.core.event.MarketEvent;
import io.steadystate.core.event.OrderEvent;
import io.steadystate.core.event.OrderRole;
import io.steadystate.core.event.OrderStatus;
import io.steadystate.core.event.Side;
import io.steadystate.core.event.Signal;
import io.steadystate.core.event.SymbolListed;
import io.steadystate.core.event.Tick;
import io.steadystate.core.kafka.Partitioning;
import io.steadystate.core.kafka.Topics;
import io.steadystate.core.serde.MarketEventSerde;
import io.steadystate.core.serde.OrderEventSerde;
import io.steadystate.core.serde.SignalSerde;
import io.steadystate.core.state.StoreMetrics;
import io.steadystate.core.testkafka.RealKafka;
import io.steadystate.core.testkafka.RealKafkaExtension;
import io.steadystate.core.testkafka.TestRecords;
import io.steadystate.kit.delivery.Await;
import io.steadystate.kit.delivery.KafkaClients;
import io.steadystate.kit.time.EpochMicros;
import io.steadystate.order.delivery.OrderDelivery;
import io.steadystate.order.engine.OrderEngine;
import io.steadystate.order.fault.OrderTrackingLeak;
import io.steadystate.order.orders.EngineSettings;
import io.steadystate.order.orders.OrderMetrics.SignalOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two order-service instances in one consumer group on a real broker: the production wiring ({@link OrderDelivery}:
 * engine, publisher, {@link PartitionOwnership}, state recovery, the service-kit delivery loop with the range
 * assignor) built twice. A joins alone, B joins (A
 * drops what B now owns; B rebuilds it), both trade their own symbols, B leaves (A rebuilds B's partitions and
 * fills the brackets B opened); no order event id is published twice.
 */
@ExtendWith(RealKafkaExtension.class)
class ScaleOutIT {

    private static final String GROUP = "order-service-scale-out-it";
    private static final int PARTITIONS = 3; // RealKafkaExtension creates the topics with 3
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final MarketEventSerde market = new MarketEventSerde();
    private final SignalSerde signals = new SignalSerde();
    private long now = 1_767_623_400_000L;
    private long seq;

    /** One order-service process: exactly what Quarkus wires ({@link OrderDelivery}), with a fast heartbeat. */
    private static final class Instance implements AutoCloseable {
        final SimpleMeterRegistry registry = new SimpleMeterRegistry();
        final OrderDelivery delivery;
        final OrderEngine engine;
        final PartitionOwnership ownership;
        private boolean closed;

        Instance(String bootstrap, String name) {
            delivery = new OrderDelivery(
                    new OrderDelivery.Settings(
                            bootstrap,
                            name,
                            GROUP,
                            EngineSettings.defaults(),
                            20_000,
                            Map.of(
                                    ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
                                    300,
                                    ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
                                    6_000)),
                    registry,
                    OrderTrackingLeak.off(registry),
                    EpochMicros::now,
                    KafkaClients.PLAIN);
            engine = delivery.engine();
            ownership = delivery.ownership();
            delivery.start();
        }

        Set<String> openEntrySymbols() {
            return engine.openOrders(0, 500).stream().map(OrderEvent::symbol).collect(Collectors.toSet());
        }

        Set<String> openEntryIds() {
            return engine.openOrders(0, 500).stream().map(OrderEvent::entryId).collect(Collectors.toSet());
        }

        double gauge(String store) {
            return registry.get(StoreMetrics.ENTRIES)
                    .tag("store", store)
                    .gauge()
                    .value();
        }

        double revoked(String store) {
            return registry.get(StoreMetrics.EVICTIONS)
                    .tag("store", store)
                    .tag("cause", "revoked")
                    .counter()
                    .count();
        }

        /** Leaves the group: the consumer's close revokes (drops the state); nothing uncommitted survives. */
        @Override
        public void close() {
            if (!closed) {
                closed = true;
                delivery.close();
            }
        }
    }

    @Test
    void eachSymbolHasOneOwnerAndTheSurvivorTakesOverTheLeaversOrdersAndPositions(RealKafka kafka) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            symbols.add("SX" + i);
        }
        assertThat(symbols.stream().map(ScaleOutIT::partition).collect(Collectors.toSet()))
                .as("the symbols cover every partition")
                .hasSize(PARTITIONS);

        try (KafkaProducer<String, byte[]> p = TestRecords.producer(bootstrap);
                Instance a = new Instance(bootstrap, "a")) {
            await(
                    "A owns everything",
                    () -> a.ownership.ownedPartitions().size() == PARTITIONS && a.engine.isRecovered());
            for (String s : symbols) {
                send(p, new SymbolListed(s, now += 1000, 100));
                send(p, tick(s, 100));
            }
            await("A knows every symbol", () -> symbols.stream().allMatch(a.engine::knowsSymbol));
            for (String s : symbols) {
                signal(p, s, 11);
            }
            await(
                    "A opened 24 brackets",
                    () -> a.engine.state().openBracketStore().size() == 24);
            for (String s : symbols) {
                send(p, tick(s, 100)); // entries fill: 24 long positions, children working
            }
            await("A holds 24 positions", () -> a.engine.state().positionStore().size() == 24);

            // ---- B joins: the range assignor splits partition p of both topics to one instance -------------------
            Set<String> openedByB = new HashSet<>();
            Instance b = new Instance(bootstrap, "b");
            try {
                await("the group is split and both rebuilt", () -> {
                    Set<Integer> ofA = a.ownership.ownedPartitions();
                    Set<Integer> ofB = b.ownership.ownedPartitions();
                    Set<Integer> both = new HashSet<>(ofA);
                    both.addAll(ofB);
                    return !ofA.isEmpty()
                            && !ofB.isEmpty()
                            && both.size() == PARTITIONS
                            && ofA.size() + ofB.size() == PARTITIONS
                            && a.engine.isRecovered()
                            && b.engine.isRecovered();
                });
                Set<String> ofA = owned(symbols, a.ownership.ownedPartitions());
                Set<String> ofB = owned(symbols, b.ownership.ownedPartitions());
                assertThat(ofA).isNotEmpty().doesNotContainAnyElementsOf(ofB);
                // the revoking instance's stores are back to what it still owns (via the exported store gauges)
                assertThat(a.gauge("order-open-brackets")).isEqualTo(ofA.size());
                assertThat(a.gauge("order-positions")).isEqualTo(ofA.size());
                assertThat(a.gauge("order-symbols")).isEqualTo(ofA.size());
                assertThat(a.revoked("order-open-brackets")).isGreaterThanOrEqualTo(ofB.size());
                assertThat(a.revoked("order-positions")).isGreaterThanOrEqualTo(ofB.size());
                assertThat(a.openEntrySymbols()).isEqualTo(ofA);
                // B rebuilt its partitions' brackets (children working) and positions from the compacted topics
                assertThat(b.gauge("order-open-brackets")).isEqualTo(ofB.size());
                assertThat(b.gauge("order-positions")).isEqualTo(ofB.size());
                assertThat(b.openEntrySymbols()).isEqualTo(ofB);

                // ---- both trade: every signal is handled by the owner of its symbol, once ------------------------
                for (String s : symbols) {
                    signal(p, s, 12);
                }
                await(
                        "48 brackets open in the group",
                        () -> a.engine.state().openBracketStore().size()
                                        + b.engine.state().openBracketStore().size()
                                == 48);
                assertThat(a.openEntrySymbols()).isEqualTo(ofA);
                assertThat(b.openEntrySymbols()).isEqualTo(ofB);
                assertThat(a.engine.metrics().count(SignalOutcome.ACCEPTED)
                                + b.engine.metrics().count(SignalOutcome.ACCEPTED))
                        .isEqualTo(24 + 24);
                assertThat(b.engine.metrics().count(SignalOutcome.ACCEPTED)).isEqualTo(ofB.size());
                assertThat(a.engine.metrics().count(SignalOutcome.DUPLICATE)
                                + b.engine.metrics().count(SignalOutcome.DUPLICATE))
                        .isZero();
                b.openEntryIds().stream().filter(id -> id.contains(":12:")).forEach(openedByB::add);
                assertThat(openedByB).hasSize(ofB.size());

                // ---- B leaves: its consumer closes, revokes, commits; its stores drop to nothing -----------------
                b.close();
                assertThat(b.gauge("order-open-brackets")).isZero();
                assertThat(b.gauge("order-positions")).isZero();
                assertThat(b.gauge("order-symbols")).isZero();
                assertThat(b.gauge("order-seen-ids")).isZero();
            } finally {
                b.close();
            }
            await(
                    "A owns everything again",
                    () -> a.ownership.ownedPartitions().size() == PARTITIONS
                            && a.engine.isRecovered()
                            && a.engine.state().openBracketStore().size() == 48);
            assertThat(a.engine.state().positionStore().size()).isEqualTo(24);

            // ---- A continues B's brackets: entries fill, then every take-profit --------------------------------
            for (String s : symbols) {
                send(p, tick(s, 100));
            }
            await(
                    "slot-12 entries filled",
                    () -> a.engine.state().positionStore().size() == 48);
            for (String s : symbols) {
                send(p, tick(s, 111));
            }
            await(
                    "every bracket closed by its take-profit",
                    () -> a.engine.state().openBracketStore().size() == 0);

            OrderEventSerde serde = new OrderEventSerde();
            List<OrderEvent> events = TestRecords.readUntil(
                            bootstrap,
                            Topics.ORDER_EVENTS,
                            rs -> rs.stream()
                                            .map(r -> serde.decode(r.value()))
                                            .filter(e -> e.role() == OrderRole.TAKE_PROFIT
                                                    && e.status() == OrderStatus.FILLED)
                                            .count()
                                    >= 48,
                            WAIT)
                    .stream()
                    .map(ConsumerRecord::value)
                    .map(serde::decode)
                    .toList();
            Map<String, Long> perEventId =
                    events.stream().collect(Collectors.groupingBy(OrderEvent::id, Collectors.counting()));
            assertThat(perEventId)
                    .as("no order event id twice")
                    .allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
            assertThat(events.stream()
                            .filter(e -> e.status() == OrderStatus.ACCEPTED)
                            .count())
                    .isEqualTo(48);
            assertThat(events.stream()
                            .filter(e -> e.role() == OrderRole.TAKE_PROFIT && e.status() == OrderStatus.FILLED)
                            .count())
                    .isEqualTo(48);
            Set<String> filledEntries = events.stream()
                    .filter(e -> e.role() == OrderRole.ENTRY && e.status() == OrderStatus.FILLED)
                    .map(OrderEvent::entryId)
                    .collect(Collectors.toSet());
            assertThat(filledEntries)
                    .as("B's brackets filled by A after the take-over")
                    .containsAll(openedByB);
        }
    }

    private static int partition(String symbol) {
        return Partitioning.partitionOf(symbol, PARTITIONS);
    }

    private static Set<String> owned(List<String> symbols, Set<Integer> partitions) {
        return symbols.stream().filter(s -> partitions.contains(partition(s))).collect(Collectors.toSet());
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

    private void signal(KafkaProducer<String, byte[]> p, String symbol, int slot) throws Exception {
        long bar = now;
        Signal s =
                new Signal(Signal.idFor(symbol, slot, bar), symbol, slot, Side.BUY, 100, 95, 110, 10, bar, now += 1, 0);
        p.send(new ProducerRecord<>(Topics.SIGNALS, symbol, signals.encode(s))).get();
    }
}
