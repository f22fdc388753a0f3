package io.steadystate.soak.sampling;

import java.util.Map;

/**
 * One service at one sample instant. Nullable numbers were not measurable (a metric missing, no pid for RSS).
 *
 * @param postGcHeapBytes live heap after a full GC: the class-histogram total when the harness forced the GC
 *                        (local stack), else {@code jvm_gc_live_data_size_bytes}
 * @param events          events this service has processed (market-data: published) since it started
 * @param counters        the accounting counters (ticks published/consumed, signals); read them through
 *                        {@link #counter(Counter)} and {@link #rejects()}
 * @param error           why this sample is incomplete (scrape failed, …), else null
 */
public record ServiceSample(
        String service,
        boolean alive,
        Double postGcHeapBytes,
        Double heapUsedBytes,
        Double heapCommittedBytes,
        Double oldGenUsedBytes,
        Double rssBytes,
        Double directBufferBytes,
        Double gcPauseSeconds,
        Double gcPauseCount,
        Double processStartSeconds,
        double events,
        Map<String, StoreSample> stores,
        Counters counters,
        String error) {

    /** One accounting counter; null when it was not measured (not exported yet, a dead service, not this service's). */
    public Double counter(Counter c) {
        return counters == null ? null : counters.get(c);
    }

    /** order-service's rejects by reason (CONTRACTS.md {@code steadystate_order_rejects_total}); empty elsewhere. */
    public Map<String, Double> rejects() {
        return counters == null ? Map.of() : counters.rejects();
    }

    public double storeEntriesTotal() {
        return stores.values().stream().mapToDouble(StoreSample::entries).sum();
    }

    /** Σ declared capacity; NaN when no store is exported or one declares none (then "how full" is unknown). */
    public double storeCapacityTotal() {
        if (stores.isEmpty() || stores.values().stream().anyMatch(s -> !(s.capacity() > 0))) {
            return Double.NaN;
        }
        return stores.values().stream().mapToDouble(StoreSample::capacity).sum();
    }
}
