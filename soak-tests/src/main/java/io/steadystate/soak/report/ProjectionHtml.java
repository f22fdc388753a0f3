package io.steadystate.soak.report;

import io.steadystate.soak.verdict.DriverFit;
import io.steadystate.soak.verdict.Projection;
import io.steadystate.soak.verdict.ServiceVerdict;
import io.steadystate.soak.verdict.SlopeInterval;
import java.util.Locale;

/** The "what it rests on" part of report.html: every driver's fit and how it scales to a production day. */
final class ProjectionHtml {

    private ProjectionHtml() {}

    static void render(StringBuilder b, RunReport r) {
        var w = r.meta().policy().workload();
        b.append("<section><h2>Projection to a production day</h2><p class=\"note\">Workload: ")
                .append(Html.text(w.describe()))
                .append(". Post-GC heap is fitted (Theil–Sen, block-bootstrap 95% CI) against each driver the soak "
                        + "replayed and scaled by what one production day brings. The drivers that explain the heap "
                        + "about as well as the best (median residual within 1.5× of it, or not worse at significantly more than half the samples: a paired sign test) are candidates; the verdict is the "
                        + "most cautious among them. <i>Bounded filling</i> is recognised two ways: the heap grew in the "
                        + "first half of the window and flattened in the second (judged on the second), or it follows "
                        + "the entries of the service's declared bounded stores better than any event driver — then "
                        + "what the entries explain is subtracted and only the rest is judged; while a store is still "
                        + "filling at the end, a PASS is held back as INCONCLUSIVE, because a leak growing in step "
                        + "with it could not be told apart.</p>");
        b.append("<table><tr><th>service</th><th>driver</th><th>replayed in window</th><th>bytes per event [95% CI]"
                + "</th><th>per production day</th><th>MB / production day [95% CI]</th><th>scatter MB</th></tr>");
        for (ServiceVerdict v : r.verdicts()) {
            Projection p = v.projection();
            if (p == null) {
                continue;
            }
            for (DriverFit f : p.fits()) {
                boolean governs = f.driver() == p.governing();
                SlopeInterval bytes = f.mbPerUnit().scaled(1024 * 1024);
                b.append(governs ? "<tr class=\"governing\">" : "<tr>")
                        .append("<td>")
                        .append(Html.text(v.service()))
                        .append("</td><td>")
                        .append(governs ? "<b>" : "")
                        .append(Html.text(f.driver().label()))
                        .append(governs ? "</b> (verdict)" : "")
                        .append("</td><td>")
                        .append(String.format(Locale.ROOT, "%,.0f", f.replayed()))
                        .append("</td><td>")
                        .append(String.format(
                                Locale.ROOT, "%+.3g [%+.3g, %+.3g]", bytes.slope(), bytes.lower(), bytes.upper()))
                        .append("</td><td>")
                        .append(String.format(Locale.ROOT, "%,.0f", f.productionPerDay()))
                        .append("</td><td>")
                        .append(String.format(
                                Locale.ROOT,
                                "%+.2f [%+.2f, %+.2f]",
                                f.perProductionDay().slope(),
                                f.perProductionDay().lower(),
                                f.perProductionDay().upper()))
                        .append("</td><td>")
                        .append(String.format(Locale.ROOT, "%.2f", f.scatterMb()))
                        .append("</td></tr>");
            }
        }
        b.append("</table></section>");
    }

    static String perDay(Projection p) {
        if (p == null || p.perProductionDay() == null) {
            return "—";
        }
        SlopeInterval s = p.perProductionDay();
        return String.format(
                Locale.ROOT,
                "<b>%+.2f</b> <span class=\"ci\">[%+.2f, %+.2f]</span><br>%s, by %s",
                s.slope(),
                s.lower(),
                s.upper(),
                p.shape().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                Html.text(p.governing().label()));
    }

    static String daysUntilFull(Projection p) {
        if (p == null || p.perProductionDay() == null) {
            return "—";
        }
        if (!Double.isFinite(p.daysUntilFull()) && !Double.isFinite(p.daysUntilFullSoonest())) {
            return "never";
        }
        return String.format(
                Locale.ROOT,
                "%s <span class=\"ci\">[%s, %s]</span>",
                days(p.daysUntilFull()),
                days(p.daysUntilFullSoonest()),
                days(p.daysUntilFullLatest()));
    }

    private static String days(double d) {
        return !Double.isFinite(d)
                ? "never"
                : d < 10 ? String.format(Locale.ROOT, "%.1f", d) : String.format(Locale.ROOT, "%,.0f", d);
    }
}
