package io.steadystate.soak.report;

import io.steadystate.soak.chaos.ChaosReport;
import io.steadystate.soak.chaos.KillRecord;
import io.steadystate.soak.poison.PoisonAudit;
import io.steadystate.soak.sampling.Sample;
import java.util.List;
import java.util.Locale;

/**
 * report.html's disruption section: the chaos timeline (one lane per target: killed → ready → lag drained, on the
 * run's wall clock), the kill table with recovery times, the topic accounting and the poison tally. The heap charts
 * get a dashed line where each kill happened ({@link #markKills}).
 */
final class ChaosHtml {

    private ChaosHtml() {}

    static void render(StringBuilder b, RunReport r) {
        ChaosReport c = r.disruption();
        if (c == null) {
            return;
        }
        b.append("<section><h2>Disruptions</h2>");
        if (c.plan() != null) {
            b.append("<p class=\"note\">Chaos plan <code>")
                    .append(Html.text(c.plan()))
                    .append("</code>. Each service's "
                            + "leak verdict is judged on its last process segment, after that restart's own warm-up (30 s past its "
                            + "recovery at least; too short a rest is INCONCLUSIVE) (segments seen: ")
                    .append(Html.text(String.valueOf(c.segments())))
                    .append(").</p>");
            b.append(timeline(c.kills(), r.samples()));
            b.append(
                    "<table><tr><th>#</th><th>target</th><th>planned (s)</th><th>killed (s)</th><th>restarted (s)</th>"
                            + "<th>kill → ready (s)</th><th>kill → recovered (s)</th><th>lag before → limit</th><th>note</th></tr>");
            for (KillRecord k : c.kills()) {
                b.append("<tr><td>")
                        .append(k.index() + 1)
                        .append("</td><td>")
                        .append(Html.text(k.target()))
                        .append("</td><td>")
                        .append(f(k.plannedAt()))
                        .append("</td><td>")
                        .append(f(k.killedAt()))
                        .append("</td><td>")
                        .append(f(k.restartedAt()))
                        .append("</td><td>")
                        .append(f(k.secondsToReady()))
                        .append("</td><td>")
                        .append(f(k.secondsToRecover()))
                        .append("</td><td>")
                        .append(k.lagBefore() == null ? "?" : k.lagBefore())
                        .append(" → ")
                        .append(k.lagLimit())
                        .append("</td><td>")
                        .append(Html.text(k.note() == null ? "" : k.note()))
                        .append("</td></tr>");
            }
            b.append("</table><table><tr><th>target</th><th>kills</th><th>recovered</th><th>median (s)</th>"
                    + "<th>max (s)</th><th>median to ready (s)</th></tr>");
            c.recovery()
                    .forEach((t, rec) -> b.append("<tr><td>")
                            .append(Html.text(t))
                            .append("</td><td>")
                            .append(rec.kills())
                            .append("</td><td>")
                            .append(rec.recovered())
                            .append("</td><td>")
                            .append(f(rec.medianSeconds()))
                            .append("</td><td>")
                            .append(f(rec.maxSeconds()))
                            .append("</td><td>")
                            .append(f(rec.medianReadySeconds()))
                            .append("</td></tr>"));
            b.append("</table>");
            if (c.flow() != null) {
                b.append("<p>Business flow: ")
                        .append(Html.text(c.flow().check().detail()))
                        .append("</p>");
            }
        }
        if (c.poison() != null) {
            b.append(String.format(
                    Locale.ROOT,
                    "<h3>Poison: %.1f hostile records/s</h3><table><tr><th>topic</th>"
                            + "<th>kind</th><th>service</th><th>injected</th><th>expected reason</th><th>dead-lettered so</th>"
                            + "<th>reasons seen</th><th>not dead-lettered</th><th>again (replay)</th></tr>",
                    c.poisonRate()));
            for (PoisonAudit.Row row : c.poison().rows()) {
                b.append("<tr")
                        .append(row.deadLettered() == row.injected() ? "" : " class=\"bad\"")
                        .append("><td>")
                        .append(Html.text(row.topic()))
                        .append("</td><td>")
                        .append(Html.text(row.kind()))
                        .append("</td><td>")
                        .append(Html.text(row.service()))
                        .append("</td><td>")
                        .append(row.injected())
                        .append("</td><td>")
                        .append(Html.text(row.expectedReason()))
                        .append("</td><td>")
                        .append(row.deadLettered())
                        .append("</td><td>")
                        .append(Html.text(String.valueOf(row.reasons())))
                        .append("</td><td>")
                        .append(row.missing())
                        .append("</td><td>")
                        .append(row.deadLetteredAgain())
                        .append("</td></tr>");
            }
            b.append("</table>");
        }
        b.append("</section>");
    }

    /** One lane per target over the run's wall clock: red tick = kill, orange = down until ready, yellow = draining. */
    static String timeline(List<KillRecord> kills, List<Sample> samples) {
        double end = samples.isEmpty()
                ? 1
                : Math.max(1, samples.get(samples.size() - 1).elapsedSeconds());
        List<String> lanes = kills.stream().map(KillRecord::target).distinct().toList();
        int w = 900;
        int left = 110;
        int lane = 22;
        int h = 30 + lane * lanes.size();
        double scale = (w - left - 10) / end;
        StringBuilder svg = new StringBuilder(String.format(
                Locale.ROOT,
                "<svg class=\"chart\" viewBox=\"0 0 %d %d\" "
                        + "width=\"%d\" height=\"%d\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\"><title>chaos timeline"
                        + "</title>",
                w,
                h,
                w,
                h));
        for (int i = 0; i < lanes.size(); i++) {
            int y = 10 + i * lane;
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"4\" y=\"%d\" class=\"ax\">%s</text><line x1=\"%d\" x2=\"%d\" "
                            + "y1=\"%d\" y2=\"%d\" class=\"grid\"/>",
                    y + 13,
                    Html.text(lanes.get(i)),
                    left,
                    w - 10,
                    y + 9,
                    y + 9));
        }
        for (KillRecord k : kills) {
            if (k.killedAt() == null) {
                continue;
            }
            int y = 10 + lanes.indexOf(k.target()) * lane;
            double x0 = left + k.killedAt() * scale;
            double ready = k.readyAt() == null ? end : k.readyAt();
            double drained = k.drainedAt() == null ? ready : Math.max(ready, k.drainedAt());
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"14\" fill=\"#e67e22\">"
                            + "<title>%s down %.1f s</title></rect>",
                    x0,
                    y + 2,
                    Math.max(1, (ready - k.killedAt()) * scale),
                    Html.text(k.target()),
                    ready - k.killedAt()));
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"14\" fill=\"#f1c40f\">"
                            + "<title>draining %.1f s</title></rect>",
                    left + ready * scale,
                    y + 2,
                    Math.max(0, (drained - ready) * scale),
                    drained - ready));
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#c0392b\" " + "stroke-width=\"2\"/>",
                    x0,
                    x0,
                    y,
                    y + 18));
        }
        for (int t = 0; t <= 4; t++) {
            double sec = end * t / 4;
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" class=\"ax\" text-anchor=\"middle\">%.0f s" + "</text>",
                    left + sec * scale,
                    h - 4,
                    sec));
        }
        return svg.append("</svg>").toString();
    }

    /** A dashed line on a chart in simulated days where each kill happened (interpolated from the samples). */
    static void markKills(SvgChart chart, List<KillRecord> kills, List<Sample> samples) {
        for (KillRecord k : kills) {
            if (k.killedAt() != null) {
                chart.marker(simDaysAt(samples, k.killedAt()), "✕ " + k.target());
            }
        }
    }

    static double simDaysAt(List<Sample> samples, double seconds) {
        Sample before = null;
        for (Sample s : samples) {
            if (s.elapsedSeconds() >= seconds) {
                if (before == null || s.elapsedSeconds() == before.elapsedSeconds()) {
                    return s.simDaysElapsed();
                }
                double f = (seconds - before.elapsedSeconds()) / (s.elapsedSeconds() - before.elapsedSeconds());
                return before.simDaysElapsed() + f * (s.simDaysElapsed() - before.simDaysElapsed());
            }
            before = s;
        }
        return before == null ? Double.NaN : before.simDaysElapsed();
    }

    private static String f(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.1f", v);
    }
}
