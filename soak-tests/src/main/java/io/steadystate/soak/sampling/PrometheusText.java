package io.steadystate.soak.sampling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parser of the Prometheus 0.0.4 text format (what {@code /q/metrics} answers to {@code Accept: text/plain}). */
public final class PrometheusText {

    private PrometheusText() {}

    public static MetricSnapshot parse(String text) {
        List<MetricSeries> out = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            MetricSeries s = parseLine(line);
            if (s != null) {
                out.add(s);
            }
        }
        return new MetricSnapshot(List.copyOf(out));
    }

    static MetricSeries parseLine(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        String name;
        Map<String, String> labels = new LinkedHashMap<>();
        int rest;
        if (brace >= 0 && (space < 0 || brace < space)) {
            name = line.substring(0, brace);
            int i = brace + 1;
            while (i < line.length() && line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                if (eq < 0) {
                    return null;
                }
                String key = line.substring(i, eq).strip();
                int q = eq + 1; // opening quote
                StringBuilder value = new StringBuilder();
                int j = q + 1;
                for (; j < line.length(); j++) {
                    char c = line.charAt(j);
                    if (c == '\\' && j + 1 < line.length()) {
                        char next = line.charAt(++j);
                        value.append(next == 'n' ? '\n' : next);
                    } else if (c == '"') {
                        break;
                    } else {
                        value.append(c);
                    }
                }
                labels.put(key, value.toString());
                i = j + 1;
                if (i < line.length() && line.charAt(i) == ',') {
                    i++;
                }
            }
            rest = i + 1;
        } else {
            if (space < 0) {
                return null;
            }
            name = line.substring(0, space);
            rest = space;
        }
        String[] parts = line.substring(Math.min(rest, line.length())).strip().split("\\s+");
        if (parts.length == 0 || parts[0].isEmpty()) {
            return null;
        }
        double value;
        try {
            value = switch (parts[0]) {
                case "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(parts[0]);
            };
        } catch (NumberFormatException e) {
            return null;
        }
        return new MetricSeries(name, Map.copyOf(labels), value);
    }
}
