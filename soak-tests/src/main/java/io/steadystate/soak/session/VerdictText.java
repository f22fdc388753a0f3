package io.steadystate.soak.session;

import io.steadystate.soak.report.Replayed;
import io.steadystate.soak.report.RunReport;
import io.steadystate.soak.verdict.Outcome;
import io.steadystate.soak.verdict.Projection;
import java.io.PrintStream;
import java.util.Locale;

/** The verdict block printed at the end of a run and by {@code ./soak report}: production units first. */
public final class VerdictText {

    private VerdictText() {}

    public static void print(PrintStream out, RunReport r) {
        out.println("soak: projected to a production day of "
                + r.meta().policy().workload().describe()
                + String.format(
                        Locale.ROOT,
                        "; budget %.2f MB per production day",
                        r.meta().policy().budgetMbPerDay()));
        r.verdicts().forEach(v -> {
            Projection p = v.projection();
            out.printf(
                    Locale.ROOT,
                    "  %-20s %-12s %s%n",
                    v.service(),
                    v.outcome(),
                    p == null ? v.heap().explanation() : p.explanation());
            if (v.heap().perDay() != null) {
                out.printf(
                        Locale.ROOT,
                        "  %-20s %-12s context: %+.3f [%+.3f, %+.3f] MB per simulated day%n",
                        "",
                        "",
                        v.heap().perDay().slope(),
                        v.heap().perDay().lower(),
                        v.heap().perDay().upper());
            }
        });
        r.verdicts().stream()
                .filter(v -> v.outcome() == Outcome.LEAK && !v.growingClasses().isEmpty())
                .forEach(v -> out.printf(
                        Locale.ROOT,
                        "  %s top growing classes: %s%n",
                        v.service(),
                        v.growingClasses().stream()
                                .limit(3)
                                .map(g -> g.className() + " +" + g.bytesDelta() / 1024 + " KB")
                                .toList()));
        ChaosText.print(out, r.disruption());
        r.checks().stream()
                .filter(c -> !c.passed())
                .forEach(c -> out.printf(Locale.ROOT, "  FAILED %s [%s]: %s%n", c.name(), c.service(), c.detail()));
        Replayed replayed = Replayed.of(r.samples());
        if (replayed != null) {
            out.println("  density: " + replayed.describe());
        }
        if (r.sampling() != null && r.sampling().samples() > 0) {
            out.printf(
                    Locale.ROOT,
                    "  sampling overhead: %.0f ms per sample (max %.0f), lag spike across forced GCs "
                            + "%.0f records on average (max %.0f)%n",
                    r.sampling().meanMillis(),
                    r.sampling().maxMillis(),
                    r.sampling().meanLagSpike(),
                    r.sampling().maxLagSpike());
        }
    }
}
