package io.steadystate.soak.chaos;

import io.steadystate.soak.sampling.Counter;
import io.steadystate.soak.sampling.Sample;
import io.steadystate.soak.sampling.ServiceSample;
import io.steadystate.soak.sampling.StoreSample;
import io.steadystate.soak.verdict.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Is the business still working after the last recovery as it did before the first kill? Compares order-service's
 * flow in two windows of the same run — steady state (after warm-up, before the first kill) and after recovery (the
 * last kill recovered → the end): open brackets, open positions, the acceptance rate of signals and the share of
 * each reject reason. Counters restart with a killed process, so every rate is summed from deltas between samples
 * of the same process. A collapse fails the run and is named: the case of the issue, one far-future tick taking
 * 222 open brackets to 10 and every later order to RATE_LIMIT, fails here as "open brackets collapsed" and
 * "reject reason rate_limit surged".
 */
public final class FlowHealth {

    static final String SERVICE = "order-service";
    static final String BRACKETS = "order-open-brackets";
    /** Fewer signals than this in a window: too few to compare rates. */
    static final int MIN_SIGNALS = 20;

    /** One window's figures. */
    public record Window(
            double fromSeconds,
            double toSeconds,
            int samples,
            double signals,
            double acceptanceRate,
            double meanOpenBrackets,
            double meanOpenPositions,
            Map<String, Double> rejectShares) {}

    public record Result(Window steady, Window afterRecovery, List<String> collapses, String notJudged, Check check) {}

    private FlowHealth() {}

    public static Result judge(List<Sample> samples, double steadyFrom, double steadyTo, double afterFrom) {
        Window steady = window(samples, steadyFrom, steadyTo);
        Window after = window(samples, afterFrom, Double.MAX_VALUE);
        List<String> collapses = new ArrayList<>();
        String notJudged = null;
        if (steady.signals() < MIN_SIGNALS || after.samples() < 3) {
            notJudged = String.format(
                    Locale.ROOT,
                    "not judged: steady state %.0f signals in %d samples, after recovery "
                            + "%d samples (needs ≥ %d signals and ≥ 3 samples)",
                    steady.signals(),
                    steady.samples(),
                    after.samples(),
                    MIN_SIGNALS);
        } else {
            if (after.signals() == 0) {
                collapses.add("no signal processed after recovery");
            }
            if (after.signals() > 0 && after.acceptanceRate() < 0.5 * steady.acceptanceRate()) {
                collapses.add(String.format(
                        Locale.ROOT,
                        "acceptance rate collapsed %.0f %% → %.0f %%",
                        100 * steady.acceptanceRate(),
                        100 * after.acceptanceRate()));
            }
            if (steady.meanOpenBrackets() >= 10 && after.meanOpenBrackets() < 0.25 * steady.meanOpenBrackets()) {
                collapses.add(String.format(
                        Locale.ROOT,
                        "open brackets collapsed %.0f → %.0f",
                        steady.meanOpenBrackets(),
                        after.meanOpenBrackets()));
            }
            if (steady.meanOpenPositions() >= 10 && after.meanOpenPositions() < 0.25 * steady.meanOpenPositions()) {
                collapses.add(String.format(
                        Locale.ROOT,
                        "open positions collapsed %.0f → %.0f",
                        steady.meanOpenPositions(),
                        after.meanOpenPositions()));
            }
            after.rejectShares().forEach((reason, share) -> {
                double before = steady.rejectShares().getOrDefault(reason, 0.0);
                if (share > 0.3 && share > before + 0.3) {
                    collapses.add(String.format(
                            Locale.ROOT,
                            "reject reason %s surged %.0f %% → %.0f %% of signals",
                            reason,
                            100 * before,
                            100 * share));
                }
            });
        }
        String detail = String.format(
                Locale.ROOT,
                "steady state (%.0f–%.0f s): %s; after recovery (from %.0f s): %s%s",
                steady.fromSeconds(),
                steady.toSeconds(),
                describe(steady),
                after.fromSeconds(),
                describe(after),
                notJudged != null
                        ? " — " + notJudged
                        : collapses.isEmpty() ? "" : " — COLLAPSE: " + String.join("; ", collapses));
        return new Result(
                steady,
                after,
                List.copyOf(collapses),
                notJudged,
                new Check("chaos:business-flow", SERVICE, collapses.isEmpty(), detail));
    }

    private static String describe(Window w) {
        return String.format(
                Locale.ROOT,
                "%.0f signals, %.0f %% accepted, open brackets %.0f, open positions %.0f, " + "rejects %s",
                w.signals(),
                100 * w.acceptanceRate(),
                w.meanOpenBrackets(),
                w.meanOpenPositions(),
                shares(w.rejectShares()));
    }

    private static String shares(Map<String, Double> s) {
        List<String> out = new ArrayList<>();
        s.forEach((k, v) -> {
            if (v > 0) {
                out.add(String.format(Locale.ROOT, "%s %.0f %%", k, 100 * v));
            }
        });
        return out.isEmpty() ? "none" : String.join(", ", out);
    }

    static Window window(List<Sample> samples, double from, double to) {
        double accepted = 0;
        double rejected = 0;
        Map<String, Double> rejects = new TreeMap<>();
        double brackets = 0;
        double positions = 0;
        int n = 0;
        ServiceSample previous = null;
        double first = Double.NaN;
        double last = Double.NaN;
        for (Sample s : samples) {
            if (s.elapsedSeconds() < from || s.elapsedSeconds() >= to) {
                continue;
            }
            ServiceSample o = s.service(SERVICE);
            if (o == null || !o.alive() || o.counters().isEmpty()) {
                previous = null;
                continue;
            }
            first = Double.isNaN(first) ? s.elapsedSeconds() : first;
            last = s.elapsedSeconds();
            n++;
            StoreSample st = o.stores().get(BRACKETS);
            brackets += st == null ? 0 : st.entries();
            positions += orZero(o.counter(Counter.OPEN_POSITIONS));
            if (previous != null && same(previous, o)) {
                accepted += delta(previous.counter(Counter.SIGNALS_ACCEPTED), o.counter(Counter.SIGNALS_ACCEPTED));
                rejected += delta(previous.counter(Counter.SIGNALS_REJECTED), o.counter(Counter.SIGNALS_REJECTED));
                for (Map.Entry<String, Double> r : o.rejects().entrySet()) {
                    rejects.merge(r.getKey(), delta(previous.rejects().get(r.getKey()), r.getValue()), Double::sum);
                }
            }
            previous = o;
        }
        double signals = accepted + rejected;
        Map<String, Double> shares = new TreeMap<>();
        rejects.forEach((k, v) -> shares.put(k, signals == 0 ? 0 : v / signals));
        return new Window(
                Double.isNaN(first) ? from : first,
                Double.isNaN(last) ? from : last,
                n,
                signals,
                signals == 0 ? 0 : accepted / signals,
                n == 0 ? 0 : brackets / n,
                n == 0 ? 0 : positions / n,
                shares);
    }

    /** Same process: the start time did not change (a restart resets every counter). */
    private static boolean same(ServiceSample a, ServiceSample b) {
        return a.processStartSeconds() != null
                && b.processStartSeconds() != null
                && Math.abs(a.processStartSeconds() - b.processStartSeconds()) <= 1;
    }

    /** A counter's growth between two samples of one process; a counter not measured counts as 0. */
    private static double delta(Double before, Double after) {
        return Math.max(0, orZero(after) - orZero(before));
    }

    private static double orZero(Double v) {
        return v == null ? 0 : v;
    }
}
