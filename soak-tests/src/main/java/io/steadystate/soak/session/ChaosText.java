package io.steadystate.soak.session;

import io.steadystate.soak.chaos.ChaosReport;
import io.steadystate.soak.chaos.KillRecord;
import io.steadystate.soak.poison.PoisonAudit;
import java.io.PrintStream;
import java.util.Locale;

/** The console lines of a run's disruptions: kills and recovery times, accounting from the topics, poison tally. */
final class ChaosText {

    private ChaosText() {}

    static void print(PrintStream out, ChaosReport c) {
        if (c == null) {
            return;
        }
        if (c.plan() != null) {
            out.println("  chaos " + c.plan() + " — process segments " + c.segments()
                    + " (the leak verdict judged each service's last one)");
            for (KillRecord k : c.kills()) {
                out.printf(
                        Locale.ROOT,
                        "    kill %d %-12s planned %5.0f s, killed %s, ready after %s, recovered after %s%s%n",
                        k.index() + 1,
                        k.target(),
                        k.plannedAt(),
                        s(k.killedAt()),
                        s(k.secondsToReady()),
                        s(k.secondsToRecover()),
                        k.note() == null ? "" : " — " + k.note());
            }
            c.recovery()
                    .forEach((t, r) -> out.printf(
                            Locale.ROOT,
                            "    recovery %-12s %d/%d kills recovered, median %s, max %s (ready: median %s)%n",
                            t,
                            r.recovered(),
                            r.kills(),
                            s(r.medianSeconds()),
                            s(r.maxSeconds()),
                            s(r.medianReadySeconds())));
        }
        if (c.accounting() != null) {
            var a = c.accounting();
            out.printf(
                    Locale.ROOT,
                    "  topics: %,d ticks (%,d twice), %,d signals (%,d recomputed) → %,d without an order, "
                            + "%,d with several; %,d order events, %,d twice; %,d fills, %,d twice; %,d positions, %,d ≠ Σ fills%n",
                    a.ticks(),
                    a.duplicateTicks(),
                    a.signals(),
                    a.duplicateSignals(),
                    a.signalsWithoutOrder(),
                    a.signalsWithSeveralOrders(),
                    a.orderEvents(),
                    a.duplicateOrderEvents(),
                    a.fills(),
                    a.duplicateFills(),
                    a.positions(),
                    a.positionsNotEqualFills());
        }
        if (c.poison() != null) {
            out.printf(
                    Locale.ROOT,
                    "  poison %.1f/s: %,d dead letters not from the poison, %d failed sends%n",
                    c.poisonRate(),
                    c.poison().otherDeadLetters(),
                    c.poison().failedSends());
            for (PoisonAudit.Row r : c.poison().rows()) {
                out.printf(
                        Locale.ROOT,
                        "    %-17s %-18s %-17s injected %5d, dead-lettered %-16s %5d%s%n",
                        r.topic(),
                        r.kind(),
                        r.service(),
                        r.injected(),
                        r.expectedReason(),
                        r.deadLettered(),
                        r.deadLettered() == r.injected() ? "" : "  ← " + r.reasons() + ", " + r.missing() + " missing");
            }
        }
    }

    private static String s(Double seconds) {
        return seconds == null ? "—" : String.format(Locale.ROOT, "%.1f s", seconds);
    }
}
