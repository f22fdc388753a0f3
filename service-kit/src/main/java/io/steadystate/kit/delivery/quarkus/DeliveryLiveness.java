package io.steadystate.kit.delivery.quarkus;

import io.steadystate.kit.delivery.DeliveryLoop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Live while every loop's thread runs and goes round its loop (a stuck loop is restarted by the platform). */
@Liveness
@ApplicationScoped
public class DeliveryLiveness implements HealthCheck {

    private final Instance<DeliveryLoop> loops;

    public DeliveryLiveness(Instance<DeliveryLoop> loops) {
        this.loops = loops;
    }

    @Override
    public HealthCheckResponse call() {
        boolean up = true;
        for (DeliveryLoop loop : loops) {
            up &= loop.health().live();
        }
        return HealthCheckResponse.named("kafka-delivery-loop").status(up).build();
    }
}
