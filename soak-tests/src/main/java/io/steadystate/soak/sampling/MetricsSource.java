package io.steadystate.soak.sampling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.steadystate.soak.stack.Http;
import io.steadystate.soak.stack.ServiceEndpoint;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Where a service's metrics come from: Prometheus's query API when one runs, else a direct scrape. */
public interface MetricsSource {

    MetricSnapshot snapshot(ServiceEndpoint service) throws IOException;

    String describe();

    /** {@code GET /q/metrics} with {@code Accept: text/plain} (the 0.0.4 text format, not OpenMetrics). */
    static MetricsSource direct(Http http) {
        return new MetricsSource() {
            @Override
            public MetricSnapshot snapshot(ServiceEndpoint service) throws IOException {
                Http.Response r = http.get(service.resolve("q/metrics"), "text/plain; version=0.0.4");
                if (!r.ok()) {
                    throw new IOException("GET /q/metrics → HTTP " + r.status());
                }
                return PrometheusText.parse(r.body());
            }

            @Override
            public String describe() {
                return "direct scrape of /q/metrics by the harness";
            }
        };
    }

    /** One instant query per service: every series of its job ({@code {job="<module>"}}). */
    static MetricsSource prometheus(Http http, URI prometheus) {
        ObjectMapper json = new ObjectMapper();
        return new MetricsSource() {
            @Override
            public MetricSnapshot snapshot(ServiceEndpoint service) throws IOException {
                String query = "{job=\"" + service.id().module() + "\"}";
                URI uri = prometheus.resolve("api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
                Http.Response r = http.get(uri, "application/json");
                if (!r.ok()) {
                    throw new IOException("Prometheus query " + query + " → HTTP " + r.status() + " " + r.body());
                }
                JsonNode result = json.readTree(r.body()).path("data").path("result");
                List<MetricSeries> out = new ArrayList<>();
                for (JsonNode s : result) {
                    Map<String, String> labels = new HashMap<>();
                    String name = null;
                    for (Iterator<Map.Entry<String, JsonNode>> it =
                                    s.path("metric").fields();
                            it.hasNext(); ) {
                        var e = it.next();
                        if (e.getKey().equals("__name__")) {
                            name = e.getValue().asText();
                        } else if (!e.getKey().equals("job") && !e.getKey().equals("instance")) {
                            labels.put(e.getKey(), e.getValue().asText());
                        }
                    }
                    String v = s.path("value").path(1).asText("NaN");
                    if (name != null) {
                        out.add(new MetricSeries(
                                name,
                                Map.copyOf(labels),
                                PrometheusText.parseLine("x " + v).value()));
                    }
                }
                return new MetricSnapshot(List.copyOf(out));
            }

            @Override
            public String describe() {
                return "Prometheus query API at " + prometheus;
            }
        };
    }
}
