package io.steadystate.marketdata;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.steadystate.core.event.DayRolled;
import io.steadystate.core.event.MarketEvent;
import io.steadystate.core.event.SessionClosed;
import io.steadystate.core.event.SessionOpened;
import io.steadystate.core.event.SymbolDelisted;
import io.steadystate.core.event.SymbolListed;
import io.steadystate.core.event.Tick;
import io.steadystate.core.kafka.Partitioning;
import io.steadystate.core.kafka.Topics;
import io.steadystate.core.serde.MarketEventSerde;
import io.steadystate.core.testkafka.RealKafka;
import io.steadystate.core.testkafka.RealKafkaResource;
import io.steadystate.core.testkafka.TestRecords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The running service against a real broker: what it publishes, read back from market.events. */
@QuarkusTest
@QuarkusTestResource(RealKafkaResource.class)
class MarketDataServiceIT {

    private static final int PARTITIONS = 3;

    @RealKafkaResource.InjectRealKafka
    RealKafka kafka;

    private final MarketEventSerde serde = new MarketEventSerde();

    @Test
    void ticksGoToTheirSymbolsPartitionAndSessionEventsReachEveryPartitionInOrder() throws InterruptedException {
        given().header("Authorization", "Bearer steadystate-local")
                .post("/market/stop")
                .then()
                .statusCode(200);
        long daysBefore = status().getLong("simulatedDays");
        given().header("Authorization", "Bearer steadystate-local")
                .contentType(ContentType.JSON)
                .post("/market/start")
                .then()
                .statusCode(200);
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (status().getLong("simulatedDays") < daysBefore + 2 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        JsonPath stopped = JsonPath.from(given().header("Authorization", "Bearer steadystate-local")
                .post("/market/stop")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(stopped.getLong("simulatedDays")).isGreaterThanOrEqualTo(daysBefore + 2);
        Map<String, Integer> published = stopped.getMap("eventsPublished");

        long perSymbol = published.get("tick") + published.get("listed") + published.get("delisted");
        long broadcast =
                published.get("session_opened") + published.get("session_closed") + published.get("day_rolled");
        long expectedRecords = perSymbol + PARTITIONS * broadcast;
        List<ConsumerRecord<String, byte[]>> records = TestRecords.readUntil(
                kafka.bootstrapServers(),
                Topics.MARKET_EVENTS,
                r -> r.size() >= expectedRecords,
                Duration.ofSeconds(30));
        assertThat(records).hasSize((int) expectedRecords);

        Map<Integer, List<MarketEvent>> broadcastByPartition = new TreeMap<>();
        Map<Integer, Long> lastTimeByPartition = new HashMap<>();
        Map<String, Long> lastSequence = new HashMap<>();
        Set<String> listed = new HashSet<>();
        Set<String> delisted = new HashSet<>();
        long ticks = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            MarketEvent event = serde.decode(record.value());
            assertThat(event.eventTime())
                    .as("event time never goes backwards on a partition")
                    .isGreaterThanOrEqualTo(lastTimeByPartition.getOrDefault(record.partition(), Long.MIN_VALUE));
            lastTimeByPartition.put(record.partition(), event.eventTime());
            if (event.isBroadcast()) {
                assertThat(record.key()).isEqualTo(MarketEvent.ALL_SYMBOLS);
                broadcastByPartition
                        .computeIfAbsent(record.partition(), p -> new ArrayList<>())
                        .add(event);
                continue;
            }
            assertThat(record.key()).isEqualTo(event.symbol());
            assertThat(record.partition()).isEqualTo(Partitioning.partitionOf(event.symbol(), PARTITIONS));
            assertThat(delisted).as("nothing follows a delisting").doesNotContain(event.symbol());
            if (event instanceof SymbolListed) {
                listed.add(event.symbol());
            } else if (event instanceof SymbolDelisted) {
                delisted.add(event.symbol());
            } else if (event instanceof Tick tick) {
                ticks++;
                assertThat(listed).as("listed before its first tick").contains(tick.symbol());
                assertThat(tick.sequence()).isEqualTo(lastSequence.getOrDefault(tick.symbol(), 0L) + 1);
                lastSequence.put(tick.symbol(), tick.sequence());
                if (tick.symbol().length() == 4) {
                    assertThat(record.value()).hasSize(65);
                }
            }
        }
        assertThat(ticks)
                .as("soak accounting: ticks on Kafka = events_published_total{type=tick}")
                .isEqualTo(published.get("tick").longValue())
                .isPositive();
        assertThat(delisted).as("churn delisted some symbols").isNotEmpty();

        assertThat(broadcastByPartition).hasSize(PARTITIONS);
        List<MarketEvent> first = broadcastByPartition.get(0);
        assertThat(first)
                .hasAtLeastOneElementOfType(SessionOpened.class)
                .hasAtLeastOneElementOfType(SessionClosed.class)
                .hasAtLeastOneElementOfType(DayRolled.class);
        broadcastByPartition.values().forEach(events -> assertThat(events).isEqualTo(first));
    }

    private static JsonPath status() {
        return JsonPath.from(
                given().get("/market/status").then().statusCode(200).extract().asString());
    }
}
