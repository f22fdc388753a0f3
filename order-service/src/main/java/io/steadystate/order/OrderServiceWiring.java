package io.steadystate.order;

import io.micrometer.core.instrument.MeterRegistry;
import io.steadystate.order.config.FaultConfig;
import io.steadystate.order.config.OrderConfig;
import io.steadystate.order.events.KafkaOrderPublisher;
import io.steadystate.order.fault.OrderTrackingLeak;
import io.steadystate.order.ingest.DeadLetters;
import io.steadystate.order.ingest.PartitionOwnership;
import io.steadystate.order.ingest.RecordIngest;
import io.steadystate.order.orders.EngineSettings;
import io.steadystate.order.orders.OrderEngine;
import io.steadystate.order.recovery.StateRecovery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;

/**
 * Builds the plain (framework-free) pieces once and hands them to CDI: the engine, its Kafka output, the
 * dead-letter sender, the record ingest and the partition ownership. The same classes are wired by hand in the
 * recovery and scale-out tests.
 */
@ApplicationScoped
public class OrderServiceWiring {

    @Produces
    @Singleton
    KafkaOrderPublisher publisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        return new KafkaOrderPublisher(KafkaOrderPublisher.newProducer(bootstrapServers, "order-service-out"));
    }

    void closePublisher(@Disposes KafkaOrderPublisher publisher) {
        publisher.close();
    }

    @Produces
    @Singleton
    OrderTrackingLeak fault(FaultConfig config, MeterRegistry registry) {
        return new OrderTrackingLeak(config.mode(), config.rate(), registry);
    }

    @Produces
    @Singleton
    OrderEngine engine(OrderConfig config, KafkaOrderPublisher publisher, MeterRegistry registry, OrderTrackingLeak fault) {
        return new OrderEngine(EngineSettings.from(config), publisher, registry, fault, OrderServiceWiring::wallMicros);
    }

    @Produces
    @Singleton
    RecordIngest ingest(OrderEngine engine, KafkaOrderPublisher publisher, MeterRegistry registry) {
        return new RecordIngest(engine, new DeadLetters(publisher.producer(), registry));
    }

    @Produces
    @Singleton
    PartitionOwnership ownership(OrderEngine engine, RecordIngest ingest, KafkaOrderPublisher publisher, OrderConfig config,
                                 @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        return new PartitionOwnership(engine, ingest, publisher,
                new StateRecovery(bootstrapServers, config.recoveryLookback()));
    }

    public static long wallMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
