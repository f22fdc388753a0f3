package io.steadystate.marketdata.resume;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.steadystate.core.event.MarketEvent;
import io.steadystate.core.event.Tick;
import io.steadystate.core.kafka.KafkaConnection;
import io.steadystate.core.kafka.Topics;
import io.steadystate.core.serde.MarketEventSerde;
import io.steadystate.core.testkafka.RealKafka;
import io.steadystate.core.testkafka.RealKafkaExtension;
import io.steadystate.core.testkafka.TestRecords;
import io.steadystate.marketdata.control.DriverHeartbeat;
import io.steadystate.marketdata.control.MarketControl;
import io.steadystate.marketdata.control.MarketDriver;
import io.steadystate.marketdata.control.MarketLifecycle;
import io.steadystate.marketdata.control.MarketRates;
import io.steadystate.marketdata.control.MarketSnapshot;
import io.steadystate.marketdata.control.TickSchedule;
import io.steadystate.marketdata.fault.EventLogFault;
import io.steadystate.marketdata.publish.EventType;
import io.steadystate.marketdata.publish.MarketEventPublisher;
import io.steadystate.marketdata.publish.PublishMetrics;
import io.steadystate.marketdata.simulation.MarketSimulator;
import io.steadystate.marketdata.simulation.Markets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A restart against a real broker: the market publishes, stops and closes like a process that exits; a new
 * market with the same configuration starts on the same topic. It must continue after the first run —
 * later event times, higher sequence numbers — instead of replaying from the configured start date.
 * Built from the production pieces (publisher, Kafka preparation, driver) without Quarkus, so the test
 * can run both "processes" in one JVM.
 */
@ExtendWith(RealKafkaExtension.class)
class RestartResumesTheStreamIT {

    private static final int PARTITIONS = 3;
    private final MarketEventSerde serde = new MarketEventSerde();

    @Test
    void aRestartedMarketContinuesStrictlyAfterWhatTheFirstRunPublished(RealKafka kafka) throws InterruptedException {
        String bootstrap = kafka.bootstrapServers();
        long firstRunTicks = runMarket(bootstrap, 3_000);
        Map<TopicPartition, Long> endOfFirstRun = endOffsets(bootstrap);
        long firstRunRecords =
                endOfFirstRun.values().stream().mapToLong(Long::longValue).sum();
        long secondRunTicks = runMarket(bootstrap, 3_000);
        long allRecords = endOffsets(bootstrap).values().stream()
                .mapToLong(Long::longValue)
                .sum();
        assertThat(allRecords).isGreaterThan(firstRunRecords);

        List<ConsumerRecord<String, byte[]>> records = TestRecords.readUntil(
                bootstrap, Topics.MARKET_EVENTS, r -> r.size() >= allRecords, Duration.ofSeconds(30));
        assertThat(records).hasSize((int) allRecords);
        long lastOfFirstRun = Long.MIN_VALUE;
        long firstOfSecondRun = Long.MAX_VALUE;
        Map<String, Long> lastSequence = new HashMap<>();
        long ticksOfSecondRun = 0;
        boolean subMillisecondOrigin = false;
        for (ConsumerRecord<String, byte[]> record : records) {
            MarketEvent event = serde.decode(record.value());
            boolean secondRun =
                    record.offset() >= endOfFirstRun.get(new TopicPartition(record.topic(), record.partition()));
            if (secondRun) {
                firstOfSecondRun = Math.min(firstOfSecondRun, event.eventTime());
            } else {
                lastOfFirstRun = Math.max(lastOfFirstRun, event.eventTime());
            }
            if (event instanceof Tick tick) {
                assertThat(tick.sequence())
                        .as("sequence of %s never repeats across the restart", tick.symbol())
                        .isGreaterThan(lastSequence.getOrDefault(tick.symbol(), 0L));
                lastSequence.put(tick.symbol(), tick.sequence());
                subMillisecondOrigin |= tick.originMicros() % 1_000 != 0;
                if (secondRun) {
                    ticksOfSecondRun++;
                }
            }
        }
        assertThat(firstRunTicks).isGreaterThanOrEqualTo(3_000);
        assertThat(ticksOfSecondRun).isEqualTo(secondRunTicks).isGreaterThanOrEqualTo(3_000);
        assertThat(firstOfSecondRun)
                .as("the second run starts strictly after the first run's last event")
                .isGreaterThan(lastOfFirstRun);
        assertThat(subMillisecondOrigin)
                .as("originMicros has microsecond precision, not millis × 1000")
                .isTrue();
    }

    /** One "process": publishes at least {@code ticks} ticks, stops, flushes and closes. Returns ticks acknowledged. */
    private static long runMarket(String bootstrap, long ticks) throws InterruptedException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        PublishMetrics metrics = new PublishMetrics(registry);
        MarketEventPublisher publisher = new MarketEventPublisher(
                MarketEventPublisher.createProducer(KafkaConnection.plaintext(bootstrap), 2, 262_144, "none"),
                Topics.MARKET_EVENTS,
                metrics,
                new EventLogFault("none", 1, registry),
                Duration.ofSeconds(2));
        TickSchedule schedule = new TickSchedule();
        MarketSimulator simulator = Markets.simulator(11, 50, 1, 0.1, 100, schedule);
        MarketLifecycle lifecycle = new MarketLifecycle();
        MarketDriver driver = new MarketDriver(
                simulator,
                publisher,
                MarketControl.kafkaPreparation(KafkaConnection.plaintext(bootstrap), PARTITIONS, (short) 1, publisher),
                lifecycle,
                new MarketRates(300, 0),
                new MarketSnapshot(Markets.MONDAY, registry),
                schedule,
                new DriverHeartbeat(System::nanoTime),
                Clock.systemUTC());
        driver.start();
        lifecycle.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (metrics.count(EventType.TICK) < ticks && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        lifecycle.stop();
        driver.awaitChunk();
        publisher.flush();
        driver.shutdown(5_000);
        publisher.close();
        assertThat(metrics.errors()).isZero();
        return metrics.count(EventType.TICK);
    }

    private static Map<TopicPartition, Long> endOffsets(String bootstrap) {
        try (KafkaConsumer<String, byte[]> consumer = TestRecords.consumer(bootstrap, Topics.MARKET_EVENTS)) {
            return consumer.endOffsets(IntStream.range(0, PARTITIONS)
                    .mapToObj(p -> new TopicPartition(Topics.MARKET_EVENTS, p))
                    .toList());
        }
    }
}
