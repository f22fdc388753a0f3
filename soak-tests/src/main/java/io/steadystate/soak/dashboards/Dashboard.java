package io.steadystate.soak.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a Grafana dashboard JSON model that decide what a user sees: template variables, rows, and each
 * panel's type, title, unit and Prometheus targets.
 */
public record Dashboard(String file, String title, List<Variable> variables, List<Panel> panels) {

    /** A template variable: query ({@code label_values(...)}), custom (comma list), constant, interval, datasource. */
    public record Variable(String name, String type, String query, boolean multi, boolean includeAll) {}

    /** A Prometheus target; {@code legendFormat} uses Grafana's {@code {{label}}} placeholders. */
    public record Target(String refId, String expr, String legendFormat, boolean instant) {}

    /** A visible panel under {@code row} (the title of the row above it, empty when none). */
    public record Panel(String row, String title, String type, String unit, List<Target> targets) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    public static Dashboard read(Path file) {
        try {
            return parse(file.getFileName().toString(), JSON.readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dashboard " + file, e);
        }
    }

    static Dashboard parse(String file, JsonNode root) {
        List<Variable> vars = new ArrayList<>();
        for (JsonNode v : root.path("templating").path("list")) {
            JsonNode q = v.path("query");
            String query = q.isObject() ? q.path("query").asText("") : q.asText("");
            vars.add(new Variable(
                    v.path("name").asText(),
                    v.path("type").asText("query"),
                    query,
                    v.path("multi").asBoolean(false),
                    v.path("includeAll").asBoolean(false)));
        }
        List<Panel> panels = new ArrayList<>();
        collect(root.path("panels"), "", panels);
        return new Dashboard(file, root.path("title").asText(file), List.copyOf(vars), List.copyOf(panels));
    }

    private static String collect(JsonNode nodes, String row, List<Panel> out) {
        String current = row;
        for (JsonNode p : nodes) {
            if ("row".equals(p.path("type").asText())) {
                current = p.path("title").asText("");
                collect(p.path("panels"), current, out); // a collapsed row holds its panels
                continue;
            }
            List<Target> targets = new ArrayList<>();
            for (JsonNode t : p.path("targets")) {
                if (t.hasNonNull("expr") && !t.path("hide").asBoolean(false)) {
                    targets.add(new Target(
                            t.path("refId").asText(""),
                            t.path("expr").asText(),
                            t.path("legendFormat").asText(""),
                            t.path("instant").asBoolean(false)));
                }
            }
            out.add(new Panel(
                    current,
                    p.path("title").asText(""),
                    p.path("type").asText("timeseries"),
                    p.path("fieldConfig").path("defaults").path("unit").asText("short"),
                    List.copyOf(targets)));
        }
        return current;
    }
}
