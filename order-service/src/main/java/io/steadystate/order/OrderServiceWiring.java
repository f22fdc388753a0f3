package io.steadystate.order;

import io.micrometer.core.instrument.MeterRegistry;
import io.steadystate.core.kafka.KafkaConnection;
import io.steadystate.kit.delivery.DeliveryLoop;
import io.steadystate.kit.delivery.KafkaClients;
import io.steadystate.kit.delivery.quarkus.DeliveryConfig;
import io.steadystate.kit.fault.FaultConfig;
import io.steadystate.kit.time.EpochMicros;
import io.steadystate.order.config.OrderConfig;
import io.steadystate.order.delivery.OrderDelivery;
import io.steadystate.order.delivery.OrderMutations;
import io.steadystate.order.engine.OrderEngine;
import io.steadystate.order.fault.OrderTrackingLeak;
import io.steadystate.order.orders.EngineSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Builds the plain (framework-free) {@link OrderDelivery} once and hands its parts to CDI: the engine, the
 * delivery loop (started and stopped by service-kit's lifecycle) and the REST mutations. The same class is
 * wired by hand in the scale-out and kill tests.
 */
@ApplicationScoped
public class OrderServiceWiring {

    @Produces
    @Singleton
    OrderTrackingLeak fault(FaultConfig config, MeterRegistry registry) {
        return new OrderTrackingLeak(config.mode(), config.rate(), registry);
    }

    @Produces
    @Singleton
    OrderDelivery delivery(
            OrderConfig config,
            MeterRegistry registry,
            OrderTrackingLeak fault,
            KafkaConnection kafka,
            DeliveryConfig delivery) {
        return new OrderDelivery(
                new OrderDelivery.Settings(
                        kafka,
                        delivery.instanceId(),
                        OrderDelivery.GROUP,
                        EngineSettings.from(config),
                        config.recoveryTailRecords(),
                        delivery.consumerProperties(),
                        delivery.producerProperties(),
                        delivery.transactionWindow()),
                registry,
                fault,
                EpochMicros::now,
                KafkaClients.PLAIN);
    }

    @Produces
    @Singleton
    OrderEngine engine(OrderDelivery delivery) {
        return delivery.engine();
    }

    @Produces
    @Singleton
    DeliveryLoop loop(OrderDelivery delivery) {
        return delivery.loop();
    }

    @Produces
    @Singleton
    OrderMutations mutations(OrderDelivery delivery) {
        return delivery.mutations();
    }
}
