package io.steadystate.soak.verdict;

import java.util.EnumMap;
import java.util.Map;

/**
 * One service's series as the verdict sees it, index-aligned.
 *
 * @param simDays        simulated days since the start of the run (the x of the simulated-day slope)
 * @param events         events processed by this service since the start (x for "per million events")
 * @param postGcBytes    live heap right after a (forced) full GC
 * @param storeEntries   Σ entries over the service's stores (also used to find the end of warm-up)
 * @param storeCapacity  Σ declared capacity over the same stores (NaN where not exported): how far they can fill
 * @param wallSeconds    wall-clock seconds since the start (to translate "run longer" into minutes)
 * @param drivers        cumulative counts of what the stack replayed (ticks, orders, listings; TIME = simDays):
 *                       the x of the production projection. A driver that was not measured is absent.
 */
public record HeapSeries(
        String service,
        double[] simDays,
        double[] events,
        double[] postGcBytes,
        double[] storeEntries,
        double[] storeCapacity,
        double[] wallSeconds,
        Map<Driver, double[]> drivers) {

    public HeapSeries {
        int n = simDays.length;
        if (events.length != n
                || postGcBytes.length != n
                || storeEntries.length != n
                || storeCapacity.length != n
                || wallSeconds.length != n) {
            throw new IllegalArgumentException("series of " + service + " differ in length");
        }
        EnumMap<Driver, double[]> copy = new EnumMap<>(Driver.class);
        copy.putAll(drivers);
        copy.put(Driver.TIME, simDays);
        for (Map.Entry<Driver, double[]> e : copy.entrySet()) {
            if (e.getValue().length != n) {
                throw new IllegalArgumentException("driver " + e.getKey() + " of " + service + " differs in length");
            }
        }
        drivers = Map.copyOf(copy);
    }

    /** A series whose stores' capacity is unknown. */
    public HeapSeries(
            String service,
            double[] simDays,
            double[] events,
            double[] postGcBytes,
            double[] storeEntries,
            double[] wallSeconds,
            Map<Driver, double[]> drivers) {
        this(service, simDays, events, postGcBytes, storeEntries, unknown(simDays.length), wallSeconds, drivers);
    }

    /** A series with simulated time as its only driver. */
    public HeapSeries(
            String service,
            double[] simDays,
            double[] events,
            double[] postGcBytes,
            double[] storeEntries,
            double[] wallSeconds) {
        this(service, simDays, events, postGcBytes, storeEntries, wallSeconds, Map.of());
    }

    private static double[] unknown(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }

    public int size() {
        return simDays.length;
    }
}
