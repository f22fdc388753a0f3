package io.steadystate.order.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.steadystate.core.kafka.KafkaConnection;
import io.steadystate.core.kafka.Topics;
import io.steadystate.kit.delivery.DeadLetters;
import io.steadystate.kit.delivery.DeliveryLoop;
import io.steadystate.kit.delivery.DeliverySettings;
import io.steadystate.kit.delivery.KafkaClients;
import io.steadystate.kit.delivery.TransactionWindow;
import io.steadystate.order.engine.OrderEngine;
import io.steadystate.order.events.KafkaOrderPublisher;
import io.steadystate.order.fault.DuplicateOrderEvents;
import io.steadystate.order.fault.OrderTrackingLeak;
import io.steadystate.order.ingest.PartitionOwnership;
import io.steadystate.order.ingest.RecordIngest;
import io.steadystate.order.orders.EngineSettings;
import io.steadystate.order.recovery.StateRecovery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.jboss.logging.Logger;

/**
 * One order-service instance's engine and delivery, framework-free: wired by {@code OrderServiceWiring} for
 * Quarkus and by hand in the scale-out and kill tests, so they run exactly the production classes.
 *
 * <p>The loop (group {@code order-service}) reads {@code strategy.signals} <em>and</em> {@code market.events}
 * through one consumer with the {@link RangeAssignor} pinned (per topic, same members, same order: an instance
 * gets partition p of both, i.e. all of a symbol's input) and the classic protocol (the KIP-848 "consumer"
 * protocol assigns server-side). Range is eager: every rebalance revokes everything and each instance rebuilds
 * what it is assigned. One transaction spans a window of polls (transactional id {@code order-service-<instance>});
 * poll, fetch and producer settings come in through {@link Settings} (in the service: {@code steadystate.delivery.*}).
 */
public final class OrderDelivery implements AutoCloseable {

    public static final String GROUP = "order-service";
    static final String SERVICE = "order-service";
    private static final Logger LOG = Logger.getLogger(OrderDelivery.class);

    private final OrderEngine engine;
    private final PartitionOwnership ownership;
    private final DeliveryLoop loop;
    private final OrderMutations mutations;
    private final DuplicateOrderEvents duplicates;

    /** Everything the builder needs; {@code groupId} differs only in tests. */
    public record Settings(
            KafkaConnection kafka,
            String instanceId,
            String groupId,
            EngineSettings engine,
            int recoveryTailRecords,
            Map<String, Object> consumerOverrides,
            Map<String, Object> producerOverrides,
            TransactionWindow transactionWindow) {

        /**
         * On a broker without authentication (loopback, tests), with the kit's default transaction window and the
         * Kafka client's defaults for everything tunable.
         */
        public Settings(
                String bootstrapServers,
                String instanceId,
                String groupId,
                EngineSettings engine,
                int recoveryTailRecords,
                Map<String, Object> consumerOverrides) {
            this(
                    KafkaConnection.plaintext(bootstrapServers),
                    instanceId,
                    groupId,
                    engine,
                    recoveryTailRecords,
                    consumerOverrides,
                    Map.of(),
                    TransactionWindow.DEFAULT);
        }
    }

    public OrderDelivery(
            Settings s,
            MeterRegistry registry,
            OrderTrackingLeak fault,
            LongSupplier wallMicros,
            KafkaClients clients) {
        KafkaOrderPublisher publisher = new KafkaOrderPublisher(wallMicros);
        this.duplicates = DuplicateOrderEvents.forMode(fault.mode(), fault.rate(), s.kafka(), registry);
        this.engine = new OrderEngine(
                s.engine(),
                duplicates.active() ? new FaultySink(publisher, duplicates) : publisher,
                registry,
                fault,
                wallMicros);
        RecordIngest ingest = new RecordIngest(engine, new DeadLetters(SERVICE, Topics.ORDER_DLQ, registry));
        this.ownership = new PartitionOwnership(
                engine, ingest, publisher, new StateRecovery(s.kafka(), s.recoveryTailRecords()));
        Map<String, Object> consumer = new HashMap<>();
        consumer.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        consumer.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
        consumer.putAll(s.consumerOverrides());
        DeliverySettings settings = new DeliverySettings(
                SERVICE,
                s.kafka(),
                s.groupId(),
                List.of(Topics.SIGNALS, Topics.MARKET_EVENTS),
                KafkaOrderPublisher.TOPICS,
                SERVICE + "-" + s.instanceId(),
                true,
                consumer,
                s.producerOverrides(),
                null,
                s.transactionWindow());
        if (!settings.transactional()) {
            LOG.warn("steadystate.delivery.transactions=false: order steps are NOT atomic (events, position and "
                    + "open-order records become visible one by one, a crash re-sends them): for measuring what "
                    + "transactions cost only, never in production");
        }
        this.loop = new DeliveryLoop(settings, ownership, clients, registry);
        this.mutations = new OrderMutations(loop, publisher);
    }

    public OrderEngine engine() {
        return engine;
    }

    public PartitionOwnership ownership() {
        return ownership;
    }

    public DeliveryLoop loop() {
        return loop;
    }

    public OrderMutations mutations() {
        return mutations;
    }

    public OrderDelivery start() {
        loop.start();
        return this;
    }

    /** Leaves the group (the next owner rebuilds from what was committed); nothing uncommitted is kept. */
    @Override
    public void close() {
        loop.close();
        duplicates.close();
    }
}
