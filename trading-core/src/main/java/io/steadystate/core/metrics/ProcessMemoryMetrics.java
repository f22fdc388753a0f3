package io.steadystate.core.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Resident set size of this process as {@code process_resident_memory_bytes} (Micrometer's JVM binders stop at
 * the heap and buffer pools; RSS is what the container limit and the OOM killer see). Read from
 * {@code /proc/self/status} at scrape time; NaN where there is no procfs.
 *
 * <p>Each service exposes it with a one-line CDI producer: Quarkus binds every {@link MeterBinder} bean.
 */
public final class ProcessMemoryMetrics implements MeterBinder {

    public static final String RSS = "process.resident.memory";
    private static final Path STATUS = Path.of("/proc/self/status");

    @Override
    public void bindTo(MeterRegistry registry) {
        // strong reference: the services bind a `new ProcessMemoryMetrics()` nobody else holds, and Micrometer's
        // default weak reference let the first GC collect it — every scrape after that exported NaN (seen on a soak
        // with Prometheus: the dashboards' RSS panels showed "No data")
        Gauge.builder(RSS, this, ProcessMemoryMetrics::residentBytes)
                .baseUnit("bytes")
                .strongReference(true)
                .description("Resident set size of the process")
                .register(registry);
    }

    /** VmRSS in bytes, or NaN without procfs. */
    public double residentBytes() {
        try {
            List<String> lines = Files.readAllLines(STATUS);
            for (String line : lines) {
                if (line.startsWith("VmRSS:")) {
                    String kb = line.substring(6).trim();
                    return Long.parseLong(kb.substring(0, kb.indexOf(' '))) * 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
