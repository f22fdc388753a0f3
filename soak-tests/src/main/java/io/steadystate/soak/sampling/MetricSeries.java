package io.steadystate.soak.sampling;

import java.util.Map;

/** One Prometheus series: name, labels, current value. */
public record MetricSeries(String name, Map<String, String> labels, double value) {}
