package io.steadystate.order.recovery;

import io.steadystate.order.engine.OrderEngine;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once open orders and positions have been rebuilt from Kafka. */
@Readiness
@ApplicationScoped
public class RecoveryReadiness implements HealthCheck {

    private final OrderEngine engine;

    public RecoveryReadiness(OrderEngine engine) {
        this.engine = engine;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("order-state-recovered")
                .status(engine.isRecovered())
                .build();
    }
}
