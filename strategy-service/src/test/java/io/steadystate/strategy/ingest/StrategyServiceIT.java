package io.steadystate.strategy.ingest;

import static io.restassured.RestAssured.given;
import static io.steadystate.strategy.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.steadystate.core.event.MarketEvent;
import io.steadystate.core.event.Side;
import io.steadystate.core.event.Signal;
import io.steadystate.core.event.SymbolListed;
import io.steadystate.core.kafka.DeadLetterHeaders;
import io.steadystate.core.kafka.Topics;
import io.steadystate.core.serde.MarketEventSerde;
import io.steadystate.core.serde.SignalSerde;
import io.steadystate.core.testkafka.RealKafka;
import io.steadystate.core.testkafka.RealKafkaResource;
import io.steadystate.strategy.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * The service against a real broker (in-JVM KRaft, never a mock): Quarkus messaging consumes market.events in
 * batches, signals reach strategy.signals, bad records reach strategy.dlq and the consumer carries on, and a
 * REST parameter update travels through strategy.params back into the table (hot reload).
 */
@QuarkusTest
@QuarkusTestResource(RealKafkaResource.class)
class StrategyServiceIT {

    private static final String TOKEN = "Bearer steadystate-local";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RealKafkaResource.InjectRealKafka
    RealKafka kafka;

    private final MarketEventSerde marketSerde = new MarketEventSerde();

    private void publish(KafkaProducer<String, byte[]> producer, MarketEvent event) throws Exception {
        producer.send(new ProducerRecord<>(Topics.MARKET_EVENTS, event.symbol(), marketSerde.encode(event)))
                .get();
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static void awaitStatus(String path, int status) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (given().get(path).statusCode() != status && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        given().get(path).then().statusCode(status);
    }

    @Test
    void marketEventsInSignalsOutAfterAHotReloadedParameterUpdate() throws Exception {
        // M1/S2 (slot 12) with a 2-bar channel and no margin, published via REST -> strategy.params -> table
        given().contentType(ContentType.JSON)
                .header("Authorization", TOKEN)
                .body("{\"period\": 2, \"threshold\": 0, \"lotSize\": 25}")
                .put("/strategy/parameters/12")
                .then()
                .statusCode(202)
                .body("period", equalTo(2));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (given().get("/strategy/parameters").jsonPath().getInt("find { it.slotId == 12 }.period") != 2
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        given().get("/strategy/parameters").then().body("find { it.slotId == 12 }.lotSize", equalTo(25.0f));

        try (KafkaProducer<String, byte[]> producer =
                io.steadystate.core.testkafka.TestRecords.producer(kafka.bootstrapServers())) {
            publish(producer, new SymbolListed("FLOW", at("2026-11-18T09:30:00Z"), 100));
            double[] prices = {100, 100, 100, 110, 111};
            for (int i = 0; i < prices.length; i++) {
                publish(producer, Fixtures.tick("FLOW", at("2026-11-18T09:30:05Z") + i * 60_000L, prices[i]));
            }
        }

        String expectedId = Signal.idFor("FLOW", 12, at("2026-11-18T09:33:00Z"));
        List<ConsumerRecord<String, byte[]>> out = io.steadystate.core.testkafka.TestRecords.readUntil(
                kafka.bootstrapServers(),
                Topics.SIGNALS,
                rs -> rs.stream()
                        .anyMatch(r -> new SignalSerde().decode(r.value()).id().equals(expectedId)),
                WAIT);
        ConsumerRecord<String, byte[]> record = out.stream()
                .filter(r -> new SignalSerde().decode(r.value()).id().equals(expectedId))
                .findFirst()
                .orElseThrow();
        Signal signal = new SignalSerde().decode(record.value());
        assertThat(record.key()).isEqualTo("FLOW");
        assertThat(signal.side()).isEqualTo(Side.BUY);
        assertThat(signal.quantity()).isEqualTo(25);
        assertThat(signal.referencePrice()).isEqualTo(110);

        given().get("/strategy/symbols/FLOW")
                .then()
                .statusCode(200)
                .body("symbol", equalTo("FLOW"))
                .body("ticks", equalTo(5))
                .body("bars.find { it.timeframe == 'M1' }.barsClosed", equalTo(4))
                .body("slots.find { it.slotId == 12 }.signals", equalTo(1))
                .body("slots.size()", equalTo(21));
        String metrics = given().accept("text/plain").get("/q/metrics").asString();
        // 0.0.4 text format writes labels as {a="x",}: match with an optional trailing comma
        assertThat(metrics)
                .containsPattern("steadystate_strategy_signals_total\\{strategy=\"S2\",timeframe=\"M1\",?} [1-9]")
                .containsPattern("steadystate_strategy_signals_total\\{strategy=\"S3\",timeframe=\"D1\",?} 0.0")
                .containsPattern("steadystate_store_entries\\{store=\"strategy-symbols\",?} [1-9]")
                .contains("steadystate_strategy_processing_seconds_bucket")
                .containsPattern("steadystate_strategy_parameter_updates_total\\{outcome=\"applied\",?} [1-9]")
                .contains("steadystate_fault_active 0.0")
                .containsPattern("steadystate_strategy_ticks_processed_total [1-9]");
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndTheNextGoodRecordIsStillProcessed() throws Exception {
        byte[] garbage = "not a market event".getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer =
                io.steadystate.core.testkafka.TestRecords.producer(kafka.bootstrapServers())) {
            producer.send(new ProducerRecord<>(Topics.MARKET_EVENTS, "JUNK", garbage))
                    .get();
            publish(producer, Fixtures.tick("AFTER", at("2026-11-18T10:00:00Z"), 42));
        }

        List<ConsumerRecord<String, byte[]>> dead = io.steadystate.core.testkafka.TestRecords.readUntil(
                kafka.bootstrapServers(),
                Topics.STRATEGY_DLQ,
                rs -> rs.stream().anyMatch(r -> "JUNK".equals(r.key())),
                WAIT);
        ConsumerRecord<String, byte[]> letter =
                dead.stream().filter(r -> "JUNK".equals(r.key())).findFirst().orElseThrow();
        assertThat(letter.value()).isEqualTo(garbage);
        assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo("BAD_MAGIC");
        assertThat(header(letter, DeadLetterHeaders.MESSAGE)).contains("magic");
        assertThat(header(letter, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(Topics.MARKET_EVENTS);
        assertThat(header(letter, DeadLetterHeaders.SOURCE_PARTITION)).isNotNull();
        assertThat(header(letter, DeadLetterHeaders.SOURCE_OFFSET)).isNotNull();
        assertThat(header(letter, DeadLetterHeaders.SERVICE)).isEqualTo("strategy-service");

        awaitStatus("/strategy/symbols/AFTER", 200);
        given().get("/strategy/symbols/AFTER").then().body("lastPrice", equalTo(42.0f));
        assertThat(given().accept("text/plain").get("/q/metrics").asString())
                .containsPattern("steadystate_dead_letters_total\\{reason=\"BAD_MAGIC\",?} 1.0")
                .containsPattern("steadystate_dead_letters_total\\{reason=\"VALIDATION\",?} 0.0");
    }

    @Test
    void parameterUpdatesNeedTheTokenAndValidValues() {
        given().contentType(ContentType.JSON)
                .body("{\"period\": 5}")
                .put("/strategy/parameters/21")
                .then()
                .statusCode(401)
                .body("error", containsString("token"));
        given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer wrong")
                .body("{\"period\": 5}")
                .put("/strategy/parameters/21")
                .then()
                .statusCode(401);
        given().contentType(ContentType.JSON)
                .header("Authorization", TOKEN)
                .body("{\"period\": 500}")
                .put("/strategy/parameters/21")
                .then()
                .statusCode(400)
                .body("error", containsString("period"));
        given().contentType(ContentType.JSON)
                .header("Authorization", TOKEN)
                .body("{\"threshold\": 70}")
                .put("/strategy/parameters/23")
                .then()
                .statusCode(400)
                .body("error", containsString("S3"));
        given().contentType(ContentType.JSON)
                .header("Authorization", TOKEN)
                .body("{\"period\": 5}")
                .put("/strategy/parameters/99")
                .then()
                .statusCode(404);
        given().contentType(ContentType.JSON)
                .header("Authorization", TOKEN)
                .body("{\"period\": ")
                .put("/strategy/parameters/21")
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", containsString("malformed JSON"));
        given().contentType(ContentType.JSON)
                .header("Authorization", TOKEN)
                .body("{\"period\": \"five\"}")
                .put("/strategy/parameters/21")
                .then()
                .statusCode(400)
                .body("error", containsString("malformed JSON"));
        given().get("/strategy/parameters")
                .then()
                .statusCode(200)
                .body("size()", equalTo(21))
                .body("find { it.slotId == 21 }.period", equalTo(21));
    }

    @Test
    void anUnknownSymbolIs404WithAJsonError() {
        given().get("/strategy/symbols/NOPE").then().statusCode(404).body("error", containsString("NOPE"));
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
        String data = "checks.find { it.name == 'kafka-delivery' }.data.'strategy-service.producer.";
        assertThat(ready.getString(data + "acks'"))
                .as("acks=all (the client normalises it to -1)")
                .isEqualTo("-1");
        assertThat(ready.getString(data + "enable.idempotence'")).isEqualTo("true");
        String transactionalId = ready.getString(data + "transactional.id'");
        assertThat(transactionalId).startsWith("strategy-service-");
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
