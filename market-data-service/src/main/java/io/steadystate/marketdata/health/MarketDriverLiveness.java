package io.steadystate.marketdata.health;

import io.steadystate.marketdata.control.MarketControl;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Live while the market driver thread runs: it dies only on a bug, and then a restart is the cure. */
@Liveness
@ApplicationScoped
public class MarketDriverLiveness implements HealthCheck {

    private final MarketControl market;

    public MarketDriverLiveness(MarketControl market) {
        this.market = market;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("market-driver").status(market.driverAlive()).build();
    }
}
