package io.steadystate.strategy.params;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.steadystate.strategy.kafka.AckedSend;
import io.steadystate.core.event.SlotParameters;
import io.steadystate.core.serde.SlotParametersSerde;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Writes a validated row to {@code strategy.params} keyed by slot id; every instance applies it via {@link ParameterUpdates}. */
@ApplicationScoped
public class ParameterPublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);
    private final SlotParametersSerde serde = new SlotParametersSerde();
    private final Emitter<byte[]> emitter;

    public ParameterPublisher(@Channel("strategy-params-out") Emitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /** Blocks until Kafka acknowledged the row (REST worker thread). */
    public void publish(SlotParameters row) throws Exception {
        CompletableFuture<Void> done = AckedSend.send(emitter, serde.encode(row),
                OutgoingKafkaRecordMetadata.<String>builder().withKey(Integer.toString(row.slotId())).build());
        done.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
