package io.steadystate.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.steadystate.core.time.EventClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BoundedStoreTest {

    record Exit(String key, String value, ExitCause cause) {}

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final StoreMetrics metrics = new StoreMetrics(registry);
    private final EventClock clock = new EventClock();
    private final List<Exit> exits = new ArrayList<>();

    @BeforeEach
    void startClock() {
        clock.advanceTo(1_700_000_000_000L);
    }

    private BoundedStore<String, String> store(long capacity, Duration idle) {
        BoundedStore.Builder<String, String> b = BoundedStore.<String, String>named("test.symbols")
                .capacity(capacity)
                .bytesPerEntry(100)
                .onExit((k, v, c) -> exits.add(new Exit(k, v, c)));
        if (idle != null) {
            b.idleExpiry(idle, clock);
        }
        return b.build(metrics);
    }

    private double gauge(String name) {
        return registry.get(name).tag("store", "test.symbols").gauge().value();
    }

    private double evictions(ExitCause cause) {
        return registry.get(StoreMetrics.EVICTIONS)
                .tag("store", "test.symbols")
                .tag("cause", cause.tag())
                .counter()
                .count();
    }

    @Test
    void capacityBoundEvictsAndCallsTheCleanupHook() {
        BoundedStore<String, String> store = store(10, null);
        for (int i = 0; i < 25; i++) {
            store.put("S" + i, "state" + i);
        }
        store.expireIdle();
        assertThat(store.size()).isEqualTo(10);
        assertThat(exits).hasSize(15).allMatch(e -> e.cause() == ExitCause.CAPACITY);
        assertThat(evictions(ExitCause.CAPACITY)).isEqualTo(15);
        assertThat(gauge(StoreMetrics.ENTRIES)).isEqualTo(10);
        assertThat(gauge(StoreMetrics.CAPACITY)).isEqualTo(10);
        assertThat(gauge(StoreMetrics.BYTES)).isEqualTo(1000);
    }

    @Test
    void idleEntriesExpireWhenEventTimeAdvancesWithoutSleeping() {
        BoundedStore<String, String> store = store(100, Duration.ofHours(1));
        store.put("AAPL", "a");
        store.put("MSFT", "m");
        clock.advanceTo(clock.nowMillis() + Duration.ofMinutes(40).toMillis());
        store.get("AAPL"); // activity keeps AAPL alive
        clock.advanceTo(clock.nowMillis() + Duration.ofMinutes(30).toMillis());
        store.expireIdle();

        assertThat(store.contains("AAPL")).isTrue();
        assertThat(store.contains("MSFT")).isFalse();
        assertThat(exits).containsExactly(new Exit("MSFT", "m", ExitCause.EXPIRED));
        assertThat(evictions(ExitCause.EXPIRED)).isEqualTo(1);
        assertThat(gauge(StoreMetrics.ENTRIES)).isEqualTo(1);
    }

    @Test
    void peekingDoesNotKeepAnIdleEntryAlive() {
        BoundedStore<String, String> store = store(100, Duration.ofHours(1));
        store.put("AAPL", "a");
        clock.advanceTo(clock.nowMillis() + Duration.ofMinutes(40).toMillis());
        assertThat(store.peek("AAPL")).isEqualTo("a");
        clock.advanceTo(clock.nowMillis() + Duration.ofMinutes(30).toMillis());
        store.expireIdle();
        assertThat(store.peek("AAPL")).isNull();
        assertThat(exits).containsExactly(new Exit("AAPL", "a", ExitCause.EXPIRED));
    }

    @Test
    void nothingExpiresWhileEventTimeStandsStill() {
        BoundedStore<String, String> store = store(100, Duration.ofMillis(1));
        store.put("AAPL", "a");
        store.expireIdle();
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void explicitRemovalReportsItsCauseOnce() {
        BoundedStore<String, String> store = store(100, null);
        store.put("AAPL", "a");
        store.put("MSFT", "m");
        assertThat(store.remove("AAPL", ExitCause.REMOVED)).isEqualTo("a");
        assertThat(store.remove("AAPL", ExitCause.REMOVED)).isNull();
        assertThat(store.removeIf((k, v) -> k.startsWith("M"), ExitCause.REVOKED))
                .isEqualTo(1);

        assertThat(exits)
                .containsExactly(new Exit("AAPL", "a", ExitCause.REMOVED), new Exit("MSFT", "m", ExitCause.REVOKED));
        assertThat(evictions(ExitCause.REMOVED)).isEqualTo(1);
        assertThat(evictions(ExitCause.REVOKED)).isEqualTo(1);
        assertThat(store.size()).isZero();
        assertThat(gauge(StoreMetrics.ENTRIES)).isZero();
    }

    @Test
    void replacingAValueCleansUpTheOldOne() {
        BoundedStore<String, String> store = store(100, null);
        store.put("AAPL", "old");
        store.put("AAPL", "new");
        assertThat(exits).containsExactly(new Exit("AAPL", "old", ExitCause.REPLACED));
        assertThat(registry.get(StoreMetrics.ADMISSIONS)
                        .tag("store", "test.symbols")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void getOrCreateAdmitsOnce() {
        BoundedStore<String, String> store = store(100, null);
        assertThat(store.getOrCreate("AAPL", k -> "state-" + k)).isEqualTo("state-AAPL");
        assertThat(store.getOrCreate("AAPL", k -> "other")).isEqualTo("state-AAPL");
        assertThat(registry.get(StoreMetrics.ADMISSIONS)
                        .tag("store", "test.symbols")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void everyCauseCounterExistsAtZeroBeforeAnyExit() {
        store(5, null);
        for (ExitCause cause : ExitCause.values()) {
            assertThat(evictions(cause)).isZero();
        }
    }

    @Test
    void aStoreWithoutCapacityCannotBeBuilt() {
        assertThatThrownBy(() -> BoundedStore.named("x").build(metrics)).hasMessageContaining("every store is bounded");
        assertThatThrownBy(() -> BoundedStore.named("x").capacity(0)).hasMessageContaining("capacity must be positive");
    }
}
