package io.steadystate.strategy.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.steadystate.core.kafka.DeadLetterHeaders;
import io.steadystate.core.kafka.Topics;
import io.steadystate.core.serde.UndecodableRecordException;
import io.steadystate.core.state.Bounded;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.concurrent.CompletableFuture;

/**
 * Sends a record this service cannot use to {@code strategy.dlq}: the raw value and key as they came, the reason
 * and its source in {@link DeadLetterHeaders}, and counts it in {@code steadystate_dead_letters_total{reason}}
 * (reason = an {@link UndecodableRecordException.Reason} name or {@code VALIDATION}).
 */
// @Singleton, not @ApplicationScoped: a client proxy would create the meters on first use, not at start-up
@Singleton
public class DeadLetters {

    public static final String COUNTER = "steadystate.dead.letters";
    public static final String VALIDATION = "VALIDATION";
    static final String SERVICE = "strategy-service";

    private final Emitter<byte[]> emitter;
    @Bounded("one counter per UndecodableRecordException.Reason constant")
    private final EnumMap<UndecodableRecordException.Reason, Counter> undecodable =
            new EnumMap<>(UndecodableRecordException.Reason.class);
    private final Counter validation;

    public DeadLetters(@Channel("strategy-dlq") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
                       Emitter<byte[]> emitter, MeterRegistry registry) {
        this.emitter = emitter;
        for (UndecodableRecordException.Reason reason : UndecodableRecordException.Reason.values()) {
            undecodable.put(reason, counter(registry, reason.name()));
        }
        this.validation = counter(registry, VALIDATION);
    }

    private static Counter counter(MeterRegistry registry, String reason) {
        return Counter.builder(COUNTER).tag("reason", reason)
                .description("Records sent to the dead-letter topic, by reason").register(registry);
    }

    CompletableFuture<Void> undecodable(ConsumerRecord<String, byte[]> record, UndecodableRecordException e) {
        undecodable.get(e.reason()).increment();
        return send(record, e.reason().name(), e.getMessage());
    }

    CompletableFuture<Void> invalid(ConsumerRecord<String, byte[]> record, String message) {
        validation.increment();
        return send(record, VALIDATION, message);
    }

    private CompletableFuture<Void> send(ConsumerRecord<String, byte[]> record, String reason, String message) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.REASON, utf8(reason));
        headers.add(DeadLetterHeaders.MESSAGE, utf8(message == null ? "" : message));
        headers.add(DeadLetterHeaders.SOURCE_TOPIC, utf8(record.topic()));
        headers.add(DeadLetterHeaders.SOURCE_PARTITION, utf8(Integer.toString(record.partition())));
        headers.add(DeadLetterHeaders.SOURCE_OFFSET, utf8(Long.toString(record.offset())));
        headers.add(DeadLetterHeaders.SERVICE, utf8(SERVICE));
        CompletableFuture<Void> done = new CompletableFuture<>();
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(Topics.STRATEGY_DLQ).withKey(record.key()).withHeaders(headers).build();
        emitter.send(Message.of(record.value() == null ? new byte[0] : record.value(), Metadata.of(metadata),
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

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
