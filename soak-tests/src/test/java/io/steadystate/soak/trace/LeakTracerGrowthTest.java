package io.steadystate.soak.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which fields count as growing between two dumps: by ratio, and else by matching a growing class. */
class LeakTracerGrowthTest {

    private final LeakTracer tracer = new LeakTracer(LeakTracer.Options.defaults());

    @Test
    void aNearlyFullLeakGrowsByFewPerCentYetMatchesTheClassItHolds() {
        // measured shape: event-log held 2.9 M ticks at the start dump and gained 131,695 before the early end dump
        var log = field("io.steadystate.marketdata.fault.EventLogFault", "log", 2_900_000);
        var store = field("io.steadystate.marketdata.universe.SymbolUniverse", "symbols", 999);
        Map<String, ContainerCensus.OwnedContainers> before = Map.of(log.key(), log, store.key(), store);
        Map<String, ContainerCensus.OwnedContainers> after =
                Map.of(log.key(), grown(log, 131_695), store.key(), grown(store, 1));
        assertThat(tracer.growing(before, after))
                .as("4.5 %: under the 10 % ratio")
                .isEmpty();

        List<GrowingClass> classes = List.of(
                new GrowingClass("io.steadystate.core.event.MarketEvent$Tick", 2_900_100, 3_031_795, 0, 0),
                new GrowingClass("byte[]", 1_000, 1_097, 0, 0));
        assertThat(tracer.matchingClassGrowth(before, after, classes))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.field()).isEqualTo("log");
                    assertThat(f.entriesGrowth()).isEqualTo(131_695);
                });
    }

    @Test
    void noMatchWhenNoClassGainedAboutAsManyInstances() {
        var ring = field("io.steadystate.strategy.book.SymbolBook", "ring", 10_000);
        Map<String, ContainerCensus.OwnedContainers> before = Map.of(ring.key(), ring);
        Map<String, ContainerCensus.OwnedContainers> after = Map.of(ring.key(), grown(ring, 500));
        List<GrowingClass> classes = List.of(new GrowingClass("byte[]", 1_000, 5_000, 0, 0));
        assertThat(tracer.matchingClassGrowth(before, after, classes)).isEmpty();
    }

    private static ContainerCensus.OwnedContainers field(String owner, String name, long entries) {
        return new ContainerCensus.OwnedContainers(owner, name, false, "java.util.ArrayList", 1, entries, entries, 1L);
    }

    private static ContainerCensus.OwnedContainers grown(ContainerCensus.OwnedContainers c, long by) {
        return new ContainerCensus.OwnedContainers(
                c.ownerClass(), c.field(), false, c.containerClass(), 1, c.entries() + by, c.entries() + by, 1L);
    }
}
