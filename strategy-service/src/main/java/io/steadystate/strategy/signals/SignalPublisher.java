package io.steadystate.strategy.signals;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.steadystate.strategy.kafka.AckedSend;
import io.steadystate.core.event.Signal;
import io.steadystate.core.serde.SignalSerde;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.util.concurrent.CompletableFuture;

/** Publishes signals to {@code strategy.signals} keyed by symbol ({@link SignalSerde}); returns the send's ack. */
@ApplicationScoped
public class SignalPublisher {

    private final SignalSerde serde = new SignalSerde();
    private final Emitter<byte[]> emitter;

    public SignalPublisher(@Channel("signals") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
                           Emitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    public CompletableFuture<Void> publish(Signal signal) {
        return AckedSend.send(emitter, serde.encode(signal),
                OutgoingKafkaRecordMetadata.<String>builder().withKey(signal.symbol()).build());
    }
}
