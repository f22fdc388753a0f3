package io.steadystate.order.recovery;

import io.steadystate.kit.api.MutationGate;
import io.steadystate.order.engine.OrderEngine;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * service-kit's token filter asks this gate after the token: while recovery runs, authorised mutations answer 503 —
 * state is not yet rebuilt, so accepting an order could duplicate one. The same fact as {@link RecoveryReadiness}.
 */
@Singleton
public class RecoveryGate implements MutationGate {

    private final OrderEngine engine;

    public RecoveryGate(OrderEngine engine) {
        this.engine = engine;
    }

    @Override
    public Optional<String> notYet() {
        return engine.isRecovered() ? Optional.empty() : Optional.of("recovering state from Kafka, retry shortly");
    }
}
