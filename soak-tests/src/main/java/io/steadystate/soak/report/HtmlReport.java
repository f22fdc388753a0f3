package io.steadystate.soak.report;

import io.steadystate.soak.profile.DurationText;
import io.steadystate.soak.sampling.Sample;
import io.steadystate.soak.verdict.Check;
import io.steadystate.soak.verdict.Outcome;
import io.steadystate.soak.verdict.ServiceVerdict;
import io.steadystate.soak.verdict.SlopeInterval;
import io.steadystate.soak.verdict.SlopeVerdict;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** report.html: one self-contained page (inline CSS and SVG, no script, no network) that reads top-down. */
final class HtmlReport {

    private HtmlReport() {}

    static String render(RunReport r) {
        return render(r, java.util.Optional.empty());
    }

    /** @param dashboards the run's Grafana panels rendered from its Prometheus (empty: the run had none) */
    static String render(RunReport r, java.util.Optional<String> dashboards) {
        StringBuilder b = new StringBuilder();
        RunReport.Meta m = r.meta();
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Soak ")
                .append(Html.text(m.profileName()))
                .append(" — ")
                .append(r.overall())
                .append("</title><style>")
                .append(CSS)
                .append("</style></head><body>");
        b.append("<header><h1>Soak run <code>")
                .append(Html.text(m.profileName()))
                .append("</code> <span class=\"badge ")
                .append(badge(r.overall()))
                .append("\">")
                .append(Html.text(r.outcome()))
                .append("</span></h1><p class=\"sub\">")
                .append(Html.text(summary(r)))
                .append("</p></header>");
        if (r.failure() != null) {
            b.append("<section class=\"failure\"><h2>The run failed (exit 3)</h2><pre>")
                    .append(Html.text(r.failure()))
                    .append("</pre></section>");
        }
        verdictTable(b, r);
        ProjectionHtml.render(b, r);
        checks(b, r);
        ChaosHtml.render(b, r);
        ChartsHtml.render(b, r);
        growth(b, r);
        b.append(io.steadystate.soak.trace.LeakTraceHtml.section(r.leakTraces()));
        b.append(dashboards.orElse("<section><h2>Dashboards on this run</h2><p>Not rendered: the run had no "
                + "Prometheus. Install it (<code>apt-get install -y --no-install-recommends prometheus</code>) and the "
                + "local stack scrapes through it; every panel of k8s/dashboards is then evaluated and drawn here.</p>"
                + "</section>"));
        setup(b, r);
        return b.append("</body></html>\n").toString();
    }

    private static String summary(RunReport r) {
        RunReport.Meta m = r.meta();
        List<Sample> s = r.samples();
        String span = s.isEmpty()
                ? "no samples"
                : String.format(
                        Locale.ROOT,
                        "%s wall, %.2f simulated days%s, %d samples",
                        DurationText.format(java.time.Duration.ofSeconds(
                                (long) s.get(s.size() - 1).elapsedSeconds())),
                        s.get(s.size() - 1).simDaysElapsed(),
                        m.clockMeasured() ? "" : " (assumed from speed: no simulated clock)",
                        s.size());
        return span + (m.fault() == null ? "" : " · fault " + m.fault()) + " · budget "
                + String.format(
                        Locale.ROOT, "%.2f MB/production day", m.policy().budgetMbPerDay())
                + " · started " + m.started();
    }

    private static void verdictTable(StringBuilder b, RunReport r) {
        b.append("<section><h2>Verdict per service</h2><table><tr><th>service</th><th>verdict</th>"
                + "<th>post-GC heap<br>MB / production day [95% CI]</th><th>days until heap full</th>"
                + "<th>context: MB / simulated day</th><th>MB / million events</th>"
                + "<th>RSS slope<br>MB / simulated day</th><th>window</th><th>why</th></tr>");
        for (ServiceVerdict v : r.verdicts()) {
            SlopeVerdict h = v.heap();
            b.append("<tr><td>")
                    .append(Html.text(v.service()))
                    .append("</td><td><span class=\"badge ")
                    .append(badge(v.outcome()))
                    .append("\">")
                    .append(v.outcome())
                    .append("</span></td><td>")
                    .append(ProjectionHtml.perDay(v.projection()))
                    .append("</td><td>")
                    .append(ProjectionHtml.daysUntilFull(v.projection()))
                    .append("</td><td>")
                    .append(ci(h.perDay()))
                    .append("</td><td>")
                    .append(ci(h.perMillionEvents()))
                    .append("</td><td>")
                    .append(v.rss() == null ? "—" : ci(v.rss().perDay()))
                    .append("</td><td>")
                    .append(String.format(Locale.ROOT, "%d samples from #%d", h.windowSize(), h.windowStart()))
                    .append("</td><td>")
                    .append(Html.text(
                            v.projection() == null
                                    ? h.explanation()
                                    : v.projection().explanation()))
                    .append("</td></tr>");
        }
        b.append("</table>");
        if (r.load() != null) {
            b.append("<p>API load (Gatling): ").append(Html.text(r.load().summary()));
            if (r.load().reportIndex() != null) {
                b.append(" — <a href=\"")
                        .append(Html.attr(r.load().reportIndex()))
                        .append("\">Gatling report</a>");
            }
            b.append("</p>");
        }
        b.append("</section>");
    }

    private static void checks(StringBuilder b, RunReport r) {
        if (r.checks().isEmpty()) {
            return;
        }
        b.append("<section><h2>Checks</h2><table><tr><th>check</th><th>service</th><th></th><th>detail</th></tr>");
        for (Check c : r.checks()) {
            b.append("<tr><td>")
                    .append(Html.text(c.name()))
                    .append("</td><td>")
                    .append(Html.text(c.service()))
                    .append("</td><td><span class=\"badge ")
                    .append(c.passed() ? "pass" : "leak")
                    .append("\">")
                    .append(c.passed() ? "ok" : "FAIL")
                    .append("</span></td><td>")
                    .append(Html.text(c.detail()))
                    .append("</td></tr>");
        }
        b.append("</table></section>");
    }

    private static void growth(StringBuilder b, RunReport r) {
        b.append("<section><h2>What grew</h2>");
        boolean any = false;
        for (ServiceVerdict v : r.verdicts()) {
            if (v.growingClasses().isEmpty() && v.growingStores().isEmpty()) {
                continue;
            }
            any = true;
            b.append("<h3>").append(Html.text(v.service())).append("</h3>");
            if (!v.growingStores().isEmpty()) {
                b.append("<p>Growing stores: ")
                        .append(Html.text(String.join("; ", v.growingStores())))
                        .append("</p>");
            }
            if (!v.growingClasses().isEmpty()) {
                b.append("<p class=\"note\">Class histogram diff, sample #")
                        .append(v.histogramFirst())
                        .append(" (start of window) → #")
                        .append(v.histogramLast())
                        .append(" (last)</p>")
                        .append(
                                "<table><tr><th>class</th><th>bytes Δ</th><th>instances Δ</th><th>bytes at end</th></tr>");
                v.growingClasses().stream()
                        .limit(v.outcome() == Outcome.LEAK ? 15 : 5)
                        .forEach(g -> b.append("<tr><td><code>")
                                .append(Html.text(g.className()))
                                .append("</code></td><td>")
                                .append(String.format(Locale.ROOT, "%+,d", g.bytesDelta()))
                                .append("</td><td>")
                                .append(String.format(Locale.ROOT, "%+,d", g.instancesDelta()))
                                .append("</td><td>")
                                .append(String.format(Locale.ROOT, "%,d", g.bytesAfter()))
                                .append("</td></tr>"));
                b.append("</table>");
            }
        }
        if (!any) {
            b.append("<p>Nothing grew between the start of the steady-state window and the end.</p>");
        }
        b.append("</section>");
    }

    private static void setup(StringBuilder b, RunReport r) {
        RunReport.Meta m = r.meta();
        b.append("<section><h2>Set-up</h2><ul><li>")
                .append(Html.text(m.stack()))
                .append("</li><li>metrics: ")
                .append(Html.text(m.metricsSource()))
                .append("</li>");
        if (m.profile() != null) {
            var p = m.profile();
            b.append("<li>profile: ")
                    .append(Html.text(String.format(
                            Locale.ROOT,
                            "%s — %d symbols, %.3g ticks/symbol/simulated s, speed ×%.0f (≈ %.0f ticks/s wall), churn %.0f%%/day, "
                                    + "API %d users ≤ %.0f rps (p99 < %s), sample every %s, heap %s",
                            p.description(),
                            p.symbols(),
                            p.ticksPerSymbolPerSecond(),
                            p.speed(),
                            p.wallTicksPerSecond(),
                            p.churnPerDay() * 100,
                            p.orderApi().users(),
                            p.orderApi().rps(),
                            DurationText.format(p.orderApi().p99()),
                            DurationText.format(p.sampleInterval()),
                            p.heap())))
                    .append("</li>");
        }
        Replayed replayed = Replayed.of(r.samples());
        if (replayed != null) {
            b.append("<li>density: ").append(Html.text(replayed.describe())).append("</li>");
        }
        if (r.sampling() != null && r.sampling().samples() > 0) {
            var o = r.sampling();
            b.append("<li>sampling overhead: ")
                    .append(Html.text(String.format(
                            Locale.ROOT,
                            "%d forced-GC samples, "
                                    + "%.0f ms each on average (max %.0f ms); consumer lag spike across a sample's GCs %.0f records on "
                                    + "average (max %.0f)",
                            o.samples(),
                            o.meanMillis(),
                            o.maxMillis(),
                            o.meanLagSpike(),
                            o.maxLagSpike())))
                    .append("</li>");
        }
        b.append("<li>verdict: post-GC heap after warm-up projected to a production day (table above); context: "
                        + "Theil–Sen slope vs simulated days (MSER, floor ")
                .append(String.format(Locale.ROOT, "%.0f%%", m.policy().warmupFloor() * 100))
                .append(
                        "), moving-block bootstrap 95% CI; PASS when the upper bound &lt; budget, LEAK when the lower bound "
                                + "&gt; budget</li>");
        m.notes().forEach(n -> b.append("<li>").append(Html.text(n)).append("</li>"));
        b.append("</ul><h3>Logs and links</h3><ul>");
        m.logs()
                .forEach((k, v) -> b.append("<li><a href=\"")
                        .append(Html.attr(v))
                        .append("\">")
                        .append(Html.text(k))
                        .append("</a></li>"));
        if (r.load() != null && r.load().reportIndex() != null) {
            b.append("<li><a href=\"").append(Html.attr(r.load().reportIndex())).append("\">Gatling report</a></li>");
        }
        m.dashboards()
                .forEach(d -> b.append("<li>Grafana dashboard: <a href=\"")
                        .append(Html.attr(d))
                        .append("\">")
                        .append(Html.text(d.substring(d.lastIndexOf('/') + 1)))
                        .append("</a></li>"));
        b.append("<li><a href=\"report.json\">report.json</a> (all samples) · <a href=\"junit.xml\">junit.xml</a></li>")
                .append("</ul></section>");
    }

    private static String ci(SlopeInterval s) {
        if (s == null) {
            return "—";
        }
        return String.format(
                Locale.ROOT, "<b>%+.3f</b> <span class=\"ci\">[%+.3f, %+.3f]</span>", s.slope(), s.lower(), s.upper());
    }

    private static String badge(Outcome o) {
        return switch (Objects.requireNonNullElse(o, Outcome.INCONCLUSIVE)) {
            case PASS -> "pass";
            case LEAK -> "leak";
            case INCONCLUSIVE -> "inc";
        };
    }

    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px auto;max-width:1200px;color:#222;padding:0 16px}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
            h3{font-size:15px;margin:16px 0 6px}.sub,.note{color:#555}.note{font-size:12.5px}
            table{border-collapse:collapse;width:100%;font-size:13px}th,td{border:1px solid #e2e2e2;padding:5px 8px;text-align:left;vertical-align:top}
            th{background:#f6f6f6;font-weight:600}.ci{color:#666}
            .badge{display:inline-block;padding:1px 8px;border-radius:10px;font-weight:700;font-size:12px;color:#fff}
            tr.governing td{background:#f3f7ff}
            .pass{background:#2e7d32}.leak{background:#c62828}.inc{background:#ef8f00}
            h1 .badge{font-size:15px;vertical-align:middle}
            .grid{display:flex;flex-wrap:wrap;gap:10px}.chart{border:1px solid #eee;background:#fff}
            .plot{fill:#fcfcfc;stroke:#ccc}.grid line,.chart .grid{stroke:#eee}.ax{font-size:10.5px;fill:#555}
            .ct{font-size:13px;font-weight:600;fill:#222}.lg{font-size:10.5px;fill:#333}.na{fill:#999}
            .warm{fill:#999;opacity:.12}.wl{font-size:10px;fill:#777}.band{fill:#d62728;opacity:.15}.fit{stroke:#d62728;stroke-width:2}
            .failure{background:#fdecea;border:1px solid #f5c2c0;padding:8px 14px;border-radius:6px}pre{white-space:pre-wrap}
            code{font-size:12.5px}
            """;
}
