package io.steadystate.marketdata.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * {@code steadystate_marketdata_events_published_total{type}} and {@code steadystate_marketdata_publish_errors_total},
 * registered at construction with every type at zero. An event counts once Kafka acknowledged it (a broadcast
 * event once, not once per partition), so "ticks published" matches what consumers can read.
 */
// @Singleton, not @ApplicationScoped: a client proxy would create the meters on first use, not at start-up
@Singleton
public class PublishMetrics {

    public static final String PUBLISHED = "steadystate.marketdata.events.published";
    public static final String ERRORS = "steadystate.marketdata.publish.errors";

    private final Counter[] published = new Counter[EventType.values().length];
    private final Counter errors;

    public PublishMetrics(MeterRegistry registry) {
        for (EventType type : EventType.values()) {
            published[type.ordinal()] = Counter.builder(PUBLISHED)
                    .tag("type", type.tag)
                    .description("Market events acknowledged by Kafka, by type")
                    .register(registry);
        }
        errors = Counter.builder(ERRORS)
                .description("Market event sends that failed")
                .register(registry);
    }

    void published(EventType type) {
        published[type.ordinal()].increment();
    }

    void failed() {
        errors.increment();
    }

    public long count(EventType type) {
        return (long) published[type.ordinal()].count();
    }

    public long errors() {
        return (long) errors.count();
    }
}
