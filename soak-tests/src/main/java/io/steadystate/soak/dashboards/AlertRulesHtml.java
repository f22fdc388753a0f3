package io.steadystate.soak.dashboards;

import java.util.List;

/** The alert rules as evaluated on the run ({@link AlertRulesOnRun}): one row per rule, what held and for how long. */
final class AlertRulesHtml {

    private AlertRulesHtml() {}

    static String table(List<AlertRulesOnRun.Alert> alerts, RunScope run) {
        StringBuilder b = new StringBuilder("<h3>Alert rules on this run</h3><p class=\"vars\">");
        if (run != null) {
            b.append("Each rule's condition (its expr, without <code>for</code>) evaluated at every scrape step of the "
                            + "second half of the steady state, with range selectors longer than half the steady state cut to it; "
                            + "<code>for</code> scaled as the longest range was. Warm-up: the first ")
                    .append(Math.round(Math.max(run.warmupFraction(), AlertRulesOnRun.MIN_WARMUP_FRACTION) * 100))
                    .append(" % of the run. ")
                    .append(
                            run.faultRun()
                                    ? "Fault run: " + AlertRulesOnRun.HEAP_GROWTH + " must fire for "
                                            + PanelHtml.esc(run.faultService()) + "."
                                    : "Clean run: no judged rule may fire (a rule whose range "
                                            + "had to be cut more than " + Math.round(AlertRulesOnRun.MAX_JUDGED_CUT)
                                            + "x is shown, not judged: "
                                            + "its per-hour slope over seconds is within GC noise).");
        }
        b.append("</p><table><tr><th>alert</th><th>state on the run</th><th>held (longest)</th><th>scaled for</th>"
                + "<th>for</th><th>series that held</th><th>evaluated</th></tr>");
        for (AlertRulesOnRun.Alert a : alerts) {
            StringBuilder held = new StringBuilder();
            a.held()
                    .forEach(h -> held.append(held.isEmpty() ? "" : "<br>")
                            .append(PanelHtml.esc(h.labels()
                                    .getOrDefault("service", h.labels().toString())))
                            .append(
                                    h.labels().containsKey("store")
                                            ? " " + PanelHtml.esc(h.labels().get("store"))
                                            : "")
                            .append(": ")
                            .append(h.longest().toSeconds())
                            .append(" s"));
            b.append("<tr><td>")
                    .append(PanelHtml.esc(a.name()))
                    .append("</td><td>")
                    .append(a.state())
                    .append(
                            a.state() == AlertRulesOnRun.State.ERROR || a.state() == AlertRulesOnRun.State.CLUSTER_ONLY
                                    ? " <small>" + PanelHtml.esc(a.detail()) + "</small>"
                                    : "")
                    .append(
                            a.judgedOnCleanRun() || a.state() == AlertRulesOnRun.State.QUIET
                                    ? ""
                                    : " <small>not judged on a clean run: " + a.notJudgedWhy() + "</small>")
                    .append("</td><td>")
                    .append(a.trueFor().toSeconds())
                    .append(" s</td><td>")
                    .append(a.scaledFor().toSeconds())
                    .append(" s</td><td>")
                    .append(AlertRulesOnRun.text(a.forDuration()))
                    .append("</td><td class=\"held\">")
                    .append(held)
                    .append("</td><td><code>")
                    .append(PanelHtml.esc(a.scaledExpr()))
                    .append("</code></td></tr>");
        }
        return b.append("</table>").toString();
    }
}
