package io.steadystate.strategy.params;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.steadystate.core.event.SlotParameters;
import io.steadystate.core.event.StrategySlot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jboss.logging.Logger;

/**
 * The 7×3 slot parameter table (seed 003's "CSDL" rows): exactly {@link StrategySlot#COUNT} rows in a fixed
 * array indexed by {@link StrategySlot#index()}. An update overwrites its slot; nothing accumulates. A refused
 * update leaves the old row in place, is counted ({@code outcome=rejected}) and logged once (one line per row).
 *
 * <p><b>Versions are ordered</b>: a row applies only if its {@code version} is newer than its slot's (defaults are
 * version 0; REST publishes current + 1). An older row — a stale producer, a replayed or hostile record — is
 * refused, so the topic's order of arrival cannot roll a slot back. The row equal to the current one (a re-read
 * of the compacted topic) is a no-op, neither applied nor refused; the same version with different values is a
 * conflict and refused. Every instance reads the same rows in the same order, so all refuse the same ones: two
 * REST updates racing from the same version keep the first one written.
 *
 * <p>Written by the {@code strategy.params} consumer thread, read by the market-events thread on every closed
 * bar and by REST: each slot is an atomic reference to an immutable record.
 */
public final class ParameterTable {

    public static final String UPDATES = "steadystate.strategy.parameter.updates";
    private static final Logger LOG = Logger.getLogger(ParameterTable.class);

    private final AtomicReferenceArray<SlotParameters> rows = new AtomicReferenceArray<>(StrategySlot.COUNT);
    private final Counter applied;
    private final Counter rejected;

    public ParameterTable(SlotParameters[] defaults, MeterRegistry registry) {
        if (defaults.length != StrategySlot.COUNT) {
            throw new IllegalArgumentException("need " + StrategySlot.COUNT + " default rows, got " + defaults.length);
        }
        for (SlotParameters row : defaults) {
            String problem = ParameterRules.problemWith(row);
            if (problem != null) {
                throw new IllegalArgumentException("default row of slot " + row.slotId() + " is invalid: " + problem);
            }
            rows.set(StrategySlot.ofId(row.slotId()).index(), row);
        }
        for (int i = 0; i < StrategySlot.COUNT; i++) {
            if (rows.get(i) == null) {
                throw new IllegalArgumentException("no default row for slot " + StrategySlot.ofIndex(i));
            }
        }
        this.applied = Counter.builder(UPDATES)
                .tag("outcome", "applied")
                .description("Slot parameter rows applied or rejected")
                .register(registry);
        this.rejected = Counter.builder(UPDATES)
                .tag("outcome", "rejected")
                .description("Slot parameter rows applied or rejected")
                .register(registry);
    }

    /** The row of slot index 0..20 (hot path: one volatile read). */
    public SlotParameters get(int index) {
        return rows.get(index);
    }

    public SlotParameters bySlotId(int slotId) {
        return rows.get(StrategySlot.ofId(slotId).index());
    }

    public List<SlotParameters> all() {
        List<SlotParameters> all = new ArrayList<>(StrategySlot.COUNT);
        for (int i = 0; i < StrategySlot.COUNT; i++) {
            all.add(rows.get(i));
        }
        return all;
    }

    /**
     * Why {@code row} must not be applied — {@link ParameterRules}, or a version not newer than its slot's — or
     * null when it may (also null for the current row itself: re-applying it changes nothing). Changes nothing,
     * so a consumer can dead-letter the record with the answer.
     */
    public String problemWith(SlotParameters row) {
        String problem = ParameterRules.problemWith(row);
        if (problem != null) {
            return problem;
        }
        SlotParameters current = bySlotId(row.slotId());
        if (row.version() < current.version()) {
            return "version " + row.version() + " is older than the slot's current version " + current.version();
        }
        if (row.version() == current.version() && !row.equals(current)) {
            return "version " + row.version() + " conflicts with the slot's current row of the same version";
        }
        return null;
    }

    /** Overwrites the row's slot if {@link #problemWith} allows it; returns the refusal reason or null. */
    public String apply(SlotParameters row) {
        String problem = problemWith(row);
        if (problem != null) {
            reject("slot " + row.slotId() + ": " + problem);
            return problem;
        }
        if (row.equals(bySlotId(row.slotId()))) {
            return null; // the current row read again: nothing to do, nothing to count
        }
        rows.set(StrategySlot.ofId(row.slotId()).index(), row);
        applied.increment();
        LOG.infof("slot %s parameters applied: %s", StrategySlot.ofId(row.slotId()), row);
        return null;
    }

    /** Counts and logs a row that could not be applied (undecodable, wrong key, refused by the rules). */
    public void reject(String reason) {
        rejected.increment();
        LOG.warnf("parameter row rejected, old value kept: %s", reason);
    }
}
