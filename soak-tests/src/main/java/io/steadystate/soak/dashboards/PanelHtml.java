package io.steadystate.soak.dashboards;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A panel drawn roughly as Grafana draws it, in plain HTML and inline SVG (no script, opens offline): a time
 * series chart with legend, a stat (last value), or a table (series labels and last value), in the panel's unit.
 */
final class PanelHtml {

    static final String[] PALETTE = {
        "#7eb26d", "#eab839", "#6ed0e0", "#ef843c", "#e24d42", "#1f78c1", "#ba43a9", "#705da0", "#508642", "#cca300",
        "#447ebc", "#c15c17"
    };
    /** Lines drawn per chart; beyond this the legend says how many more there are. */
    static final int MAX_LINES = 12;

    private static final Pattern LEGEND = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private PanelHtml() {}

    record Line(String name, double[] t, double[] v) {}

    static String render(PanelEvaluation e) {
        Dashboard.Panel p = e.panel();
        List<Line> lines = new ArrayList<>();
        for (PanelEvaluation.TargetResult r : e.targets()) {
            for (PrometheusApi.Series s : r.series()) {
                lines.add(new Line(legend(r.target().legendFormat(), s.labels()), s.t(), s.v()));
            }
        }
        StringBuilder b = new StringBuilder("<div class=\"panel")
                .append(e.passed() ? "" : " failed")
                .append("\">");
        b.append("<div class=\"pt\">")
                .append(esc(p.title()))
                .append(" <span class=\"unit\">")
                .append(esc(p.unit()))
                .append("</span></div>");
        switch (p.type()) {
            case "stat", "gauge", "bargauge" -> stat(b, p, lines);
            case "table" -> table(b, p, lines);
            default -> chart(b, p, lines);
        }
        for (String problem : e.problems()) {
            b.append("<div class=\"problem\">✗ ").append(esc(problem)).append("</div>");
        }
        for (PanelEvaluation.TargetResult r : e.targets()) {
            if (r.clusterOnly() != null) {
                b.append("<div class=\"note\">note: target ")
                        .append(esc(r.target().refId()))
                        .append(", ")
                        .append(esc(r.clusterOnly()))
                        .append("</div>");
            }
        }
        b.append("<details><summary>queries</summary>");
        for (PanelEvaluation.TargetResult r : e.targets()) {
            b.append("<code>")
                    .append(esc(r.query()))
                    .append("</code> → ")
                    .append(r.error() != null ? esc(r.error()) : r.series().size() + " series")
                    .append("<br>");
        }
        return b.append("</details></div>").toString();
    }

    static String legend(String format, Map<String, String> labels) {
        if (format == null || format.isBlank() || "__auto".equals(format)) {
            StringBuilder b = new StringBuilder("{");
            labels.forEach((k, v) -> b.append(b.length() > 1 ? ", " : "")
                    .append(k)
                    .append("=\"")
                    .append(v)
                    .append('"'));
            return b.append('}').toString();
        }
        Matcher m = LEGEND.matcher(format);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(labels.getOrDefault(m.group(1), "")));
        }
        return m.appendTail(out).toString();
    }

    private static double last(Line l) {
        for (int i = l.v().length - 1; i >= 0; i--) {
            if (Double.isFinite(l.v()[i])) {
                return l.v()[i];
            }
        }
        return Double.NaN;
    }

    private static void stat(StringBuilder b, Dashboard.Panel p, List<Line> lines) {
        if (lines.isEmpty()) {
            b.append("<div class=\"na\">No data</div>");
        }
        for (Line l : lines.subList(0, Math.min(lines.size(), MAX_LINES))) {
            b.append("<div class=\"stat\"><span class=\"sv\">")
                    .append(esc(GrafanaUnit.format(p.unit(), last(l))))
                    .append("</span> <span class=\"sn\">")
                    .append(esc(l.name()))
                    .append("</span></div>");
        }
    }

    private static void table(StringBuilder b, Dashboard.Panel p, List<Line> lines) {
        b.append("<table><tr><th>series</th><th>last</th></tr>");
        for (Line l : lines) {
            b.append("<tr><td>")
                    .append(esc(l.name()))
                    .append("</td><td>")
                    .append(esc(GrafanaUnit.format(p.unit(), last(l))))
                    .append("</td></tr>");
        }
        b.append("</table>");
    }

    private static void chart(StringBuilder b, Dashboard.Panel p, List<Line> lines) {
        int w = 520, h = 220, left = 74, right = 10, top = 8, bottom = 22;
        double minT = Double.POSITIVE_INFINITY, maxT = Double.NEGATIVE_INFINITY;
        double minV = Double.POSITIVE_INFINITY, maxV = Double.NEGATIVE_INFINITY;
        List<Line> drawn = lines.subList(0, Math.min(lines.size(), MAX_LINES));
        for (Line l : drawn) {
            for (int i = 0; i < l.t().length; i++) {
                if (Double.isFinite(l.v()[i])) {
                    minT = Math.min(minT, l.t()[i]);
                    maxT = Math.max(maxT, l.t()[i]);
                    minV = Math.min(minV, l.v()[i]);
                    maxV = Math.max(maxV, l.v()[i]);
                }
            }
        }
        b.append(String.format(
                Locale.ROOT,
                "<svg viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\">"
                        + "<title>%s</title>",
                w,
                h,
                w,
                h,
                esc(p.title())));
        if (!Double.isFinite(minT)) {
            b.append(String.format(
                    Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"na\">No data</text></svg>", w / 2 - 28, h / 2));
            return;
        }
        if (minV > 0 && minV < (maxV - minV)) {
            minV = 0; // Grafana's soft minimum: positive series start near zero
        }
        if (maxV == minV) {
            maxV = minV + (minV == 0 ? 1 : Math.abs(minV) * 0.1);
        }
        if (maxT == minT) {
            maxT = minT + 1;
        }
        final double t0 = minT, t1 = maxT, v0 = minV, v1 = maxV;
        int pw = w - left - right, ph = h - top - bottom;
        java.util.function.DoubleUnaryOperator sx = t -> left + (t - t0) / (t1 - t0) * pw;
        java.util.function.DoubleUnaryOperator sy = v -> top + ph - (v - v0) / (v1 - v0) * ph;
        for (int i = 0; i <= 4; i++) {
            double v = v0 + (v1 - v0) * i / 4;
            double y = sy.applyAsDouble(v);
            b.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%s</text>",
                    left,
                    left + pw,
                    y,
                    y,
                    left - 4,
                    y + 3,
                    esc(GrafanaUnit.format(p.unit(), v))));
            double t = t0 + (t1 - t0) * i / 4;
            String anchor = i == 0 ? "start" : i == 4 ? "end" : "middle"; // the edge labels stay inside the panel
            b.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"%s\">%s</text>",
                    sx.applyAsDouble(t),
                    h - 6,
                    anchor,
                    CLOCK.format(Instant.ofEpochSecond((long) t))));
        }
        for (int k = 0; k < drawn.size(); k++) {
            Line l = drawn.get(k);
            StringBuilder path = new StringBuilder();
            boolean pen = false;
            for (int i = 0; i < l.t().length; i++) {
                if (!Double.isFinite(l.v()[i])) {
                    pen = false;
                    continue;
                }
                path.append(pen ? " L" : " M")
                        .append(String.format(
                                Locale.ROOT, "%.1f %.1f", sx.applyAsDouble(l.t()[i]), sy.applyAsDouble(l.v()[i])));
                pen = true;
            }
            b.append("<path fill=\"none\" stroke-width=\"1.5\" stroke=\"")
                    .append(PALETTE[k % PALETTE.length])
                    .append("\" d=\"")
                    .append(path.toString().trim())
                    .append("\"/>");
        }
        b.append("</svg><div class=\"legend\">");
        for (int k = 0; k < drawn.size(); k++) {
            b.append("<span><i style=\"background:")
                    .append(PALETTE[k % PALETTE.length])
                    .append("\"></i>")
                    .append(esc(drawn.get(k).name()))
                    .append(" <small>")
                    .append(esc(GrafanaUnit.format(p.unit(), last(drawn.get(k)))))
                    .append("</small></span>");
        }
        if (lines.size() > drawn.size()) {
            b.append("<span>… ").append(lines.size() - drawn.size()).append(" more series</span>");
        }
        b.append("</div>");
    }

    static String esc(String s) {
        return s == null
                ? ""
                : s.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;");
    }
}
