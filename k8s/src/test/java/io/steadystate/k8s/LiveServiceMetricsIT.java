package io.steadystate.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.steadystate.core.net.LoopbackPorts;
import io.steadystate.core.testkafka.RealKafka;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every metric name used by the dashboards and the rules is exported by the real services: launches the three
 * packaged services (../<service>/target/quarkus-app/quarkus-run.jar) as child JVMs against a real Kafka, lets
 * the market run a few seconds, scrapes /q/metrics (Prometheus text format) and compares. Skipped with a message
 * when the jars are not built. Scrapes and logs land in target/live-metrics/.
 */
class LiveServiceMetricsIT {

    static final List<String> SERVICES = List.of("market-data-service", "strategy-service", "order-service");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void everyMetricQueriedByDashboardsAndRulesIsExportedByTheRunningServices() throws Exception {
        Map<String, Path> jars = new LinkedHashMap<>();
        for (String s : SERVICES) {
            jars.put(s, K8sDir.repo().resolve(s).resolve("target/quarkus-app/quarkus-run.jar"));
        }
        List<String> absent = jars.entrySet().stream()
                .filter(e -> !Files.exists(e.getValue()))
                .map(Map.Entry::getKey)
                .toList();
        assumeTrue(
                absent.isEmpty(),
                "SKIPPED: services not packaged (" + absent
                        + "); build them first: ./mvnw -B -q package -DskipTests -pl market-data-service,strategy-service,order-service -am");

        Path out = K8sDir.root().resolve("target/live-metrics");
        Files.createDirectories(out);
        Set<String> scraped = new TreeSet<>();
        List<Process> processes = new ArrayList<>();
        try (RealKafka kafka = RealKafka.startWithTopics(3)) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            int[] free = LoopbackPorts.reserve(SERVICES.size());
            for (String s : SERVICES) {
                int port = free[ports.size()];
                ports.put(s, port);
                processes.add(launch(s, jars.get(s), port, kafka.bootstrapServers(), out));
            }
            for (var e : ports.entrySet()) {
                awaitReady(e.getKey(), e.getValue(), Duration.ofSeconds(90));
            }
            Thread.sleep(8_000); // ticks flow, consumers fetch: Kafka client metrics appear
            for (var e : ports.entrySet()) {
                String text = get(e.getValue(), "/q/metrics");
                Files.writeString(out.resolve(e.getKey() + ".prom"), text);
                Set<String> names = sampleNames(text);
                Files.writeString(out.resolve(e.getKey() + ".txt"), String.join("\n", names) + "\n");
                scraped.addAll(names);
            }
        } finally {
            for (Process p : processes) {
                p.destroy();
            }
            for (Process p : processes) {
                if (!p.waitFor(15, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
        Map<String, Set<String>> uses = PromQl.shippedReferences();
        List<String> missing = MetricContract.missingFromScrape(uses.keySet(), scraped);
        String report =
                missing.stream().map(m -> m + "  (used in " + uses.get(m) + ")").collect(Collectors.joining("\n"));
        Files.writeString(out.resolve("missing.txt"), report + "\n");
        assertThat(missing)
                .as("metrics used by dashboards/rules but not exported by the running services:\n%s", report)
                .isEmpty();
    }

    static Set<String> sampleNames(String promText) {
        return promText.lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("[{ ]", 2)[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Process launch(String service, Path jar, int port, String bootstrap, Path out) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(
                java,
                "-Xmx192m",
                "-XX:+UseG1GC",
                "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-Dkafka.bootstrap.servers=" + bootstrap,
                "-Dsteadystate.market.autostart=true",
                "-Dsteadystate.market.symbols=20",
                "-Dsteadystate.market.max-ticks-per-second=200",
                "-jar",
                jar.toString());
        return new ProcessBuilder(cmd)
                .directory(jar.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(out.resolve(service + ".log").toFile())
                .start();
    }

    private static void awaitReady(String service, int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(3))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError(service + " not ready on port " + port + " within " + timeout + ": " + last
                + " (see target/live-metrics/" + service + ".log)");
    }

    private static String get(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Accept", "text/plain")
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }
}
