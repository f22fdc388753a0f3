package io.steadystate.order.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.steadystate.core.event.OrderEvent;
import io.steadystate.core.event.OrderStatus;
import io.steadystate.core.event.Side;
import io.steadystate.core.event.Signal;
import io.steadystate.core.event.SymbolListed;
import io.steadystate.core.event.Tick;
import io.steadystate.core.kafka.DeadLetterHeaders;
import io.steadystate.core.kafka.Topics;
import io.steadystate.core.serde.MarketEventSerde;
import io.steadystate.core.serde.OrderEventSerde;
import io.steadystate.core.serde.SignalSerde;
import io.steadystate.core.testkafka.RealKafka;
import io.steadystate.core.testkafka.RealKafkaResource;
import io.steadystate.core.testkafka.TestRecords;
import io.steadystate.order.engine.OrderEngine;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST surface and the Kafka wiring of the packaged service, on a real broker. */
@QuarkusTest
@WithTestResource(RealKafkaResource.class)
class OrderApiIT {

    private static final String TOKEN = "Bearer steadystate-local";
    private static final long T0 = 1_767_623_400_000L;

    @RealKafkaResource.InjectRealKafka
    RealKafka kafka;

    @Inject
    OrderEngine engine;

    @BeforeEach
    void marketKnowsAcme() throws Exception {
        if (engine.knowsSymbol("ACME")) {
            return;
        }
        MarketEventSerde serde = new MarketEventSerde();
        try (KafkaProducer<String, byte[]> p = TestRecords.producer(kafka.bootstrapServers())) {
            p.send(new ProducerRecord<>(Topics.MARKET_EVENTS, "ACME", serde.encode(new SymbolListed("ACME", T0, 100))))
                    .get();
            p.send(new ProducerRecord<>(
                            Topics.MARKET_EVENTS,
                            "ACME",
                            serde.encode(new Tick("ACME", T0 + 1000, 1, 100, 99.99, 100.01, 10, 0))))
                    .get();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!engine.knowsSymbol("ACME") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(engine.knowsSymbol("ACME")).as("market events consumed").isTrue();
    }

    private static RequestSpecification authed() {
        return given().header("Authorization", TOKEN).contentType(ContentType.JSON);
    }

    private static String order(String clientId, int slot, String side, double qty, double sl, double tp) {
        return """
                {"clientOrderId":"%s","symbol":"ACME","slotId":%d,"side":"%s","type":"MARKET","quantity":%s,
                 "stopLoss":%s,"takeProfit":%s,"timeInForce":"GTC"}""".formatted(clientId, slot, side, qty, sl, tp);
    }

    @Test
    void mutatingCallsWithoutAValidTokenAre401() {
        given().contentType(ContentType.JSON)
                .body(order("a1", 11, "BUY", 1, 95, 110))
                .post("/orders")
                .then()
                .statusCode(401)
                .body("error", containsString("missing"));
        given().header("Authorization", "Bearer wrong")
                .contentType(ContentType.JSON)
                .body(order("a1", 11, "BUY", 1, 95, 110))
                .post("/orders")
                .then()
                .statusCode(401)
                .body("error", containsString("invalid"));
        given().delete("/orders/M-a1").then().statusCode(401);
        given().contentType(ContentType.JSON)
                .body("{\"enabled\":true}")
                .put("/risk/kill-switch")
                .then()
                .statusCode(401);
        given().get("/orders/M-a1").then().statusCode(404); // nothing was created
        assertThat(engine.killSwitch()).isFalse();
    }

    @Test
    void invalidPayloadsAre400WithAMessageAndChangeNothing() {
        long openBefore = engine.state().openBracketStore().size();
        long historyBefore = engine.state().historyRing().added();
        Map<String, String> cases = Map.of(
                order("v1", 11, "BUY", -5, 95, 110),
                "quantity",
                "{\"clientOrderId\":\"v2\",\"symbol\":\"ACME\"}",
                "is required",
                order("v3", 11, "BUY", 1, 95, 110).replace("ACME", "NOSUCH"),
                "unknown symbol",
                order("v4", 11, "BUY", 1, 95, 5000),
                "absurd",
                order("v5", 11, "BUY", 1, 110, 95),
                "wrong side",
                order("v6", 11, "SELL", 1, 95, 110),
                "wrong side",
                order("v7", 99, "BUY", 1, 95, 110),
                "slotId",
                order("v8", 11, "HOLD", 1, 95, 110),
                "side",
                "{not json",
                "malformed");
        cases.forEach((body, message) -> authed().body(body)
                .post("/orders")
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", containsString(message)));
        assertThat(engine.state().openBracketStore().size()).isEqualTo(openBefore);
        assertThat(engine.state().historyRing().added()).isEqualTo(historyBefore);
        given().get("/orders/M-v1").then().statusCode(404);
    }

    @Test
    void aClientIdShapedLikeAChildIdIs400AndTheRealChildIsUntouched() {
        authed().body(order("par", 32, "BUY", 1, 95, 110))
                .post("/orders")
                .then()
                .statusCode(201)
                .body("orderId", equalTo("M-par"));
        authed().body(order("par/SL", 32, "BUY", 1, 95, 110))
                .post("/orders")
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", containsString("clientOrderId 'par/SL' has character '/'"));
        given().get("/orders/M-par/SL")
                .then()
                .statusCode(200)
                .body("entryId", equalTo("M-par"))
                .body("status", equalTo("PENDING"));
        authed().delete("/orders/M-par").then().statusCode(200);
    }

    @Test
    void acceptedOrderCanBeReadListedCancelledAndFoundInHistory() {
        authed().body(order("life-1", 21, "BUY", 2, 95, 110))
                .post("/orders")
                .then()
                .statusCode(201)
                .body("orderId", equalTo("M-life-1"))
                .body("status", equalTo("ACCEPTED"));
        given().get("/orders/M-life-1/SL").then().statusCode(200).body("status", equalTo("PENDING"));
        given().queryParam("size", 500)
                .get("/orders")
                .then()
                .statusCode(200)
                .body("items.findAll { it.entryId == 'M-life-1' }", hasSize(3));
        authed().body(order("life-1", 21, "BUY", 2, 95, 110))
                .post("/orders")
                .then()
                .statusCode(200)
                .body("orderId", equalTo("M-life-1")); // retried: idempotent
        authed().delete("/orders/M-life-1").then().statusCode(200).body("status", equalTo("CANCELLED"));
        authed().delete("/orders/M-life-1").then().statusCode(404);
        given().get("/orders/M-life-1/TP").then().statusCode(200).body("status", equalTo("CANCELLED"));
        given().queryParam("size", 500)
                .get("/orders")
                .then()
                .body("items.findAll { it.entryId == 'M-life-1' }", hasSize(0));
        given().get("/orders/history")
                .then()
                .statusCode(200)
                .body("items.orderId", org.hamcrest.Matchers.hasItem("M-life-1"));
    }

    @Test
    void listsAreBoundedTo500PerPage() {
        given().queryParam("size", 100_000)
                .get("/orders")
                .then()
                .statusCode(200)
                .body("size", equalTo(500));
        given().queryParam("size", 100_000)
                .get("/orders/history")
                .then()
                .statusCode(200)
                .body("size", equalTo(500));
        given().queryParam("page", -1).get("/orders").then().statusCode(400).body("error", notNullValue());
        given().get("/positions").then().statusCode(200).body("size", equalTo(500));
        given().get("/pnl").then().statusCode(200).body("totalPnl", notNullValue());
    }

    @Test
    void killSwitchRejectsNewOrdersAndCancelsOpenOnes() {
        authed().body(order("ks-1", 31, "BUY", 1, 95, 110))
                .post("/orders")
                .then()
                .statusCode(201);
        authed().body("{\"enabled\":true}")
                .put("/risk/kill-switch")
                .then()
                .statusCode(200)
                .body("enabled", equalTo(true));
        given().get("/orders/M-ks-1").then().body("status", equalTo("CANCELLED"));
        authed().body(order("ks-2", 32, "BUY", 1, 95, 110))
                .post("/orders")
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("reason", containsString("kill_switch"));
        authed().body("{\"enabled\":false}").put("/risk/kill-switch").then().statusCode(200);
        authed().body("{}").put("/risk/kill-switch").then().statusCode(400);
    }

    @Test
    void signalOnKafkaBecomesOrderEventsKeyedBySymbolAndGarbageGoesToTheDlq() throws Exception {
        Signal s = new Signal(Signal.idFor("ACME", 41, T0), "ACME", 41, Side.BUY, 100, 95, 110, 1, T0, T0 + 2000, 1);
        try (KafkaProducer<String, byte[]> p = TestRecords.producer(kafka.bootstrapServers())) {
            p.send(new ProducerRecord<>(Topics.SIGNALS, "ACME", "garbage".getBytes(StandardCharsets.UTF_8)))
                    .get();
            p.send(new ProducerRecord<>(Topics.SIGNALS, "ACME", new SignalSerde().encode(s)))
                    .get();
            p.send(new ProducerRecord<>(Topics.SIGNALS, "ACME", new SignalSerde().encode(s)))
                    .get(); // redelivery
        }
        OrderEventSerde serde = new OrderEventSerde();
        List<ConsumerRecord<String, byte[]>> events = TestRecords.readUntil(
                kafka.bootstrapServers(),
                Topics.ORDER_EVENTS,
                rs -> rs.stream()
                        .anyMatch(r -> serde.decode(r.value()).orderId().equals("S-" + s.id())),
                Duration.ofSeconds(30));
        List<ConsumerRecord<String, byte[]>> mine = events.stream()
                .filter(r -> serde.decode(r.value()).entryId().equals("S-" + s.id()))
                .toList();
        assertThat(mine).isNotEmpty().allSatisfy(r -> assertThat(r.key()).isEqualTo("ACME"));
        OrderEvent entry = serde.decode(mine.get(0).value());
        assertThat(entry.status()).isEqualTo(OrderStatus.ACCEPTED);

        List<ConsumerRecord<String, byte[]>> dead = TestRecords.readUntil(
                kafka.bootstrapServers(), Topics.ORDER_DLQ, rs -> !rs.isEmpty(), Duration.ofSeconds(30));
        assertThat(dead).isNotEmpty();
        ConsumerRecord<String, byte[]> d = dead.get(0);
        assertThat(new String(d.value(), StandardCharsets.UTF_8)).isEqualTo("garbage");
        assertThat(new String(d.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8))
                .isEqualTo("BAD_MAGIC");
        assertThat(new String(
                        d.headers().lastHeader(DeadLetterHeaders.SOURCE_TOPIC).value(), StandardCharsets.UTF_8))
                .isEqualTo(Topics.SIGNALS);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (engine.metrics().count(io.steadystate.order.orders.OrderMetrics.SignalOutcome.DUPLICATE) < 1
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(engine.metrics().count(io.steadystate.order.orders.OrderMetrics.SignalOutcome.DUPLICATE))
                .isEqualTo(1);
    }

    @Test
    void metricsExportTheContractNamesEagerly() {
        String metrics = given().header("Accept", "text/plain")
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(metrics)
                .contains(
                        "steadystate_order_signals_processed_total{outcome=\"duplicate\"",
                        "steadystate_order_ticks_processed_total",
                        "steadystate_order_events_total{status=\"expired\"",
                        "steadystate_order_rejects_total{reason=\"unknown_symbol\"",
                        "steadystate_order_rejects_total{reason=\"rate_limit\"",
                        "steadystate_order_fills_total{role=\"take_profit\"",
                        "steadystate_order_open_positions",
                        "steadystate_order_signal_to_order_seconds_bucket",
                        "steadystate_order_tick_to_order_seconds_bucket",
                        "steadystate_store_entries{store=\"order-open-brackets\"",
                        "steadystate_store_evictions_total{cause=\"capacity\",store=\"order-open-brackets\"",
                        "steadystate_dead_letters_total{reason=\"VALIDATION\"",
                        "steadystate_dead_letters_total{reason=\"TRUNCATED\"",
                        "steadystate_fault_active 0.0", // Prometheus 0.0.4 text: labels end with ",}" so prefixes are
                        // matched
                        "steadystate_fault_leaked_objects");
    }

    @Test
    void openApiDocumentsTheOrderApi() {
        given().get("/q/openapi")
                .then()
                .statusCode(200)
                .body(containsString("/orders/{id}"))
                .body(containsString("/risk/kill-switch"));
        given().get("/q/health/ready").then().statusCode(200);
    }

    /** The running service's producer, read live: from the loop's readiness data and from the broker itself. */
    @org.junit.jupiter.api.Test
    void theLiveProducerIsIdempotentTransactionalAndWaitsForAllReplicas() throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (io.restassured.RestAssured.given().get("/q/health/ready").statusCode() != 200
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        io.restassured.path.json.JsonPath ready =
                io.restassured.RestAssured.given().get("/q/health/ready").jsonPath();
        String data = "checks.find { it.name == 'kafka-delivery' }.data.'order-service.producer.";
        assertThat(ready.getString(data + "acks'"))
                .as("acks=all (the client normalises it to -1)")
                .isEqualTo("-1");
        assertThat(ready.getString(data + "enable.idempotence'")).isEqualTo("true");
        String transactionalId = ready.getString(data + "transactional.id'");
        assertThat(transactionalId).startsWith("order-service-");
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(java.util.Map.of(
                org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            org.apache.kafka.clients.admin.TransactionDescription tx = admin.describeTransactions(
                            java.util.List.of(transactionalId))
                    .description(transactionalId)
                    .get();
            assertThat(tx.producerId())
                    .as("the broker knows the live transactional producer")
                    .isNotNegative();
        }
    }
}
