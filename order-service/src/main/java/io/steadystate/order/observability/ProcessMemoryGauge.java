package io.steadystate.order.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.steadystate.core.metrics.ProcessMemoryMetrics;
import jakarta.enterprise.context.ApplicationScoped;

/** Exports process_resident_memory_bytes (RSS): what the container limit and the soak's RSS budget watch. */
@Startup
@ApplicationScoped
public class ProcessMemoryGauge {
    public ProcessMemoryGauge(MeterRegistry registry) {
        new ProcessMemoryMetrics().bindTo(registry);
    }
}
