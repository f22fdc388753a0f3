package io.steadystate.core.archfixture;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.steadystate.core.event.Side;
import io.steadystate.core.state.Bounded;
import jakarta.inject.Singleton;
import java.util.EnumMap;

/**
 * The accepted shape: meters registered once in a singleton's constructor (through a helper only it calls),
 * tagged by enum constants, kept in fields; one deliberate exception carries its reason.
 */
@Singleton
public class ReasonCounters {
    @Bounded("one counter per Side constant")
    private final EnumMap<Side, Counter> bySide = new EnumMap<>(Side.class);

    private final MeterRegistry registry;

    public ReasonCounters(MeterRegistry registry) {
        this.registry = registry;
        for (Side side : Side.values()) {
            bySide.put(side, counter(registry, side.name()));
        }
    }

    private static Counter counter(MeterRegistry registry, String side) {
        return Counter.builder("orders").tags(Tags.of("side", side)).register(registry);
    }

    public void onOrder(Side side) {
        bySide.get(side).increment();
    }

    @Bounded("constant name, no tags: a second registration finds the same meter")
    public Counter restarts() {
        return registry.counter("restarts");
    }
}
