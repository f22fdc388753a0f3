package io.steadystate.strategy;

import io.micrometer.core.instrument.MeterRegistry;
import io.steadystate.core.kafka.KafkaConnection;
import io.steadystate.core.kafka.Topics;
import io.steadystate.kit.delivery.DeadLetters;
import io.steadystate.kit.delivery.DeliveryLoop;
import io.steadystate.kit.delivery.DeliverySettings;
import io.steadystate.kit.delivery.KafkaClients;
import io.steadystate.kit.delivery.quarkus.DeliveryConfig;
import io.steadystate.strategy.ingest.MarketEventsHandler;
import io.steadystate.strategy.params.ParameterTable;
import io.steadystate.strategy.params.ParameterUpdates;
import io.steadystate.strategy.params.RefusedRows;
import io.steadystate.strategy.symbol.SymbolBook;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The service's two delivery loops (service-kit), started and stopped with Quarkus by the kit:
 * <ul>
 *   <li>{@code market-events}: group {@code strategy-service}, market.events in; signals, dead letters and
 *       REST parameter rows out, one transaction per window of polls (transactional id {@code strategy-service-<instance>}).</li>
 *   <li>{@code strategy-params}: the compacted parameter table, read whole by every instance under a group of
 *       its own, never committed (Kafka client defaults: it reads a small compacted table); rows it refuses are
 *       dead-lettered through the market-events loop.</li>
 * </ul>
 * The market-events loop's client settings and transaction window are {@code steadystate.delivery.*}
 * ({@link DeliveryConfig}, defaults there).
 */
public class StrategyDelivery {

    public static final String MARKET_EVENTS = "market-events";
    public static final String PARAMS = "strategy-params";
    static final String SERVICE = "strategy-service";

    @Produces
    @Singleton
    @Named(MARKET_EVENTS)
    DeliveryLoop marketEvents(KafkaConnection kafka, DeliveryConfig delivery, SymbolBook book, MeterRegistry registry) {
        DeliverySettings settings = new DeliverySettings(
                SERVICE,
                kafka,
                SERVICE,
                List.of(Topics.MARKET_EVENTS),
                List.of(Topics.SIGNALS, Topics.STRATEGY_DLQ, Topics.SLOT_PARAMETERS),
                SERVICE + "-" + delivery.instanceId(),
                true,
                delivery.consumerProperties(),
                delivery.producerProperties(),
                null,
                delivery.transactionWindow());
        DeadLetters deadLetters = new DeadLetters(SERVICE, Topics.STRATEGY_DLQ, registry);
        return new DeliveryLoop(
                settings, new MarketEventsHandler(book, deadLetters, registry), KafkaClients.PLAIN, registry);
    }

    @Produces
    @Singleton
    @Named(PARAMS)
    DeliveryLoop parameters(
            KafkaConnection kafka,
            @Named(MARKET_EVENTS) DeliveryLoop marketEvents,
            ParameterTable table,
            MeterRegistry registry) {
        // unique per process: every instance must read every row, so instances must not share a group
        DeliverySettings settings = new DeliverySettings(
                SERVICE,
                kafka,
                SERVICE + "-params-" + UUID.randomUUID(),
                List.of(Topics.SLOT_PARAMETERS),
                List.of(),
                null,
                false,
                Map.of(),
                Map.of(),
                Duration.ofMillis(100));
        // refused rows go to strategy.dlq through the market-events loop's producer (this loop has none)
        RefusedRows refused =
                RefusedRows.through(marketEvents, new DeadLetters(SERVICE, Topics.STRATEGY_DLQ, registry));
        return new DeliveryLoop(settings, new ParameterUpdates(table, refused), KafkaClients.PLAIN, registry);
    }
}
