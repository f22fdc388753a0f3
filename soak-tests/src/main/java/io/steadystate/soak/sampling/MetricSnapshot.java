package io.steadystate.soak.sampling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every series of one service at one instant, from a direct scrape or a Prometheus query. */
public record MetricSnapshot(List<MetricSeries> series) {

    public static final MetricSnapshot EMPTY = new MetricSnapshot(List.of());

    public boolean has(String name) {
        return series.stream().anyMatch(s -> s.name().equals(name));
    }

    /** Σ of the series with this name whose labels include every given label; null when none exists. */
    public Double sum(String name, Map<String, String> match) {
        double sum = 0;
        boolean found = false;
        for (MetricSeries s : series) {
            if (s.name().equals(name) && s.labels().entrySet().containsAll(match.entrySet())) {
                sum += s.value();
                found = true;
            }
        }
        return found ? sum : null;
    }

    public Double sum(String name) {
        return sum(name, Map.of());
    }

    /** Σ per value of one label, e.g. store entries by {@code store}. */
    public Map<String, Double> byLabel(String name, String label, Map<String, String> match) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (MetricSeries s : series) {
            if (s.name().equals(name)
                    && s.labels().containsKey(label)
                    && s.labels().entrySet().containsAll(match.entrySet())) {
                out.merge(s.labels().get(label), s.value(), Double::sum);
            }
        }
        return out;
    }
}
