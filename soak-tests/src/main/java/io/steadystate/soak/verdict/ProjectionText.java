package io.steadystate.soak.verdict;

import java.util.List;
import java.util.Locale;

/**
 * The sentence a {@link Projection} carries as its explanation (report.json {@code explanation}, the terminal, the
 * HTML table): the governing driver's rate per production day, where its CI lies against the budget, when the
 * heap is full, what else was fitted and what the bounded stores explain. Text only: every figure in it was
 * decided by {@link ProductionProjector}.
 *
 * @param budget       MB per production day the verdict is judged against
 * @param noiseFloorMb what the heap moves on its own, quoted when a CI over the budget is not enough for LEAK
 * @param heapMb       the workload's heap: "heap full" counts towards it
 */
record ProjectionText(double budget, double noiseFloorMb, double heapMb) {

    String explain(
            ProductionProjector.Judged used,
            Shape shape,
            boolean flatHalf,
            List<DriverFit> fits,
            double heapNow,
            double days,
            double soonest,
            double latest,
            double extra) {
        Outcome outcome = used.outcome();
        DriverFit g = used.governing();
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "%s MB per production day (per %s: %s bytes/%s × %,.0f %s a day)",
                interval(g.perProductionDay()),
                g.driver().unit(),
                bytes(g),
                g.driver().unit(),
                g.productionPerDay(),
                g.driver().label()));
        b.append(
                switch (outcome) {
                    case PASS -> String.format(Locale.ROOT, ", CI under the %.2f MB/day budget", budget);
                    case LEAK -> String.format(Locale.ROOT, ", CI over the %.2f MB/day budget", budget);
                    case INCONCLUSIVE ->
                        used.underFloor()
                                ? String.format(
                                        Locale.ROOT,
                                        ", CI over the %.2f MB/day budget, but "
                                                + "the window grew by no more than the heap moves on its own (%.2f MB at the CI's lower bound; a "
                                                + "trend needs more than the %.2f MB noise floor and more than the largest jump between samples): "
                                                + "run longer or denser",
                                        budget,
                                        g.mbPerUnit().lower() * g.replayed(),
                                        noiseFloorMb)
                                : String.format(
                                        Locale.ROOT,
                                        ", CI contains the %.2f MB/day budget%s",
                                        budget,
                                        Double.isNaN(extra)
                                                ? " and sits on it"
                                                : String.format(
                                                        Locale.ROOT,
                                                        "; run ≈ %.1f more minutes",
                                                        Math.max(0.1, extra)));
                });
        if (flatHalf) {
            b.append("; bounded filling: grew early in the window and flattened, judged on the flat half");
        } else if (Double.isFinite(days)) {
            b.append(String.format(
                    Locale.ROOT,
                    "; %.0f MB heap full in %s days [%s, %s] from %.1f MB",
                    heapMb,
                    daysText(days),
                    daysText(soonest),
                    daysText(latest),
                    heapNow));
        }
        if (fits.size() > 1) {
            b.append(shape == Shape.BOUNDED_FILLING ? "; whole window: " : "; also fitted: ");
            b.append(String.join(
                    ", ",
                    fits.stream()
                            .filter(f -> shape == Shape.BOUNDED_FILLING || f != g)
                            .map(f -> String.format(
                                    Locale.ROOT,
                                    "%s %s MB/day (scatter %.2f MB)",
                                    f.driver().label(),
                                    interval(f.perProductionDay()),
                                    f.scatterMb()))
                            .toList()));
        }
        return b.toString();
    }

    String stores(StoreFilling f, double atCapacity) {
        String full = Double.isFinite(atCapacity)
                ? String.format(
                        Locale.ROOT,
                        " (at capacity, %,.0f entries: ≈ %.0f MB" + " of the %.0f MB heap%s)",
                        f.capacity(),
                        atCapacity,
                        heapMb,
                        atCapacity > heapMb ? " — OVER the heap: the stores are sized larger than the heap holds" : "")
                : "";
        return String.format(
                Locale.ROOT,
                "; bounded filling: the heap follows the bounded stores (%+.0f bytes per "
                        + "entry, %,.0f → %,.0f entries%s), judged on what they do not explain%s",
                f.bytesPerEntry(),
                f.entriesStart(),
                f.entriesEnd(),
                full,
                f.stillFilling()
                        ? "; the stores were still filling at the end, so a leak growing with them cannot be told "
                                + "apart: run until they settle"
                        : "");
    }

    static String interval(SlopeInterval s) {
        return String.format(Locale.ROOT, "%+.2f [%+.2f, %+.2f]", s.slope(), s.lower(), s.upper());
    }

    private static String bytes(DriverFit f) {
        return String.format(Locale.ROOT, "%+.3g", f.bytesPerUnit());
    }

    static String daysText(double d) {
        if (!Double.isFinite(d)) {
            return "never";
        }
        return d < 10 ? String.format(Locale.ROOT, "%.1f", d) : String.format(Locale.ROOT, "%,.0f", d);
    }
}
