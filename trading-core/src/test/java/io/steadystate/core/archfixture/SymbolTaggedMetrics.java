package io.steadystate.core.archfixture;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Seed-style metric leak: a counter per symbol, looked up on every tick. Each new symbol is a new registry entry
 * that is never removed. The build rule must reject {@code onTick}, {@code onReject} and {@code tagsFor}.
 */
public class SymbolTaggedMetrics {
    private final MeterRegistry registry;

    public SymbolTaggedMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void onTick(String symbol) {
        Counter.builder("ticks").tag("symbol", symbol).register(registry).increment();
    }

    public void onReject(String symbol, String reason) {
        registry.counter("rejects", tagsFor(symbol, reason)).increment();
    }

    private static Tags tagsFor(String symbol, String reason) {
        return Tags.of("symbol", symbol, "reason", reason);
    }
}
