package io.steadystate.strategy.kafka;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.util.concurrent.CompletableFuture;

/**
 * Sends one record through a messaging emitter and completes when Kafka acknowledged it (or failed it). The
 * consumer acknowledges its input batch only after these futures complete, so nothing is lost on a crash.
 */
public final class AckedSend {

    private AckedSend() {
    }

    public static CompletableFuture<Void> send(Emitter<byte[]> emitter, byte[] value,
            OutgoingKafkaRecordMetadata<String> metadata) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        emitter.send(Message.of(value, Metadata.of(metadata),
                () -> {
                    done.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    done.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        return done;
    }
}
