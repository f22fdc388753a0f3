package io.steadystate.order.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.steadystate.core.event.MarketEvent;
import io.steadystate.core.event.OrderEvent;
import io.steadystate.core.event.Position;
import io.steadystate.core.event.Side;
import io.steadystate.core.event.Signal;
import io.steadystate.core.event.SymbolListed;
import io.steadystate.core.event.Tick;
import io.steadystate.core.kafka.Topics;
import io.steadystate.core.serde.MarketEventSerde;
import io.steadystate.core.serde.OrderEventSerde;
import io.steadystate.core.serde.PositionSerde;
import io.steadystate.core.serde.SignalSerde;
import io.steadystate.core.testkafka.RealKafka;
import io.steadystate.core.testkafka.TestRecords;
import io.steadystate.kit.delivery.Await;
import io.steadystate.kit.delivery.CommittedRecords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of a real order-service process ({@link OrderNode}, a child JVM) in the middle of an order step, for
 * every k: the step that fills a bracket's entry (order events, the position, the entry's tombstone, the
 * children's upserts) is halted right after its k-th record reached the broker, then the process restarts.
 * Afterwards the committed orders, positions and order events equal those of a run without the crash — the entry
 * filled once, every event once. The k that does not halt (k beyond the step's last record) is that run.
 * And a REST-style submit answered after its commit survives a kill -9 right after the answer.
 */
class KillDuringStepIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String SYMBOL = "KILL";
    private static final long T0 = 1_767_623_400_000L;
    private final MarketEventSerde market = new MarketEventSerde();
    private long now = T0;
    private long seq;

    /** What a reader of the committed topics sees, without wall-clock fields. */
    record Committed(Map<String, String> openOrders, Map<String, String> positions, Map<String, Long> orderEvents) {}

    @Test
    void aKillAtAnyRecordOfAFillStepLeavesTheSameOrdersAndPositionsAsNoKill() throws Exception {
        List<Committed> crashed = new ArrayList<>();
        Committed reference = null;
        for (int k = 1; k <= 30 && reference == null; k++) {
            Run run = fillStepKilledAfter(k);
            if (run.halted) {
                crashed.add(run.state);
            } else {
                reference = run.state;
            }
        }
        assertThat(reference)
                .as("a k beyond the step's records runs the step to its end")
                .isNotNull();
        assertThat(crashed)
                .as("the step has several records, each a kill point")
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(reference.positions())
                .as("the entry filled: one long position")
                .hasSize(1)
                .allSatisfy((key, p) -> assertThat(p).startsWith("q=10.0 "));
        assertThat(reference.orderEvents())
                .allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
        for (int i = 0; i < crashed.size(); i++) {
            assertThat(crashed.get(i))
                    .as("killed after record %d of the fill step", i + 1)
                    .isEqualTo(reference);
        }
    }

    @Test
    void aSubmitAnsweredAfterItsCommitSurvivesAKillRightAfterTheAnswer() throws Exception {
        try (RealKafka kafka = RealKafka.startWithTopics(1)) {
            String bootstrap = kafka.bootstrapServers();
            try (KafkaProducer<String, byte[]> p = TestRecords.producer(bootstrap)) {
                send(p, new SymbolListed(SYMBOL, now += 1000, 100));
                send(p, tick(100));
            }
            String orderId;
            try (ChildNode first = ChildNode.start(bootstrap, "rest-1", 0, "rest-first")) {
                first.await("READY", WAIT);
                await("the market events are applied", () -> committed(bootstrap, Topics.MARKET_EVENTS) == 2);
                first.send("submit C1 " + SYMBOL);
                String answer = first.await("ANSWERED", WAIT);
                first.kill(); // right after the answer: no close, no flush
                assertThat(answer).startsWith("ANSWERED ACCEPTED ");
                orderId = answer.split(" ")[2];
            }
            assertThat(read(bootstrap).openOrders())
                    .as("committed before the answer")
                    .containsKey(orderId);
            try (ChildNode second = ChildNode.start(bootstrap, "rest-1", 0, "rest-second")) {
                second.await("READY", WAIT);
                second.send("find " + orderId);
                assertThat(second.await("FOUND", WAIT)).isEqualTo("FOUND ACCEPTED");
            }
        }
    }

    private record Run(boolean halted, Committed state) {}

    /** Fresh broker: the signal's step committed by a first process, then the fill step with the crash hook at k. */
    private Run fillStepKilledAfter(int k) throws Exception {
        now = T0; // every run sees identical input, so its committed state is comparable field by field
        seq = 0;
        try (RealKafka kafka = RealKafka.startWithTopics(1);
                KafkaProducer<String, byte[]> p = TestRecords.producer(kafka.bootstrapServers())) {
            String bootstrap = kafka.bootstrapServers();
            send(p, new SymbolListed(SYMBOL, now += 1000, 100));
            send(p, tick(101));
            Signal s =
                    new Signal(Signal.idFor(SYMBOL, 11, now), SYMBOL, 11, Side.BUY, 100, 95, 110, 10, now, now += 1, 0);
            p.send(new ProducerRecord<>(Topics.SIGNALS, SYMBOL, new SignalSerde().encode(s)))
                    .get();
            try (ChildNode first = ChildNode.start(bootstrap, "node-1", 0, "k" + k + "-signal")) {
                first.await("READY", WAIT);
                await(
                        "the signal's step committed",
                        () -> committed(bootstrap, Topics.SIGNALS) == 1
                                && committed(bootstrap, Topics.MARKET_EVENTS) == 2);
            } // killed: everything it did is committed
            send(p, tick(100)); // fills the market entry
            boolean halted;
            try (ChildNode crashing = ChildNode.start(bootstrap, "node-1", k, "k" + k + "-fill")) {
                await(
                        "halted or the fill step committed",
                        () -> !crashing.alive() || committed(bootstrap, Topics.MARKET_EVENTS) == 3);
                halted = !crashing.alive();
                if (halted) {
                    assertThat(crashing.exitCode()).as("halted by the hook").isEqualTo(137);
                }
            }
            if (halted) {
                try (ChildNode restarted = ChildNode.start(bootstrap, "node-1", 0, "k" + k + "-restart")) {
                    restarted.await("READY", WAIT);
                    await(
                            "the fill step committed after the restart",
                            () -> committed(bootstrap, Topics.MARKET_EVENTS) == 3);
                }
            }
            return new Run(halted, read(bootstrap));
        }
    }

    private static Committed read(String bootstrap) {
        OrderEventSerde orders = new OrderEventSerde();
        PositionSerde positions = new PositionSerde();
        Map<String, String> open = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> r : CommittedRecords.read(bootstrap, Topics.OPEN_ORDERS)) {
            if (r.value() == null) {
                open.remove(r.key());
            } else {
                OrderEvent e = orders.decode(r.value());
                open.put(r.key(), e.status() + " " + e.quantity() + " @" + e.triggerPrice());
            }
        }
        Map<String, String> pos = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> r : CommittedRecords.read(bootstrap, Topics.POSITIONS)) {
            if (r.value() == null) {
                pos.remove(r.key());
            } else {
                Position x = positions.decode(r.value());
                pos.put(r.key(), "q=" + x.quantity() + " avg=" + x.averagePrice() + " realised=" + x.realisedPnl());
            }
        }
        Map<String, Long> events = CommittedRecords.read(bootstrap, Topics.ORDER_EVENTS).stream()
                .map(r -> orders.decode(r.value()))
                .collect(Collectors.groupingBy(e -> e.id() + " " + e.fillPrice(), TreeMap::new, Collectors.counting()));
        return new Committed(open, pos, events);
    }

    private static long committed(String bootstrap, String topic) {
        try {
            return CommittedRecords.committedTotal(bootstrap, OrderNode.GROUP, topic);
        } catch (Exception e) {
            return -1;
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Await.until(what, WAIT, condition);
    }

    private Tick tick(double price) {
        return new Tick(SYMBOL, now += 1000, ++seq, price, price, price, 10, 0);
    }

    private void send(KafkaProducer<String, byte[]> p, MarketEvent e) throws Exception {
        p.send(new ProducerRecord<>(Topics.MARKET_EVENTS, e.symbol(), market.encode(e)))
                .get();
    }
}
