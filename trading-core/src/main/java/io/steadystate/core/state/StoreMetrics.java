package io.steadystate.core.state;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;

/**
 * Exports every store as Micrometer meters, which Quarkus shows at {@code /q/metrics}:
 * <ul>
 *   <li>{@code steadystate_store_entries{store}} — current entries</li>
 *   <li>{@code steadystate_store_capacity{store}} — the hard bound</li>
 *   <li>{@code steadystate_store_bytes_estimate{store}} — estimated bytes held (where cheap)</li>
 *   <li>{@code steadystate_store_evictions_total{store,cause}} — exits by {@link ExitCause}</li>
 *   <li>{@code steadystate_store_admissions_total{store}} — entries created</li>
 * </ul>
 * These names are the contract with the dashboards and the soak harness.
 */
public final class StoreMetrics {

    public static final String ENTRIES = "steadystate.store.entries";
    public static final String CAPACITY = "steadystate.store.capacity";
    public static final String BYTES = "steadystate.store.bytes.estimate";
    public static final String EVICTIONS = "steadystate.store.evictions";
    public static final String ADMISSIONS = "steadystate.store.admissions";

    private final MeterRegistry registry;

    public StoreMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Registers the gauges of {@code store}; the registry holds it weakly, so the owner must keep it. */
    @Bounded("one set of series per store: store names are constants in code and stores are built at start-up")
    public void register(MeasuredStore store) {
        Gauge.builder(ENTRIES, store, MeasuredStore::size)
                .tag("store", store.name())
                .description("Entries in a bounded store")
                .register(registry);
        Gauge.builder(CAPACITY, store, MeasuredStore::capacity)
                .tag("store", store.name())
                .description("Hard capacity of a bounded store")
                .register(registry);
        // no baseUnit: Micrometer would append "_bytes" and break the contract name
        Gauge.builder(BYTES, store, MeasuredStore::estimatedBytes)
                .tag("store", store.name())
                .description("Estimated bytes held by a bounded store (-1: no estimate)")
                .register(registry);
    }

    /** One counter per cause, registered at zero so every series exists before the first exit. */
    @Bounded("one counter per store and ExitCause constant: store names are constants in code and stores are built "
            + "at start-up")
    EnumMap<ExitCause, Counter> exitCounters(String store) {
        EnumMap<ExitCause, Counter> counters = new EnumMap<>(ExitCause.class);
        for (ExitCause cause : ExitCause.values()) {
            counters.put(
                    cause,
                    Counter.builder(EVICTIONS)
                            .tag("store", store)
                            .tag("cause", cause.tag())
                            .description("Entries that left a bounded store, by cause")
                            .register(registry));
        }
        return counters;
    }

    @Bounded("one counter per store: store names are constants in code and stores are built at start-up")
    Counter admissions(String store) {
        return Counter.builder(ADMISSIONS)
                .tag("store", store)
                .description("Entries created in a bounded store")
                .register(registry);
    }
}
