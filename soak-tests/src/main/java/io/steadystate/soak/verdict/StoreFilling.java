package io.steadystate.soak.verdict;

import java.util.Arrays;

/**
 * Heap growth that the service's own bounded stores explain: the heap rises with Σ store entries, and those
 * entries cannot pass the stores' declared capacity. Measured on a clean 2-minute smoke: order-service's
 * {@code order-history} filled to its 10,000 entries during the run, the heap rose 3.6 MB with it and then held
 * — yet fitted against ticks alone that reads as +105 MB per production day. Subtracting what the entries explain
 * and judging the rest separates "a store filling to its bound" from "something else growing" even while the
 * store is still filling, which the flat-half test ({@link ProductionProjector}) cannot.
 *
 * <p>Used only when the entries explain the heap at least as well as the best event driver: a leak that keeps
 * growing after the stores have settled makes the entries fit worse than the leak's own driver, so it is never
 * absorbed. A leak that grows exactly with a store still filling cannot be told apart from it; then the residual
 * can at best be INCONCLUSIVE ({@link #stillFilling}).
 *
 * @param mbPerEntry    Theil–Sen slope of post-GC heap against Σ entries, MB per entry, with its bootstrap CI
 * @param entriesStart  Σ entries at the start of the judged window
 * @param entriesEnd    Σ entries at its end
 * @param capacity      Σ declared capacity at the end (NaN when a store declares none)
 * @param stillFilling  the last quarter of the window set a new high of the entries (by more than
 *                      {@value #STILL_FILLING} of the earlier high): a store whose entries only move up and down
 *                      around its level is not filling
 * @param scatterMb     median absolute residual of the entries fit
 */
public record StoreFilling(
        SlopeInterval mbPerEntry,
        double entriesStart,
        double entriesEnd,
        double capacity,
        boolean stillFilling,
        double scatterMb) {

    /** A new high of the entries in the last quarter, by more than this share of the earlier high: still filling. */
    static final double STILL_FILLING = 0.02;

    /**
     * @param y            post-GC heap in MB over the window
     * @param bestScatter  the smallest median residual of the event-driver fits on the same window
     * @return the filling, or null when the stores did not grow or do not explain the heap as well as a driver does
     */
    static StoreFilling find(
            HeapSeries series, double[] y, int start, int end, double bestScatter, BlockBootstrap bootstrap) {
        double[] entries = Arrays.copyOfRange(series.storeEntries(), start, end);
        if (entries.length < 3
                || Arrays.stream(entries).anyMatch(v -> !Double.isFinite(v))
                || Arrays.stream(entries).distinct().count() < 3
                || !(entries[entries.length - 1] > entries[0])) {
            return null;
        }
        SlopeInterval perEntry = bootstrap.slopeInterval(entries, y);
        if (!(perEntry.lower() > 0)) {
            return null;
        }
        double[] residuals = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            residuals[i] = Math.abs(y[i] - (perEntry.intercept() + perEntry.slope() * entries[i]));
        }
        double scatter = TheilSen.median(residuals, residuals.length);
        if (scatter > bestScatter + 1e-9) {
            return null;
        }
        double last = entries[entries.length - 1];
        int quarter = (entries.length * 3) / 4;
        double before = Arrays.stream(entries, 0, quarter).max().orElse(entries[0]);
        double after = Arrays.stream(entries, quarter, entries.length).max().orElse(last);
        boolean filling = after - before > STILL_FILLING * Math.max(before, 1);
        return new StoreFilling(perEntry, entries[0], last, series.storeCapacity()[end - 1], filling, scatter);
    }

    /** The heap with what the entries explain taken out (relative to the window's first sample). */
    double[] residual(HeapSeries series, double[] y, int start) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i] - mbPerEntry.slope() * (series.storeEntries()[start + i] - entriesStart);
        }
        return out;
    }

    /** The heap once every store holds its capacity, at the fitted MB per entry; NaN when capacity is unknown. */
    double mbAtCapacity(double heapNowMb) {
        return Double.isFinite(capacity)
                ? heapNowMb + mbPerEntry.slope() * Math.max(0, capacity - entriesEnd)
                : Double.NaN;
    }

    public double bytesPerEntry() {
        return mbPerEntry.slope() * 1024 * 1024;
    }
}
