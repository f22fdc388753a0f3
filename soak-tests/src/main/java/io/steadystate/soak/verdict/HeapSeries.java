package io.steadystate.soak.verdict;

/**
 * One service's series as the verdict sees it, index-aligned.
 *
 * @param simDays        simulated days since the start of the run (x for the budget)
 * @param events         events processed by this service since the start (x for "per million events")
 * @param postGcBytes    live heap right after a (forced) full GC
 * @param storeEntries   Σ entries over the service's stores (also used to find the end of warm-up)
 * @param wallSeconds    wall-clock seconds since the start (to translate "run longer" into minutes)
 */
public record HeapSeries(String service, double[] simDays, double[] events, double[] postGcBytes,
                         double[] storeEntries, double[] wallSeconds) {

    public HeapSeries {
        int n = simDays.length;
        if (events.length != n || postGcBytes.length != n || storeEntries.length != n || wallSeconds.length != n) {
            throw new IllegalArgumentException("series of " + service + " differ in length");
        }
    }

    public int size() {
        return simDays.length;
    }
}
