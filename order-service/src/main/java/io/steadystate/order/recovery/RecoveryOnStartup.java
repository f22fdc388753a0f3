package io.steadystate.order.recovery;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.steadystate.core.kafka.KafkaConnection;
import io.steadystate.core.kafka.TopicProvisioner;
import io.steadystate.core.kafka.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Creates the system's topics at start-up when missing (background thread, retrying while the broker is
 * unreachable). The state itself is rebuilt per partition by the rebalance listener
 * ({@code ingest.PartitionOwnership}, driven by the delivery loop) when the first assignment arrives: until then mutating REST calls answer
 * 503 and readiness is DOWN (an instance assigned no partition becomes ready with an empty state).
 */
@ApplicationScoped
public class RecoveryOnStartup {

    private static final Logger LOG = Logger.getLogger(RecoveryOnStartup.class);

    private final KafkaConnection kafka;
    private volatile Thread worker;
    private volatile boolean stopping;

    public RecoveryOnStartup(KafkaConnection kafka) {
        this.kafka = kafka;
    }

    void onStart(@Observes StartupEvent event) {
        Thread t = new Thread(this::provisionWithRetry, "order-topics");
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

    private void provisionWithRetry() {
        int attempt = 0;
        while (!stopping) {
            attempt++;
            try {
                TopicProvisioner.ensureTopics(kafka, Topics.DEFAULT_PARTITIONS, (short) 1, Duration.ofSeconds(10));
                return;
            } catch (RuntimeException e) {
                if (attempt == 1 || attempt % 10 == 0) {
                    LOG.warnf("topic provisioning attempt %d failed, retrying: %s", attempt, e.toString());
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
