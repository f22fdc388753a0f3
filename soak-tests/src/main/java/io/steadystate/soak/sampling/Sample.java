package io.steadystate.soak.sampling;

import io.steadystate.soak.stack.ServiceId;
import java.util.List;
import java.util.Map;

/**
 * Everything measured at one sample instant.
 *
 * @param simDaysElapsed simulated days since the first sample (continuous, from the simulated clock)
 * @param consumerLag    records behind, per consumer group (empty when the harness has no Kafka access)
 */
public record Sample(
        int seq,
        long epochMillis,
        double elapsedSeconds,
        MarketClock clock,
        double simDaysElapsed,
        List<ServiceSample> services,
        Map<String, Long> consumerLag) {

    public ServiceSample service(ServiceId id) {
        return service(id.module());
    }

    /** By the service's name as serialized in report.json ({@link ServiceId#module()}). */
    public ServiceSample service(String name) {
        return services.stream()
                .filter(s -> s.service().equals(name))
                .findFirst()
                .orElse(null);
    }
}
