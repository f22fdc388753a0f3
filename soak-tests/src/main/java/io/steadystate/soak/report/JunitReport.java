package io.steadystate.soak.report;

import io.steadystate.soak.verdict.Check;
import io.steadystate.soak.verdict.Outcome;
import io.steadystate.soak.verdict.ServiceVerdict;
import java.util.Locale;

/**
 * JUnit XML for CI: one testcase per service verdict (LEAK = failure, INCONCLUSIVE = skipped with the reason,
 * so CI shows it without going red) and one per check; a failed run is one errored testcase.
 */
final class JunitReport {

    private JunitReport() {}

    static String render(RunReport r) {
        StringBuilder cases = new StringBuilder();
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        int errors = 0;
        if (r.failure() != null) {
            tests++;
            errors++;
            cases.append("  <testcase classname=\"soak.run\" name=\"run\">\n    <error message=\"")
                    .append(Html.attr(r.failure()))
                    .append("\"/>\n  </testcase>\n");
        }
        for (ServiceVerdict v : r.verdicts()) {
            tests++;
            cases.append("  <testcase classname=\"soak.heap\" name=\"")
                    .append(Html.attr(v.service()))
                    .append("\">\n");
            String text = v.projection() == null
                    ? v.heap().explanation()
                    : v.projection().explanation();
            if (v.outcome() == Outcome.LEAK) {
                failures++;
                cases.append("    <failure message=\"")
                        .append(Html.attr(text))
                        .append("\">")
                        .append(Html.text(String.join(
                                "\n",
                                v.growingClasses().stream()
                                        .map(g -> String.format(
                                                Locale.ROOT, "%s +%d bytes", g.className(), g.bytesDelta()))
                                        .toList())))
                        .append("</failure>\n");
            } else if (v.outcome() == Outcome.INCONCLUSIVE) {
                skipped++;
                cases.append("    <skipped message=\"").append(Html.attr(text)).append("\"/>\n");
            } else {
                cases.append("    <system-out>").append(Html.text(text)).append("</system-out>\n");
            }
            cases.append("  </testcase>\n");
        }
        for (Check c : r.checks()) {
            tests++;
            cases.append("  <testcase classname=\"soak.check.")
                    .append(Html.attr(c.service()))
                    .append("\" name=\"")
                    .append(Html.attr(c.name()))
                    .append("\">\n");
            if (!c.passed()) {
                failures++;
                cases.append("    <failure message=\"")
                        .append(Html.attr(c.detail()))
                        .append("\"/>\n");
            } else {
                cases.append("    <system-out>").append(Html.text(c.detail())).append("</system-out>\n");
            }
            cases.append("  </testcase>\n");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"soak."
                + Html.attr(r.meta().profileName()) + "\" tests=\"" + tests + "\" failures=\"" + failures
                + "\" errors=\"" + errors
                + "\" skipped=\"" + skipped + "\">\n" + cases + "</testsuite>\n";
    }
}
