package io.steadystate.kit.delivery.quarkus;

import io.steadystate.kit.delivery.DeliveryLoop;
import io.steadystate.kit.delivery.LoopHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when every loop was assigned, its handler's state is complete and its output is healthy. The data
 * carries the live producer's effective {@code acks}, {@code enable.idempotence} and {@code transactional.id}.
 */
@Readiness
@ApplicationScoped
public class DeliveryReadiness implements HealthCheck {

    private final Instance<DeliveryLoop> loops;

    public DeliveryReadiness(Instance<DeliveryLoop> loops) {
        this.loops = loops;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("kafka-delivery");
        boolean up = true;
        for (DeliveryLoop loop : loops) {
            String g = loop.settings().groupId();
            LoopHealth.Status s = loop.health();
            up &= s.ready();
            b.withData(g + ".assigned", s.assigned())
                    .withData(g + ".state-complete", s.stateComplete())
                    .withData(g + ".output-failing", s.outputFailing());
            if (!s.lastError().isEmpty()) {
                b.withData(g + ".last-error", s.lastError());
            }
            loop.effectiveProducerConfig().forEach((k, v) -> {
                if (k.equals("acks") || k.equals("enable.idempotence") || k.equals("transactional.id")) {
                    b.withData(g + ".producer." + k, String.valueOf(v));
                }
            });
        }
        return b.status(up).build();
    }
}
