package io.steadystate.strategy.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.steadystate.strategy.kafka.AckedSend;
import io.steadystate.core.kafka.DeadLetterHeaders;
import io.steadystate.core.kafka.Topics;
import io.steadystate.core.serde.UndecodableRecordException;
import io.steadystate.core.state.Bounded;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

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
        DeadLetterHeaders.describe(headers, record, reason, message, SERVICE);
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(Topics.STRATEGY_DLQ).withKey(record.key()).withHeaders(headers).build();
        return AckedSend.send(emitter, record.value() == null ? new byte[0] : record.value(), metadata);
    }

}
