package io.steadystate.kit.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.steadystate.core.state.Bounded;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code steadystate_kafka_send_errors_total{service,topic}}: a record the broker did not acknowledge, or a
 * transaction that could not commit ({@code topic="transaction"}). Registered at zero for every output topic.
 */
final class SendErrors {

    static final String NAME = "steadystate.kafka.send.errors";
    static final String TRANSACTION = "transaction";

    @Bounded("one counter per output topic of the loop plus 'transaction', filled at construction")
    private final Map<String, Counter> byTopic = new HashMap<>();

    private final Counter other;

    SendErrors(String service, List<String> topics, MeterRegistry registry) {
        for (String topic : topics) {
            byTopic.put(topic, counter(registry, service, topic));
        }
        byTopic.put(TRANSACTION, counter(registry, service, TRANSACTION));
        other = counter(registry, service, "other");
    }

    private static Counter counter(MeterRegistry registry, String service, String topic) {
        return Counter.builder(NAME)
                .tag("service", service)
                .tag("topic", topic)
                .description("Kafka sends that failed (no acknowledgement) and transactions that did not commit")
                .register(registry);
    }

    /** Thread-safe (producer I/O thread callbacks and the loop thread). */
    void count(String topic) {
        byTopic.getOrDefault(topic, other).increment();
    }
}
