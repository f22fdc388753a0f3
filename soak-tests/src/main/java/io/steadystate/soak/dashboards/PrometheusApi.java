package io.steadystate.soak.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The two Prometheus HTTP API calls a Grafana dashboard makes: label values (variables) and range queries (panels). */
public final class PrometheusApi {

    /** One series of a range query: its labels and its samples (seconds since the epoch, value). */
    public record Series(Map<String, String> labels, double[] t, double[] v) {}

    /** Prometheus refused or failed the query; the message is Prometheus' own error. */
    public static final class QueryFailed extends Exception {
        QueryFailed(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public PrometheusApi(URI base) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
    }

    public List<String> labelValues(String label, String match, Instant start, Instant end) throws QueryFailed {
        StringBuilder q = new StringBuilder("api/v1/label/")
                .append(enc(label))
                .append("/values?start=")
                .append(start.getEpochSecond())
                .append("&end=")
                .append(end.getEpochSecond());
        if (match != null && !match.isBlank()) {
            q.append("&match[]=").append(enc(match));
        }
        List<String> out = new ArrayList<>();
        get(q.toString()).path("data").forEach(v -> out.add(v.asText()));
        return out;
    }

    public List<Series> queryRange(String expr, Instant start, Instant end, Duration step) throws QueryFailed {
        JsonNode data = get("api/v1/query_range?query=" + enc(expr) + "&start=" + start.getEpochSecond() + "&end="
                        + end.getEpochSecond() + "&step=" + step.toSeconds())
                .path("data");
        List<Series> out = new ArrayList<>();
        for (JsonNode r : data.path("result")) {
            Map<String, String> labels = new TreeMap<>();
            r.path("metric")
                    .fields()
                    .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            JsonNode values = r.path("values");
            double[] t = new double[values.size()];
            double[] v = new double[values.size()];
            for (int i = 0; i < values.size(); i++) {
                t[i] = values.get(i).get(0).asDouble();
                v[i] = parse(values.get(i).get(1).asText());
            }
            out.add(new Series(labels, t, v));
        }
        return out;
    }

    /** Instant query at {@code time}: the series that have a value then (alert expressions). */
    public List<Map<String, String>> query(String expr, Instant time) throws QueryFailed {
        List<Map<String, String>> out = new ArrayList<>();
        for (JsonNode r : get("api/v1/query?query=" + enc(expr) + "&time=" + time.getEpochSecond())
                .path("data")
                .path("result")) {
            Map<String, String> labels = new TreeMap<>();
            r.path("metric")
                    .fields()
                    .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            out.add(labels);
        }
        return out;
    }

    /** The global scrape interval of the server's configuration ($__rate_interval depends on it); 15 s if unknown. */
    public Duration scrapeInterval() {
        try {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("scrape_interval:\\s*(\\d+)(ms|s|m)\\b")
                    .matcher(get("api/v1/status/config")
                            .path("data")
                            .path("yaml")
                            .asText(""));
            if (m.find()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofSeconds(n);
                };
            }
        } catch (QueryFailed unknown) {
            // Grafana's default below
        }
        return Duration.ofSeconds(15);
    }

    private JsonNode get(String pathAndQuery) throws QueryFailed {
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(base.resolve(pathAndQuery))
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(r.body());
            if (!"success".equals(body.path("status").asText())) {
                throw new QueryFailed(String.format(
                        Locale.ROOT,
                        "HTTP %d %s: %s",
                        r.statusCode(),
                        body.path("errorType").asText(""),
                        body.path("error").asText(r.body())));
            }
            return body;
        } catch (IOException e) {
            throw new QueryFailed("Prometheus at " + base + " unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryFailed("interrupted");
        }
    }

    private static double parse(String s) {
        return switch (s) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
