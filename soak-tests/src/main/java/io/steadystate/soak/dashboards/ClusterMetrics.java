package io.steadystate.soak.dashboards;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Metrics of the cluster's own exporters (kube-state-metrics, cAdvisor, node-exporter): a Prometheus outside
 * Kubernetes never has them, so on the local stack a query on them is empty by construction, not by mistake.
 */
final class ClusterMetrics {

    /** Metric prefix → exporter. */
    private static final Map<String, String> EXPORTERS = Map.of(
            "kube_",
            "kube-state-metrics",
            "container_",
            "cAdvisor (kubelet)",
            "kubelet_",
            "kubelet",
            "node_",
            "node-exporter");

    private static final Pattern NAME = Pattern.compile("(?<![a-zA-Z0-9_:.])[a-zA-Z_:][a-zA-Z0-9_:]*+(?!\\s*\\()");
    private static final Set<String> KEYWORDS =
            Set.of("and", "or", "unless", "bool", "offset", "inf", "nan", "Inf", "NaN");

    private ClusterMetrics() {}

    /** The metric names a PromQL expression selects (label matchers, strings, grouping labels and ranges left out). */
    static Set<String> metricNames(String query) {
        String s = query.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
                .replaceAll("\\{[^}]*}", "{}")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\[[^\\]]*]", "[]");
        Set<String> names = new LinkedHashSet<>();
        Matcher m = NAME.matcher(s);
        while (m.find()) {
            if (!KEYWORDS.contains(m.group())) {
                names.add(m.group());
            }
        }
        return names;
    }

    /** The exporter of a metric, or null when it is not a cluster exporter's (the services' own). */
    static String exporter(String metric) {
        return EXPORTERS.entrySet().stream()
                .filter(e -> metric.startsWith(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    /** The cluster exporter when every metric of the query is a cluster exporter's, else null. */
    static String allFromCluster(String query) {
        Set<String> names = metricNames(query);
        String found = null;
        for (String n : names) {
            found = exporter(n);
            if (found == null) {
                return null;
            }
        }
        return found;
    }

    /** The cluster exporters any metric of the query comes from (empty when none). */
    static Set<String> anyFromCluster(String query) {
        Set<String> out = new LinkedHashSet<>();
        for (String n : metricNames(query)) {
            String e = exporter(n);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }
}
