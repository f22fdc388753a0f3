package io.steadystate.kit.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.steadystate.core.kafka.DeadLetterHeaders;
import io.steadystate.core.serde.UndecodableRecordException;
import io.steadystate.core.state.Bounded;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * Sends what a handler cannot decode or validate to its DLQ, inside the loop's transaction (so a dead letter is
 * committed with the input's offset, like any other output): the raw key and value as they came, the reason and
 * the source coordinates as {@link DeadLetterHeaders}. Counted in {@code steadystate_dead_letters_total{reason}},
 * every reason registered at zero. Logging is rate-limited: a flood of bad input must not flood the log.
 */
public final class DeadLetters {

    public static final String VALIDATION = "VALIDATION";
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;

    private final String service;
    private final String topic;

    @Bounded("one counter per UndecodableRecordException.Reason constant plus VALIDATION, filled at construction")
    private final Map<String, Counter> counters = new HashMap<>();

    private long lastLog;
    private long suppressed;

    public DeadLetters(String service, String topic, MeterRegistry registry) {
        this.service = service;
        this.topic = topic;
        for (UndecodableRecordException.Reason r : UndecodableRecordException.Reason.values()) {
            counters.put(r.name(), counter(registry, r.name()));
        }
        counters.put(VALIDATION, counter(registry, VALIDATION));
    }

    private static Counter counter(MeterRegistry registry, String reason) {
        return Counter.builder("steadystate.dead.letters")
                .tag("reason", reason)
                .description("Records sent to the dead-letter topic, by reason")
                .register(registry);
    }

    public String topic() {
        return topic;
    }

    public void undecodable(Outbox out, ConsumerRecord<String, byte[]> source, UndecodableRecordException e) {
        send(out, source, e.reason().name(), e.getMessage());
    }

    public void invalid(Outbox out, ConsumerRecord<String, byte[]> source, String message) {
        send(out, source, VALIDATION, message);
    }

    private void send(Outbox out, ConsumerRecord<String, byte[]> source, String reason, String message) {
        ProducerRecord<String, byte[]> dead =
                new ProducerRecord<>(topic, source.key(), source.value() == null ? new byte[0] : source.value());
        DeadLetterHeaders.describe(dead.headers(), source, reason, message, service);
        out.send(dead);
        counters.get(reason).increment();
        logRateLimited(source, reason, message);
    }

    private synchronized void logRateLimited(ConsumerRecord<String, byte[]> source, String reason, String message) {
        long now = System.nanoTime();
        if (now - lastLog < LOG_EVERY_NANOS && lastLog != 0) {
            suppressed++;
            return;
        }
        LOG.warnf(
                "dead letter from %s-%d@%d: %s %s (%d similar suppressed)",
                source.topic(), source.partition(), source.offset(), reason, message, suppressed);
        lastLog = now;
        suppressed = 0;
    }
}
