package io.steadystate.soak.stack;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An existing deployment ({@code --target URLS --prometheus URL}, used by the k8s soak Job). The harness cannot
 * force a GC there, so the post-GC signal is {@code jvm_gc_live_data_size_bytes}; restarts show as a change of
 * {@code process_start_time_seconds}.
 */
public final class RemoteStack implements Stack {

    private final List<ServiceEndpoint> services;
    private final URI prometheus;
    private final String bootstrap;

    private RemoteStack(List<ServiceEndpoint> services, URI prometheus, String bootstrap) {
        this.services = services;
        this.prometheus = prometheus;
        this.bootstrap = bootstrap;
    }

    /**
     * @param targets comma-separated base URLs in the order market-data, strategy, order, or
     *                {@code name=url} pairs (e.g. {@code strategy=http://strategy:8082})
     */
    public static RemoteStack parse(String targets, String prometheus, String bootstrap) {
        String[] parts = targets.split(",");
        if (parts.length != 3) {
            throw new IllegalArgumentException(
                    "--target needs three URLs (market-data, strategy, order), got " + parts.length);
        }
        List<ServiceEndpoint> out = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            ServiceId id = ServiceId.values()[i];
            int eq = p.indexOf('=');
            if (eq > 0 && !p.substring(0, eq).contains("/")) {
                id = ServiceId.parse(p.substring(0, eq));
                p = p.substring(eq + 1);
            }
            URI uri = URI.create(p.endsWith("/") ? p : p + "/");
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("not a URL: '" + parts[i] + "'");
            }
            ServiceId finalId = id;
            if (out.stream().anyMatch(e -> e.id() == finalId)) {
                throw new IllegalArgumentException("--target names " + id.shortName() + " twice");
            }
            out.add(new ServiceEndpoint(id, uri, -1));
        }
        URI prom = prometheus == null ? null : URI.create(prometheus.endsWith("/") ? prometheus : prometheus + "/");
        return new RemoteStack(List.copyOf(out), prom, bootstrap);
    }

    @Override
    public List<ServiceEndpoint> services() {
        return services;
    }

    @Override
    public Optional<String> bootstrapServers() {
        return Optional.ofNullable(bootstrap);
    }

    @Override
    public Optional<URI> prometheus() {
        return Optional.ofNullable(prometheus);
    }

    @Override
    public String deathNotice(ServiceId id) {
        return null;
    }

    @Override
    public Map<String, Path> logs() {
        return Map.of();
    }

    @Override
    public String describe() {
        return "deployed stack "
                + services.stream().map(s -> s.baseUrl().toString()).toList()
                + (prometheus == null ? ", metrics scraped directly" : ", metrics from Prometheus " + prometheus);
    }

    @Override
    public void close() {
        // nothing was started
    }
}
