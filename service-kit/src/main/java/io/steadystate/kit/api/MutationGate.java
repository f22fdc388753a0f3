package io.steadystate.kit.api;

import java.util.Optional;

/**
 * Optional gate behind the token check: a service whose state is not yet complete (order-service while it
 * recovers from Kafka) refuses authorised mutations with 503 and this reason, so a retried order cannot be
 * accepted twice. A service without such a phase declares no bean of this type.
 */
@FunctionalInterface
public interface MutationGate {

    /** Why mutations must wait (503), or empty when they may go on. */
    Optional<String> notYet();
}
