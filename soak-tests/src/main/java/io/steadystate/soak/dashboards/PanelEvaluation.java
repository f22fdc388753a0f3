package io.steadystate.soak.dashboards;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One panel evaluated over the run: every target's expanded query and series, and what is wrong with what a user
 * would see — a panel without any series, a target without any series (a line the user expects is missing), a
 * series of NaN samples only (Grafana draws nothing), a failed query, a series set that misses a service which does export the panel's metric (a wrong selector hides
 * it), or a variable left unexpanded.
 *
 * <p>A target whose metrics all come from the cluster's own exporters (kube-state-metrics, cAdvisor,
 * node-exporter) cannot have data on the local stack, which runs no containers: there, and only there, an empty
 * cluster-only target is not a problem but a note the report shows ({@link TargetResult#clusterOnly()}).
 */
public record PanelEvaluation(Dashboard.Panel panel, List<TargetResult> targets, List<String> problems) {

    /** @param clusterOnly null, or why an empty target is expected on this Prometheus (a cluster exporter's metric) */
    public record TargetResult(
            Dashboard.Target target,
            String query,
            List<PrometheusApi.Series> series,
            String error,
            String clusterOnly) {}

    private static final Pattern METRIC = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{");
    private static final Pattern UNEXPANDED = Pattern.compile("\\$\\{?\\w+|\\[\\[\\w+]]");

    public boolean passed() {
        return problems.isEmpty();
    }

    /**
     * @param services       the run's services: those that export a panel's metric must each appear in its series
     *                       when the query keeps the {@code service} label
     * @param clusterMetrics the Prometheus scrapes a cluster (a deployed stack): cluster-only targets must have data
     */
    static PanelEvaluation evaluate(
            Dashboard.Panel panel,
            GrafanaTemplate template,
            PrometheusApi api,
            Set<String> services,
            boolean clusterMetrics) {
        List<TargetResult> results = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (panel.targets().isEmpty()) {
            problems.add("the panel has no Prometheus target");
        }
        for (Dashboard.Target t : panel.targets()) {
            String query = template.expand(t.expr());
            Matcher left = UNEXPANDED.matcher(query);
            if (left.find()) {
                problems.add("unexpanded variable " + left.group() + " in " + query);
            }
            try {
                List<PrometheusApi.Series> all =
                        api.queryRange(query, template.start(), template.end(), template.step());
                // a series of NaN samples only (an exporter's gauge that lost its object) draws nothing: no data
                List<PrometheusApi.Series> series =
                        all.stream().filter(PanelEvaluation::anyFinite).toList();
                if (series.size() < all.size()) {
                    problems.add("target " + t.refId() + ": " + (all.size() - series.size()) + " of " + all.size()
                            + " series have only NaN samples over the run (drawn as no data): " + query);
                }
                String clusterOnly = series.isEmpty() && !clusterMetrics ? ClusterMetrics.allFromCluster(query) : null;
                results.add(new TargetResult(
                        t,
                        query,
                        List.copyOf(series),
                        null,
                        clusterOnly == null
                                ? null
                                : "cluster-only (" + clusterOnly
                                        + "): no such series outside Kubernetes, so none on the local stack"));
                missingServices(query, series, template, api, services)
                        .forEach(s -> problems.add("no series for " + s + ", which exports the metric: " + query));
            } catch (PrometheusApi.QueryFailed e) {
                results.add(new TargetResult(t, query, List.of(), e.getMessage(), null));
                problems.add("query failed (" + e.getMessage() + "): " + query);
            }
        }
        List<TargetResult> empty = results.stream()
                .filter(r -> r.series().isEmpty() && r.error() == null && r.clusterOnly() == null)
                .toList();
        if (!results.isEmpty() && empty.size() == results.size()) {
            StringBuilder qs = new StringBuilder();
            results.forEach(r -> qs.append(qs.isEmpty() ? "" : " ; ").append(r.query()));
            problems.add("no series over the run: " + qs);
        } else {
            // the panel shows something, but not the line this target draws (e.g. RSS without its limit)
            empty.forEach(
                    r -> problems.add("target " + r.target().refId() + " has no series over the run: " + r.query()));
        }
        return new PanelEvaluation(panel, List.copyOf(results), List.copyOf(problems));
    }

    private static boolean anyFinite(PrometheusApi.Series s) {
        for (double v : s.v()) {
            if (Double.isFinite(v)) {
                return true;
            }
        }
        return false;
    }

    /** Services that export a metric of the query but are absent from its result (only when it keeps {@code service}). */
    private static Set<String> missingServices(
            String query,
            List<PrometheusApi.Series> series,
            GrafanaTemplate template,
            PrometheusApi api,
            Set<String> services)
            throws PrometheusApi.QueryFailed {
        Set<String> missing = new TreeSet<>();
        if (series.isEmpty() || series.stream().noneMatch(s -> s.labels().containsKey("service"))) {
            return missing;
        }
        Set<String> found = new TreeSet<>();
        series.forEach(s -> found.add(s.labels().get("service")));
        long rangeSeconds = Math.max(
                1, java.time.Duration.between(template.start(), template.end()).toSeconds());
        Matcher m = METRIC.matcher(query);
        while (m.find()) {
            String exporters =
                    "group by (service) (last_over_time({__name__=\"" + m.group(1) + "\"}[" + rangeSeconds + "s]))";
            for (Map<String, String> labels : api.query(exporters, template.end())) {
                String svc = labels.get("service");
                if (svc != null && services.contains(svc) && !found.contains(svc)) {
                    missing.add(svc);
                }
            }
        }
        return missing;
    }
}
