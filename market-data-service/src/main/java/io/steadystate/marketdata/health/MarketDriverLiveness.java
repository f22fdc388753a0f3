package io.steadystate.marketdata.health;

import io.steadystate.marketdata.control.DriverHeartbeat;
import io.steadystate.marketdata.control.MarketControl;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while the market driver makes progress ({@link DriverHeartbeat}): it dies only on a bug or hangs, and
 * then a restart is the cure. Reads a volatile timestamp: the driver holds the market lock across sends that
 * can block for seconds on a full buffer, and a probe that waited for it would restart a healthy pod.
 */
@Liveness
@ApplicationScoped
public class MarketDriverLiveness implements HealthCheck {

    private final MarketControl market;

    public MarketDriverLiveness(MarketControl market) {
        this.market = market;
    }

    @Override
    public HealthCheckResponse call() {
        DriverHeartbeat heartbeat = market.heartbeat();
        return HealthCheckResponse.named("market-driver")
                .status(heartbeat.live())
                .withData("silentForMillis", heartbeat.silentForNanos() / 1_000_000L)
                .build();
    }
}
