package io.steadystate.strategy.fault;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code steadystate.fault.mode} of strategy-service (CONTRACTS.md, "Leak faults"). */
public enum FaultMode {
    NONE,
    /** Seed 000 §1: one list of price points for all symbols, appended per tick, never trimmed. */
    RALLY_CACHE,
    /** Seed 000 §3: the state of every removed/expired/evicted symbol kept in a plain map. */
    SYMBOL_MANAGERS,
    /**
     * Calibration, not a seed leak: retains {@code rate} bytes per 1,000 ticks, as 1 KiB blocks, so the soak's
     * detection limit can be measured in bytes per tick (rate 1000 = 1 byte/tick, 100 = 0.1 byte/tick).
     */
    BYTES_PER_KILOTICK;

    public static FaultMode parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** As written in {@code steadystate.fault.mode}: {@code rally-cache}, ... */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The modes of this service, as configured (without {@code none}). */
    public static Set<String> names() {
        return Arrays.stream(values())
                .filter(m -> m != NONE)
                .map(FaultMode::configName)
                .collect(Collectors.toUnmodifiableSet());
    }
}
