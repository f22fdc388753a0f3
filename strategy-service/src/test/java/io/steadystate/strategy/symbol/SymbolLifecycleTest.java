package io.steadystate.strategy.symbol;

import static io.steadystate.strategy.Fixtures.DAY;
import static io.steadystate.strategy.Fixtures.MINUTE;
import static io.steadystate.strategy.Fixtures.WEDNESDAY;
import static io.steadystate.strategy.Fixtures.tick;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.steadystate.core.event.SessionOpened;
import io.steadystate.core.event.SymbolDelisted;
import io.steadystate.core.event.SymbolListed;
import io.steadystate.core.kafka.Partitioning;
import io.steadystate.strategy.Fixtures;
import io.steadystate.strategy.fault.FaultInjector;
import io.steadystate.strategy.fault.FaultMode;
import io.steadystate.strategy.signals.SignalSink;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every way out of the symbol store brings it back to its size before the symbol existed, seen through metrics. */
class SymbolLifecycleTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SymbolBook book = Fixtures.book(registry);
    private final long t0 = WEDNESDAY + 10 * 60 * MINUTE;

    private double entries() {
        return registry.get("steadystate.store.entries")
                .tag("store", SymbolBook.STORE)
                .gauge()
                .value();
    }

    private double exits(String cause) {
        return registry.get("steadystate.store.evictions")
                .tag("store", SymbolBook.STORE)
                .tag("cause", cause)
                .counter()
                .count();
    }

    private void feed(String symbol, long from, int ticks) {
        for (int i = 0; i < ticks; i++) {
            book.apply(tick(symbol, from + i * 5_000L, 100 + (i % 7)), 0, SignalSink.DISCARD);
        }
    }

    @Test
    void delistingRemovesAllOfTheSymbolsState() {
        feed("RESIDENT", t0, 10);
        double before = entries();

        book.apply(new SymbolListed("ACME", t0, 50), 0, SignalSink.DISCARD);
        feed("ACME", t0, 500);
        assertThat(entries()).isEqualTo(before + 1);

        book.apply(new SymbolDelisted("ACME", t0 + DAY, "test"), 0, SignalSink.DISCARD);

        assertThat(entries()).isEqualTo(before);
        assertThat(exits("removed")).isEqualTo(1);
        assertThat(book.peek("ACME")).isEmpty();
        assertThat(registry.get("steadystate.store.bytes.estimate")
                        .tag("store", SymbolBook.STORE)
                        .gauge()
                        .value())
                .isEqualTo(before * book.peek("RESIDENT").orElseThrow().estimatedBytes());
    }

    @Test
    void aSymbolIdleForTheExpiryOnEventTimeLeavesAtTheNextSessionEvent() {
        feed("RESIDENT", t0, 10);
        double before = entries();
        feed("ACME", t0, 10);
        assertThat(entries()).isEqualTo(before + 1);

        // event time moves 5 days on (no sleeping): RESIDENT keeps trading, ACME is silent
        feed("RESIDENT", t0 + 3 * DAY, 1);
        long later = t0 + 5 * DAY;
        feed("RESIDENT", later, 1);
        book.apply(new SessionOpened(later, (int) (later / DAY)), 0, SignalSink.DISCARD);

        assertThat(entries()).isEqualTo(before);
        assertThat(exits("expired")).isEqualTo(1);
        assertThat(book.peek("ACME")).isEmpty();
        assertThat(book.peek("RESIDENT")).isPresent();
    }

    @Test
    void aSymbolIdleForLessThanTheExpirySurvivesAWeekend() {
        feed("ACME", t0, 10);
        long monday = t0 + 3 * DAY; // Friday..Monday style gap of 3 days < 4 days
        book.apply(new SessionOpened(monday, (int) (monday / DAY)), 0, SignalSink.DISCARD);
        assertThat(book.peek("ACME")).isPresent();
        assertThat(exits("expired")).isZero();
    }

    @Test
    void losingAPartitionDropsExactlyTheSymbolsThatHashToIt() {
        String stays = "KEEP";
        String leaves = "GONE";
        int keepPartition = Partitioning.partitionOf(stays, 3);
        // pick a symbol on another partition of 3
        for (int i = 0; Partitioning.partitionOf(leaves, 3) == keepPartition; i++) {
            leaves = "GONE" + i;
        }
        feed(stays, t0, 5);
        double before = entries();
        feed(leaves, t0, 5);
        assertThat(entries()).isEqualTo(before + 1);

        boolean[] revoked = new boolean[3];
        revoked[Partitioning.partitionOf(leaves, 3)] = true;
        assertThat(book.revoke(revoked, 3)).isEqualTo(1);

        assertThat(entries()).isEqualTo(before);
        assertThat(exits("revoked")).isEqualTo(1);
        assertThat(book.peek(stays)).isPresent();

        // the partition comes back: the symbol warms up again from its ticks
        feed(leaves, t0 + MINUTE, 1);
        assertThat(book.peek(leaves).orElseThrow().ticks()).isEqualTo(1);
    }

    @Test
    void theCapacityBoundHoldsAndCountsEvictions() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SymbolBook small = Fixtures.book(registry, 2, Duration.ofDays(4), FaultInjector.off(registry));
        for (String s : new String[] {"AAA", "BBB", "CCC", "DDD"}) {
            small.apply(tick(s, t0, 10), 0, SignalSink.DISCARD);
        }
        small.expireIdle();
        assertThat(small.size()).isEqualTo(2);
        assertThat(registry.get("steadystate.store.evictions")
                        .tag("store", SymbolBook.STORE)
                        .tag("cause", "capacity")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(registry.get("steadystate.store.capacity")
                        .tag("store", SymbolBook.STORE)
                        .gauge()
                        .value())
                .isEqualTo(2);
    }

    @Test
    void theSymbolManagersFaultKeepsStateOfRemovedSymbolsAndShowsIt() {
        SimpleMeterRegistry faultRegistry = new SimpleMeterRegistry();
        SymbolBook leaky = Fixtures.book(
                faultRegistry, 100, Duration.ofDays(4), new FaultInjector(FaultMode.SYMBOL_MANAGERS, 1, faultRegistry));
        for (int i = 0; i < 5; i++) {
            leaky.apply(tick("S" + i, t0, 10), 0, SignalSink.DISCARD);
            leaky.apply(new SymbolDelisted("S" + i, t0, "churn"), 0, SignalSink.DISCARD);
        }
        assertThat(leaky.size()).isZero();
        assertThat(faultRegistry.get("steadystate.fault.active").gauge().value())
                .isEqualTo(1);
        assertThat(faultRegistry.get("steadystate.fault.leaked.objects").gauge().value())
                .isEqualTo(5);
    }

    @Test
    void theRallyCacheFaultRetainsOnePricePointPerTickAcrossSymbols() {
        SimpleMeterRegistry faultRegistry = new SimpleMeterRegistry();
        SymbolBook leaky = Fixtures.book(
                faultRegistry, 100, Duration.ofDays(4), new FaultInjector(FaultMode.RALLY_CACHE, 2, faultRegistry));
        for (int i = 0; i < 30; i++) {
            leaky.apply(tick("S" + (i % 3), t0 + i * 1000L, 10), 0, SignalSink.DISCARD);
        }
        assertThat(faultRegistry.get("steadystate.fault.leaked.objects").gauge().value())
                .isEqualTo(60);
    }

    @Test
    void theCalibratedFaultRetainsOneKibiblockPerKibibyteOwed() {
        SimpleMeterRegistry faultRegistry = new SimpleMeterRegistry();
        // 2,000 bytes per 1,000 ticks = 2 bytes/tick: 2,048 ticks owe 4 KiB → 4 blocks
        SymbolBook leaky = Fixtures.book(
                faultRegistry,
                100,
                Duration.ofDays(4),
                new FaultInjector(FaultMode.BYTES_PER_KILOTICK, 2000, faultRegistry));
        for (int i = 0; i < 2048; i++) {
            leaky.apply(tick("S" + (i % 3), t0 + i * 1000L, 10), 0, SignalSink.DISCARD);
        }
        assertThat(faultRegistry.get("steadystate.fault.leaked.objects").gauge().value())
                .isEqualTo(4);
    }

    @Test
    void faultsAreOffByDefault() {
        FaultInjector.off(registry);
        assertThat(registry.get("steadystate.fault.active").gauge().value()).isZero();
    }
}
