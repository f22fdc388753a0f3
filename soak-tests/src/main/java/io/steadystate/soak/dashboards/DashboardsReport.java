package io.steadystate.soak.dashboards;

import io.steadystate.soak.verdict.Check;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every panel of every dashboard in {@code k8s/dashboards/} evaluated on the run's Prometheus over the run's time
 * range, as Grafana would query it, rendered under the dashboards' own titles and units; a panel with no series,
 * a failed query or a missing service fails the report check {@code dashboards}.
 *
 * <p>Hook for the report: {@link #html()} (a section), {@link #checks()} (one per failing panel, or one passing),
 * and {@link #writePage(Path)} for a standalone {@code dashboards.html}.
 */
public record DashboardsReport(
        List<Evaluated> dashboards, List<AlertRulesOnRun.Alert> alerts, RunScope run, String unavailable) {

    /** One dashboard: its variables' values, variable problems and its panels. */
    public record Evaluated(
            Dashboard dashboard,
            Map<String, List<String>> variables,
            List<String> problems,
            List<PanelEvaluation> panels) {

        boolean passed() {
            return problems.isEmpty() && panels.stream().allMatch(PanelEvaluation::passed);
        }
    }

    public static final String HOW_TO_GET_PROMETHEUS = "no Prometheus for this run, so the dashboards were not "
            + "evaluated: install it (`apt-get install -y --no-install-recommends prometheus`, or put the `prometheus` "
            + "binary on the PATH) for the local stack, or pass --prometheus <url> for a deployed one";

    public static DashboardsReport unavailable(String why) {
        return new DashboardsReport(List.of(), List.of(), null, why);
    }

    /**
     * The run's dashboards, or why there are none: never throws, so a Prometheus problem cannot cost the soak its
     * report. The scrape interval is read from the Prometheus configuration.
     */
    /**
     * The session's entry: the run is the sampled window (first to last sample; the drain after the market stops
     * is left out), or {@code started} to now without samples; the repository's k8s/dashboards and alert rules.
     *
     * @param faultService the module whose leak fault was on, null on a clean run
     * @param faultTrend   that module's heap trend over the steady part (null on a clean run or when unknown)
     * @param compression  how many times denser than production the run was ({@link RunScope#compression})
     */
    public static DashboardsReport forRun(
            java.util.Optional<URI> prometheus,
            Instant started,
            long[] sampleMillis,
            Set<String> services,
            String faultService,
            FaultHeapTrend faultTrend,
            double compression,
            boolean localStack,
            double warmupFraction,
            boolean disrupted,
            Path repoRoot) {
        int n = sampleMillis.length;
        RunScope run = new RunScope(
                n == 0 ? started : Instant.ofEpochMilli(sampleMillis[0]),
                n == 0 ? Instant.now() : Instant.ofEpochMilli(sampleMillis[n - 1]),
                services,
                faultService,
                localStack,
                warmupFraction,
                disrupted,
                faultTrend,
                compression);
        return forRun(
                prometheus,
                run,
                repoRoot.resolve("k8s/dashboards"),
                repoRoot.resolve("k8s/components/prometheus/rules/steadystate.rules.yml"));
    }

    /** The run's dashboards of {@code dashboardsDir} and alert rules of {@code rulesFile}; never throws. */
    public static DashboardsReport forRun(
            java.util.Optional<URI> prometheus, RunScope run, Path dashboardsDir, Path rulesFile) {
        if (prometheus.isEmpty()) {
            return unavailable(HOW_TO_GET_PROMETHEUS);
        }
        try {
            Duration scrape = new PrometheusApi(prometheus.get()).scrapeInterval();
            DashboardsReport d = evaluate(
                    prometheus.get(), run.start(), run.end(), scrape, dashboardsDir, run.services(), !run.localStack());
            if (d.unavailable() != null || !Files.exists(rulesFile)) {
                return d;
            }
            List<AlertRulesOnRun.Alert> alerts = AlertRulesOnRun.evaluate(
                    new PrometheusApi(prometheus.get()),
                    AlertRulesOnRun.Window.of(run, scrape),
                    rulesFile,
                    run.localStack());
            return new DashboardsReport(d.dashboards(), alerts, run, null);
        } catch (RuntimeException e) {
            return unavailable("the dashboards could not be evaluated on " + prometheus.get() + ": " + e);
        }
    }

    /**
     * @param scrapeInterval the Prometheus scrape interval (Grafana's data source "scrape interval", which
     *                       $__rate_interval depends on)
     * @param services       the run's services (each must show in every panel whose metric it exports)
     * @param clusterMetrics the Prometheus scrapes a cluster: targets on cluster exporters' metrics must have data
     */
    public static DashboardsReport evaluate(
            URI prometheus,
            Instant start,
            Instant end,
            Duration scrapeInterval,
            Path dashboardsDir,
            Set<String> services,
            boolean clusterMetrics) {
        PrometheusApi api = new PrometheusApi(prometheus);
        List<Evaluated> out = new ArrayList<>();
        for (Path file : files(dashboardsDir)) {
            Dashboard d = Dashboard.read(file);
            GrafanaTemplate template = new GrafanaTemplate(start, end, scrapeInterval);
            List<String> problems = new ArrayList<>(template.resolve(d, api));
            List<String> serviceVar = template.variables().get("service");
            if (serviceVar != null) {
                services.stream()
                        .filter(s -> !serviceVar.contains(s))
                        .forEach(s -> problems.add("$service has no value " + s + " (values " + serviceVar + ")"));
            }
            List<PanelEvaluation> panels = new ArrayList<>();
            for (Dashboard.Panel p : d.panels()) {
                panels.add(PanelEvaluation.evaluate(p, template, api, services, clusterMetrics));
            }
            out.add(new Evaluated(d, template.variables(), List.copyOf(problems), List.copyOf(panels)));
        }
        if (out.isEmpty()) {
            return unavailable("no dashboard JSON in " + dashboardsDir);
        }
        return new DashboardsReport(List.copyOf(out), List.of(), null, null);
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean passed() {
        return unavailable == null && dashboards.stream().allMatch(Evaluated::passed);
    }

    /** One failing check per broken panel (with its query and reason), else one passing check; none when unavailable. */
    public List<Check> checks() {
        List<Check> checks = new ArrayList<>();
        if (unavailable != null) {
            return checks;
        }
        int panels = 0;
        List<String> clusterOnly = new ArrayList<>();
        for (Evaluated e : dashboards) {
            for (String p : e.problems()) {
                checks.add(new Check("dashboards", "all", false, e.dashboard().title() + ": " + p));
            }
            for (PanelEvaluation pe : e.panels()) {
                panels++;
                pe.targets().stream()
                        .filter(t -> t.clusterOnly() != null)
                        .forEach(t -> clusterOnly.add(e.dashboard().title() + " / "
                                + pe.panel().title() + " target " + t.target().refId()));
                for (String p : pe.problems()) {
                    checks.add(new Check(
                            "dashboards",
                            "all",
                            false,
                            e.dashboard().title() + " / " + pe.panel().title() + ": " + p));
                }
            }
        }
        if (checks.isEmpty()) {
            checks.add(new Check(
                    "dashboards",
                    "all",
                    true,
                    panels + " panels of " + dashboards.size()
                            + " dashboards show series for every service that exports their metrics"
                            + (clusterOnly.isEmpty()
                                    ? ""
                                    : "; not checked, cluster-only (no cluster exporters on the local stack): "
                                            + String.join(", ", clusterOnly))));
        }
        if (!alerts.isEmpty() && run != null && run.disrupted()) {
            checks.add(
                    new Check(
                            "alert-rules",
                            "all",
                            true,
                            "not judged: this run killed services or wrote hostile "
                                    + "records on purpose (chaos/poison), so down, lag and dead-letter alerts are expected; see the table"));
        } else if (!alerts.isEmpty() && run != null) {
            checks.addAll(AlertRulesOnRun.checks(alerts, run));
        }
        return checks;
    }

    /** The dashboards as an HTML section (styles included). */
    public String html() {
        StringBuilder b = new StringBuilder("<section class=\"dashboards\"><style>")
                .append(STYLE)
                .append("</style>");
        b.append("<h2>Dashboards on this run</h2>");
        if (unavailable != null) {
            return b.append("<p>")
                    .append(PanelHtml.esc(unavailable))
                    .append("</p></section>")
                    .toString();
        }
        for (Evaluated e : dashboards) {
            b.append("<h3>")
                    .append(PanelHtml.esc(e.dashboard().title()))
                    .append(" <small>")
                    .append(PanelHtml.esc(e.dashboard().file()))
                    .append("</small></h3><p class=\"vars\">");
            e.variables()
                    .forEach((k, v) -> b.append("$")
                            .append(PanelHtml.esc(k))
                            .append(" = ")
                            .append(PanelHtml.esc(String.join(", ", v)))
                            .append("; "));
            b.append("</p>");
            e.problems()
                    .forEach(p -> b.append("<div class=\"problem\">✗ ")
                            .append(PanelHtml.esc(p))
                            .append("</div>"));
            String row = null;
            for (PanelEvaluation pe : e.panels()) {
                if (!pe.panel().row().equals(row)) {
                    b.append(row == null ? "" : "</div>")
                            .append("<h4>")
                            .append(PanelHtml.esc(pe.panel().row()))
                            .append("</h4><div class=\"grid\">");
                    row = pe.panel().row();
                }
                b.append(PanelHtml.render(pe));
            }
            b.append(row == null ? "" : "</div>");
        }
        if (!alerts.isEmpty()) {
            b.append(AlertRulesHtml.table(alerts, run));
        }
        return b.append("</section>").toString();
    }

    public void writePage(Path file) {
        try {
            Files.writeString(
                    file,
                    "<!doctype html><html><head><meta charset=\"utf-8\"><title>Dashboards</title></head><body>" + html()
                            + "</body></html>\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String STYLE =
            ".dashboards{font-family:sans-serif}.dashboards .grid{display:flex;flex-wrap:wrap;gap:8px}"
                    + ".dashboards .panel{border:1px solid #ccc;border-radius:3px;padding:6px;width:530px;background:#fff}"
                    + ".dashboards .panel.failed{border-color:#e24d42;background:#fff4f3}.dashboards .pt{font-weight:600;font-size:13px}"
                    + ".dashboards .unit{color:#888;font-weight:400;font-size:11px}.dashboards .problem{color:#c4162a;font-size:12px}"
                    + ".dashboards .note{color:#555;font-size:12px}.dashboards td.held{white-space:nowrap;font-size:12px}"
                    + ".dashboards .legend{font-size:11px}.dashboards .legend span{margin-right:10px;white-space:nowrap}"
                    + ".dashboards .legend i{display:inline-block;width:10px;height:3px;margin-right:3px;vertical-align:middle}"
                    + ".dashboards .sv{font-size:28px;font-weight:600}.dashboards .na{color:#888}.dashboards code{font-size:11px}"
                    + ".dashboards .vars{font-size:12px;color:#555}.dashboards details{font-size:11px}";
}
