package io.steadystate.order.recovery;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.steadystate.core.kafka.TopicProvisioner;
import io.steadystate.core.kafka.Topics;
import io.steadystate.order.config.OrderConfig;
import io.steadystate.order.orders.OrderEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Runs {@link StateRecovery} on a background thread at start-up, retrying while the broker is unreachable.
 * Until it has finished the ingest waits, mutating REST calls answer 503 and readiness is DOWN.
 */
@ApplicationScoped
public class RecoveryOnStartup {

    private static final Logger LOG = Logger.getLogger(RecoveryOnStartup.class);

    private final OrderEngine engine;
    private final String bootstrapServers;
    private final Duration lookback;
    private volatile Thread worker;
    private volatile boolean stopping;

    public RecoveryOnStartup(OrderEngine engine, OrderConfig config,
                             @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.engine = engine;
        this.bootstrapServers = bootstrapServers;
        this.lookback = config.recoveryLookback();
    }

    void onStart(@Observes StartupEvent event) {
        Thread t = new Thread(this::recoverWithRetry, "order-recovery");
        t.setDaemon(true);
        worker = t;
        t.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        Thread t = worker;
        if (t != null) {
            t.interrupt();
        }
    }

    private void recoverWithRetry() {
        int attempt = 0;
        while (!stopping && !engine.isRecovered()) {
            attempt++;
            try {
                TopicProvisioner.ensureTopics(bootstrapServers, Topics.DEFAULT_PARTITIONS, (short) 1, Duration.ofSeconds(10));
                new StateRecovery(bootstrapServers, lookback).recoverInto(engine);
            } catch (RuntimeException e) {
                if (attempt == 1 || attempt % 10 == 0) {
                    LOG.warnf("recovery attempt %d failed, retrying: %s", attempt, e.toString());
                }
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }
}
