package io.steadystate.kit.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.jboss.logging.Logger;

/**
 * The delivery loop's one transactional producer over its lifetime: the first one, retried until the broker's
 * transaction coordinator answers; a fresh one after every failure ({@code initTransactions} fences and aborts
 * what its predecessor left open); its client metrics bound and closed with it; and the configuration it was built
 * from, as the client resolved it. Used on the loop thread only, except {@link #effectiveConfig()}.
 */
final class LoopProducer {

    /** Logged under the loop's category, beside its other lines. */
    private static final Logger LOG = Logger.getLogger(DeliveryLoop.class);

    private final DeliverySettings settings;
    private final KafkaClients clients;
    private final MeterRegistry registry;
    private final LoopOutbox outbox;
    private final LoopHealth health;
    private final Duration backoff;
    private volatile Map<String, Object> effectiveConfig = Map.of();
    private Producer<String, byte[]> producer;
    private KafkaClientMetrics metrics;

    LoopProducer(
            DeliverySettings settings,
            KafkaClients clients,
            MeterRegistry registry,
            LoopOutbox outbox,
            LoopHealth health,
            Duration backoff) {
        this.settings = settings;
        this.clients = clients;
        this.registry = registry;
        this.outbox = outbox;
        this.health = health;
        this.backoff = backoff;
    }

    /** The live producer; null before the first one exists and after {@link #close()}. */
    Producer<String, byte[]> current() {
        return producer;
    }

    /**
     * The configuration the live producer was built from, as the client resolves it ({@link ProducerConfig}
     * with its defaults and idempotence rules applied); empty before the producer exists.
     */
    Map<String, Object> effectiveConfig() {
        return effectiveConfig;
    }

    /** The broker may be slow or not up yet (the transaction coordinator is created on first use): retry. */
    void first(BooleanSupplier stopping) {
        for (int attempt = 1; !stopping.getAsBoolean(); attempt++) {
            health.progress();
            try {
                renew();
                health.committed(); // the output works: nothing failing any more
                return;
            } catch (RuntimeException e) {
                health.sendFailed(e);
                if (attempt == 1 || attempt % 10 == 0) {
                    LOG.warnf(
                            "delivery loop %s: transactional producer not ready (attempt %d), retrying: %s",
                            settings.groupId(), attempt, e.toString());
                }
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** A fresh transactional producer: {@code initTransactions} aborts whatever the previous one left open. */
    void renew() {
        close();
        Map<String, Object> config = ClientConfigs.producer(settings);
        producer = clients.producer(config);
        metrics = new KafkaClientMetrics(producer);
        metrics.bindTo(registry);
        outbox.use(producer);
        producer.initTransactions();
        effectiveConfig = ClientConfigs.effective(config);
    }

    void close() {
        if (metrics != null) {
            metrics.close();
            metrics = null;
        }
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException ignored) {
                // closing a broken producer
            }
            producer = null;
        }
    }
}
