package io.steadystate.marketdata.health;

import io.steadystate.core.kafka.KafkaConnection;
import io.steadystate.marketdata.control.MarketControl;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the producer can publish: topics provisioned and partition metadata read, no send failing in
 * the last 30 s, and the broker answering now (a cluster description, cached 5 s so probes cost nothing).
 * The last part matters while the market is idle: with no sends, only the probe notices a dead broker.
 */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

    private static final long CACHE_NANOS = 5_000_000_000L;

    private final MarketControl market;
    private final Admin admin;
    private long checkedAt;
    private boolean reachable;
    private String problem = "";

    public KafkaReadinessCheck(MarketControl market, KafkaConnection kafka) {
        this.market = market;
        this.admin = Admin.create(kafka.clientConfig(Map.of(
                AdminClientConfig.CLIENT_ID_CONFIG, "market-data-service-health",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000)));
    }

    @Override
    public synchronized HealthCheckResponse call() {
        long now = System.nanoTime();
        if (checkedAt == 0 || now - checkedAt > CACHE_NANOS) {
            try {
                admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                reachable = true;
                problem = "";
            } catch (Exception e) {
                reachable = false;
                problem = "broker unreachable: " + e;
            }
            checkedAt = System.nanoTime();
        }
        boolean up = reachable && market.ready();
        String reason = !reachable ? problem : market.notReadyReason();
        return HealthCheckResponse.named("kafka-producer")
                .status(up)
                .withData("state", market.state().name())
                .withData("reason", reason == null ? "" : reason)
                .build();
    }

    @PreDestroy
    void close() {
        admin.close(java.time.Duration.ofSeconds(1));
    }
}
