package io.steadystate.kit.delivery.quarkus;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.steadystate.kit.delivery.DeliveryLoop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

/**
 * Starts every {@link DeliveryLoop} bean of the application with Quarkus and stops it on shutdown (before the
 * beans are destroyed, so a loop never runs against disposed collaborators).
 */
@ApplicationScoped
public class DeliveryLifecycle {

    private final Instance<DeliveryLoop> loops;

    public DeliveryLifecycle(Instance<DeliveryLoop> loops) {
        this.loops = loops;
    }

    void onStart(@Observes StartupEvent event) {
        loops.forEach(DeliveryLoop::start);
    }

    void onStop(@Observes ShutdownEvent event) {
        loops.forEach(DeliveryLoop::close);
    }
}
