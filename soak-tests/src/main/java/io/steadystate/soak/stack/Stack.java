package io.steadystate.soak.stack;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The system under test: a local stack the harness started, or a deployed one it only observes. */
public interface Stack extends AutoCloseable {

    List<ServiceEndpoint> services();

    default ServiceEndpoint service(ServiceId id) {
        return services().stream()
                .filter(s -> s.id() == id)
                .findFirst()
                .orElseThrow(() -> new RunFailure("no endpoint for " + id.module()));
    }

    /** Kafka bootstrap servers when the harness can reach Kafka (for consumer lag). */
    Optional<String> bootstrapServers();

    /** Prometheus when one runs (local) or was given ({@code --prometheus}). */
    Optional<URI> prometheus();

    /** Null when the service runs; else why it stopped (exit code, OOM). Remote stacks cannot tell: always null. */
    String deathNotice(ServiceId id);

    /** Log files by label, relative to the run directory. */
    Map<String, Path> logs();

    /** One line for the report: what was started and how metrics are collected. */
    String describe();

    @Override
    void close();
}
