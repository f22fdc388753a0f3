package io.steadystate.soak.session;

import io.steadystate.soak.report.RunReport;
import io.steadystate.soak.verdict.Driver;
import io.steadystate.soak.verdict.DriverFit;
import io.steadystate.soak.verdict.Outcome;
import io.steadystate.soak.verdict.ServiceVerdict;
import io.steadystate.soak.verdict.Workload;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code ./soak calibrate} found: for each planted leak (bytes per tick, in strategy-service) the verdict,
 * and for each clean run whether any service was called LEAK by its heap projection (a false LEAK).
 *
 * @param planted one entry per leaky run, in the order run
 * @param clean   one entry per clean run
 */
public record Calibration(
        String profile, Workload workload, double budgetMbPerDay, List<Planted> planted, List<Clean> clean) {

    public Calibration {
        planted = List.copyOf(planted);
        clean = List.copyOf(clean);
    }

    /**
     * @param bytesPerTick        the leak planted
     * @param mbPerProductionDay  the same at the workload's ticks per day (the truth the verdict should see)
     * @param measuredBytesPerTick the tick fit's slope for strategy-service (NaN when there was none)
     * @param projected           the verdict's MB per production day, slope [lower, upper]
     */
    public record Planted(
            double bytesPerTick,
            double mbPerProductionDay,
            Outcome outcome,
            int exitCode,
            double measuredBytesPerTick,
            double[] projected,
            String runDir,
            String explanation) {}

    /** @param heapLeaks services whose heap projection said LEAK (checks that failed are not counted here) */
    public record Clean(int exitCode, Outcome overall, List<String> heapLeaks, String runDir) {}

    public static Planted planted(double bytesPerTick, Workload w, RunReport r, String runDir) {
        double truth = bytesPerTick * w.perDay(Driver.TICKS) / (1024 * 1024);
        Optional<ServiceVerdict> v = r.verdicts().stream()
                .filter(s -> s.service().equals("strategy-service"))
                .findFirst();
        if (v.isEmpty() || v.get().projection() == null) {
            return new Planted(
                    bytesPerTick,
                    truth,
                    Outcome.INCONCLUSIVE,
                    r.exitCode(),
                    Double.NaN,
                    null,
                    runDir,
                    r.failure() != null ? r.failure() : "no verdict for strategy-service");
        }
        var p = v.get().projection();
        double measured = p.fits().stream()
                .filter(f -> f.driver() == Driver.TICKS)
                .mapToDouble(DriverFit::bytesPerUnit)
                .findFirst()
                .orElse(Double.NaN);
        double[] projected = p.perProductionDay() == null
                ? null
                : new double[] {
                    p.perProductionDay().slope(),
                    p.perProductionDay().lower(),
                    p.perProductionDay().upper()
                };
        // the heap projection's outcome, not the service's: a failed check is not detection of the planted leak
        return new Planted(
                bytesPerTick, truth, p.outcome(), r.exitCode(), measured, projected, runDir, p.explanation());
    }

    public static Clean clean(RunReport r, String runDir) {
        List<String> leaks = r.verdicts().stream()
                .filter(v -> v.projection() != null && v.projection().outcome() == Outcome.LEAK)
                .map(ServiceVerdict::service)
                .toList();
        return new Clean(r.exitCode(), r.overall(), leaks, runDir);
    }

    /** The smallest planted rate the heap projection called LEAK: the measured detection limit. */
    public Optional<Planted> smallestLeak() {
        return planted.stream()
                .filter(p -> p.outcome() == Outcome.LEAK)
                .min(java.util.Comparator.comparingDouble(Planted::bytesPerTick));
    }

    /** Planted leaks the verdict called PASS: the one outcome that must never happen. */
    public List<Planted> missed() {
        return planted.stream().filter(p -> p.outcome() == Outcome.PASS).toList();
    }

    public long falseLeaks() {
        return clean.stream().filter(c -> !c.heapLeaks().isEmpty()).count();
    }

    public String summary() {
        StringBuilder b = new StringBuilder(String.format(
                Locale.ROOT,
                "calibration on profile %s, workload %s, budget %.2f MB per production day%n",
                profile,
                workload.describe(),
                budgetMbPerDay));
        b.append(String.format(
                Locale.ROOT,
                "  %-12s %-18s %-13s %-16s %s%n",
                "planted B/tick",
                "= MB/prod. day",
                "verdict",
                "measured B/tick",
                "projected MB/prod. day [95% CI]"));
        for (Planted p : planted) {
            b.append(String.format(
                    Locale.ROOT,
                    "  %-14.3g %-18.2f %-13s %-16s %s%n",
                    p.bytesPerTick(),
                    p.mbPerProductionDay(),
                    p.outcome(),
                    Double.isNaN(p.measuredBytesPerTick())
                            ? "—"
                            : String.format(Locale.ROOT, "%+.3g", p.measuredBytesPerTick()),
                    p.projected() == null
                            ? "—"
                            : String.format(
                                    Locale.ROOT,
                                    "%+.2f [%+.2f, %+.2f]",
                                    p.projected()[0],
                                    p.projected()[1],
                                    p.projected()[2])));
        }
        b.append(smallestLeak()
                .map(p -> String.format(
                        Locale.ROOT,
                        "  detection limit: smallest planted leak found LEAK = %.3g bytes/tick (%.2f MB per production day)%n",
                        p.bytesPerTick(),
                        p.mbPerProductionDay()))
                .orElse("  detection limit: no planted rate was found LEAK\n"));
        if (!missed().isEmpty()) {
            b.append("  MISSED (PASS on a planted leak): ")
                    .append(missed().stream()
                            .map(p -> String.format(Locale.ROOT, "%.3g B/tick", p.bytesPerTick()))
                            .toList())
                    .append('\n');
        }
        b.append(String.format(
                Locale.ROOT,
                "  clean runs: %d, false LEAK (heap projection) in %d%s%n",
                clean.size(),
                falseLeaks(),
                clean.stream()
                        .filter(c -> !c.heapLeaks().isEmpty())
                        .map(c -> " " + c.heapLeaks() + " in " + c.runDir())
                        .reduce("", String::concat)));
        return b.toString();
    }
}
