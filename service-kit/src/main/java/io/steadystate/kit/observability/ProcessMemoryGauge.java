package io.steadystate.kit.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.steadystate.core.metrics.ProcessMemoryMetrics;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Exports {@code process_resident_memory_bytes} (RSS) in every service: what the container limit and the soak's
 * RSS budget watch. {@link Startup}: the meter exists before the first scrape.
 */
@Startup
@ApplicationScoped
public class ProcessMemoryGauge {

    public ProcessMemoryGauge(MeterRegistry registry) {
        new ProcessMemoryMetrics().bindTo(registry);
    }
}
