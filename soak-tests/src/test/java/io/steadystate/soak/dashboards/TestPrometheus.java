package io.steadystate.soak.dashboards;

import com.sun.net.httpserver.HttpServer;
import io.steadystate.core.net.LoopbackPorts;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real Prometheus on loopback (the {@code prometheus} binary, scrape every second) and a small exporter it
 * scrapes, served from the test: one endpoint per service, labelled namespace/service/pod as k8s relabelling and
 * the local stack label them. market-data-service exports no store metrics (as a service without that metric).
 */
final class TestPrometheus implements AutoCloseable {

    static final List<String> SERVICES = List.of("market-data-service", "strategy-service", "order-service");
    static final String NAMESPACE = "soak-test";

    private final HttpServer exporter;
    private final Process prometheus;
    private final AtomicLong scrapes = new AtomicLong();
    final URI uri;

    static Optional<Path> binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, "prometheus");
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    TestPrometheus(Path binary, Path dir) throws IOException {
        exporter = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        for (String s : SERVICES) {
            exporter.createContext("/metrics/" + s, ex -> {
                byte[] body = metrics(s, scrapes.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream o = ex.getResponseBody()) {
                    o.write(body);
                }
            });
        }
        exporter.start();
        StringBuilder yml =
                new StringBuilder("global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\nscrape_configs:\n");
        for (String s : SERVICES) {
            yml.append("  - job_name: ")
                    .append(s)
                    .append("\n    metrics_path: /metrics/")
                    .append(s)
                    .append("\n    static_configs:\n      - targets: ['127.0.0.1:")
                    .append(exporter.getAddress().getPort())
                    .append("']\n        labels: {namespace: ")
                    .append(NAMESPACE)
                    .append(", service: ")
                    .append(s)
                    .append(", pod: ")
                    .append(s)
                    .append("-0}\n");
        }
        Files.writeString(dir.resolve("prometheus.yml"), yml);
        int port = LoopbackPorts.one();
        prometheus = new ProcessBuilder(
                        binary.toString(),
                        "--config.file=" + dir.resolve("prometheus.yml"),
                        "--storage.tsdb.path=" + dir.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("prometheus.log").toFile())
                .start();
        uri = URI.create("http://127.0.0.1:" + port + "/");
    }

    /** Waits (bounded) until every service has been scraped {@code samples} times. */
    void awaitSamples(int samples, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String q = URI.create(uri + "api/v1/query?query=").toString()
                + java.net.URLEncoder.encode(
                        "count(count_over_time(up[5m]) >= " + samples + ")", StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!prometheus.isAlive()) {
                throw new IllegalStateException("prometheus exited with " + prometheus.exitValue());
            }
            try {
                String body = http.send(
                                HttpRequest.newBuilder(URI.create(q)).build(), HttpResponse.BodyHandlers.ofString())
                        .body();
                if (body.contains("\"value\":[") && body.matches("(?s).*\"" + SERVICES.size() + "\"\\]}.*")) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(
                "Prometheus did not scrape " + samples + " samples of every service within " + timeout);
    }

    private static String metrics(String service, long n) {
        double oldGen = 40e6 + 1e5 * (n % 50);
        StringBuilder b = new StringBuilder();
        b.append("# TYPE jvm_memory_used_bytes gauge\n");
        b.append(String.format(Locale.ROOT, "jvm_memory_used_bytes{area=\"heap\",id=\"G1 Old Gen\"} %.0f%n", oldGen));
        if (!service.equals("order-service")) {
            b.append(String.format(
                    Locale.ROOT,
                    "jvm_memory_used_bytes{area=\"heap\",id=\"G1 Eden Space\"} %.0f%n",
                    8e6 + 3e5 * (n % 7)));
        }
        b.append("# TYPE jvm_memory_usage_after_gc gauge\n");
        b.append(String.format(
                Locale.ROOT, "jvm_memory_usage_after_gc{area=\"heap\",pool=\"long-lived\"} %.4f%n", oldGen / 256e6));
        b.append("# TYPE process_resident_memory_bytes gauge\n");
        b.append(String.format(Locale.ROOT, "process_resident_memory_bytes %.0f%n", 300e6 + oldGen));
        // what the services' RSS gauge exported once GC had collected its weakly held binder
        b.append("# TYPE process_open_fds gauge\nprocess_open_fds NaN\n");
        b.append("# TYPE jvm_gc_memory_allocated_bytes_total counter\n");
        b.append(String.format(Locale.ROOT, "jvm_gc_memory_allocated_bytes_total %d%n", n * 2_000_000L));
        if (!service.equals("market-data-service")) {
            b.append("# TYPE steadystate_store_entries gauge\n");
            b.append(String.format(Locale.ROOT, "steadystate_store_entries{store=\"symbols\"} %d%n", 100 + n % 10));
            b.append("# TYPE steadystate_store_capacity gauge\nsteadystate_store_capacity{store=\"symbols\"} 5000\n");
        }
        return b.toString();
    }

    @Override
    public void close() {
        prometheus.destroy();
        try {
            if (!prometheus.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            prometheus.destroyForcibly();
        }
        exporter.stop(0);
    }
}
