package io.steadystate.soak.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small inline-SVG line/point chart: no script, no CDN, opens offline. Series are lines or points; an optional
 * fitted slope is drawn with its CI as a bow-tie band around the window's centre, and the warm-up is shaded.
 */
final class SvgChart {

    static final String[] PALETTE = {
        "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22"
    };

    record Series(String label, double[] x, double[] y, boolean points) {}

    /** y = intercept + slope·x on [x0, x1]; the band has slopes lower/upper through the window's centre. */
    record Fit(double x0, double x1, double intercept, double slope, double lower, double upper) {}

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private Fit fit;
    private double warmupUntil = Double.NaN;
    /** Vertical lines at x with a short label (chaos: where a process was killed). */
    private final List<Marker> markers = new ArrayList<>();

    record Marker(double x, String label) {}

    SvgChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    SvgChart add(Series s) {
        series.add(s);
        return this;
    }

    SvgChart fit(Fit f) {
        this.fit = f;
        return this;
    }

    SvgChart marker(double x, String label) {
        markers.add(new Marker(x, label));
        return this;
    }

    SvgChart warmup(double until) {
        this.warmupUntil = until;
        return this;
    }

    String render() {
        int w = 560;
        int h = 250;
        int left = 62;
        int right = 12;
        int top = 28;
        int bottom = 58;
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i])) {
                    minX = Math.min(minX, s.x()[i]);
                    maxX = Math.max(maxX, s.x()[i]);
                    minY = Math.min(minY, s.y()[i]);
                    maxY = Math.max(maxY, s.y()[i]);
                }
            }
        }
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg class=\"chart\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
                        + "role=\"img\" xmlns=\"http://www.w3.org/2000/svg\"><title>%s</title>",
                w,
                h,
                w,
                h,
                Html.text(title)));
        svg.append(
                String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" class=\"ct\">%s</text>", left, Html.text(title)));
        if (!Double.isFinite(minX)) {
            svg.append(String.format(
                    Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"na\">no data</text></svg>", w / 2 - 30, h / 2));
            return svg.toString();
        }
        if (maxX == minX) {
            maxX = minX + 1;
        }
        double pad = (maxY - minY) * 0.08;
        if (pad == 0) {
            pad = Math.max(1, Math.abs(maxY) * 0.05);
        }
        minY -= pad;
        maxY += pad;
        if (minY > 0 && minY < (maxY - minY) * 0.5) {
            minY = 0;
        }
        double x0 = minX, x1 = maxX, y0 = minY, y1 = maxY;
        int pw = w - left - right, ph = h - top - bottom;
        java.util.function.DoubleUnaryOperator sx = x -> left + (x - x0) / (x1 - x0) * pw;
        java.util.function.DoubleUnaryOperator sy = y -> top + ph - (y - y0) / (y1 - y0) * ph;

        svg.append(String.format(
                Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" class=\"plot\"/>", left, top, pw, ph));
        if (Double.isFinite(warmupUntil) && warmupUntil > x0) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" class=\"warm\"/>"
                            + "<text x=\"%d\" y=\"%d\" class=\"wl\">warm-up</text>",
                    left,
                    top,
                    sx.applyAsDouble(Math.min(warmupUntil, x1)) - left,
                    ph,
                    left + 4,
                    top + 12));
        }
        for (Marker m : markers) {
            if (Double.isFinite(m.x()) && m.x() >= x0 && m.x() <= x1) {
                double px = sx.applyAsDouble(m.x());
                svg.append(String.format(
                        Locale.ROOT,
                        "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" "
                                + "stroke=\"#c0392b\" stroke-dasharray=\"3,2\"/><text x=\"%.1f\" y=\"%d\" class=\"wl\" "
                                + "fill=\"#c0392b\">%s</text>",
                        px,
                        px,
                        top,
                        top + ph,
                        px + 2,
                        top + ph - 4,
                        Html.text(m.label())));
            }
        }
        for (int i = 0; i <= 4; i++) {
            double yv = y0 + (y1 - y0) * i / 4;
            double py = sy.applyAsDouble(yv);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" class=\"ax\" text-anchor=\"end\">%s</text>",
                    left,
                    left + pw,
                    py,
                    py,
                    left - 4,
                    py + 4,
                    tick(yv)));
            double xv = x0 + (x1 - x0) * i / 4;
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" class=\"ax\" text-anchor=\"middle\">%s</text>",
                    sx.applyAsDouble(xv),
                    top + ph + 14,
                    tick(xv)));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" class=\"ax\" text-anchor=\"middle\">%s</text>",
                left + pw / 2,
                top + ph + 28,
                Html.text(xLabel)));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"12\" y=\"%d\" class=\"ax\" transform=\"rotate(-90 12 %d)\" "
                        + "text-anchor=\"middle\">%s</text>",
                top + ph / 2,
                top + ph / 2,
                Html.text(yLabel)));
        if (fit != null) {
            double cx = (fit.x0() + fit.x1()) / 2;
            double cy = fit.intercept() + fit.slope() * cx;
            double[][] band = {
                {fit.x0(), cy + fit.lower() * (fit.x0() - cx)},
                {fit.x1(), cy + fit.upper() * (fit.x1() - cx)},
                {fit.x1(), cy + fit.lower() * (fit.x1() - cx)},
                {fit.x0(), cy + fit.upper() * (fit.x0() - cx)}
            };
            svg.append("<polygon class=\"band\" points=\"");
            // bow-tie: (x0, lower-line) → (x1, upper-line) → (x1, lower-line) → (x0, upper-line)
            for (double[] p : band) {
                svg.append(String.format(
                        Locale.ROOT, "%.1f,%.1f ", sx.applyAsDouble(p[0]), sy.applyAsDouble(clamp(p[1], y0, y1))));
            }
            svg.append("\"/>");
            svg.append(String.format(
                    Locale.ROOT,
                    "<line class=\"fit\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
                    sx.applyAsDouble(fit.x0()),
                    sy.applyAsDouble(clamp(fit.intercept() + fit.slope() * fit.x0(), y0, y1)),
                    sx.applyAsDouble(fit.x1()),
                    sy.applyAsDouble(clamp(fit.intercept() + fit.slope() * fit.x1(), y0, y1))));
        }
        int legendX = left;
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            String color = PALETTE[k % PALETTE.length];
            if (s.points()) {
                for (int i = 0; i < s.x().length; i++) {
                    if (Double.isFinite(s.y()[i])) {
                        svg.append(String.format(
                                Locale.ROOT,
                                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.4\" fill=\"%s\"/>",
                                sx.applyAsDouble(s.x()[i]),
                                sy.applyAsDouble(s.y()[i]),
                                color));
                    }
                }
            } else {
                StringBuilder path = new StringBuilder();
                for (int i = 0; i < s.x().length; i++) {
                    if (Double.isFinite(s.y()[i])) {
                        path.append(path.length() == 0 ? "M" : "L")
                                .append(String.format(
                                        Locale.ROOT,
                                        "%.1f,%.1f ",
                                        sx.applyAsDouble(s.x()[i]),
                                        sy.applyAsDouble(s.y()[i])));
                    }
                }
                svg.append("<path fill=\"none\" stroke-width=\"1.6\" stroke=\"")
                        .append(color)
                        .append("\" d=\"")
                        .append(path)
                        .append("\"/>");
            }
            int ly = h - 12;
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                            + "<text x=\"%d\" y=\"%d\" class=\"lg\">%s</text>",
                    legendX,
                    ly - 9,
                    color,
                    legendX + 13,
                    ly,
                    Html.text(s.label())));
            legendX += 20 + Math.min(160, s.label().length() * 6);
        }
        return svg.append("</svg>").toString();
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    static String tick(double v) {
        double a = Math.abs(v);
        if (a >= 1e6) {
            return String.format(Locale.ROOT, "%.1fM", v / 1e6);
        }
        if (a >= 1e4) {
            return String.format(Locale.ROOT, "%.0fk", v / 1e3);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, a >= 10 ? "%.1f" : "%.2f", v);
    }
}
