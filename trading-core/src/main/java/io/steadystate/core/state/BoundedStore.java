package io.steadystate.core.state;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.micrometer.core.instrument.Counter;
import io.steadystate.core.time.EventClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * A keyed store of long-lived state with a hard capacity, idle expiry on event time, explicit removal and one
 * clean-up callback for every way out ({@link ExitCause}). Built on Caffeine with the {@link EventClock} as
 * its ticker and a same-thread executor, so evictions happen inside the call that causes them and tests are
 * deterministic.
 *
 * <p>Idle entries leave when Caffeine next does maintenance; {@link #expireIdle()} forces it and is called
 * by the owner whenever event time moves a meaningful step (session events, periodic housekeeping).
 *
 * <p>Capacity eviction uses Caffeine's W-TinyLFU policy: it may refuse a newcomer rather than drop an old
 * entry. Either way it is counted under {@link ExitCause#CAPACITY} and is an alarm, not a normal path.
 */
public final class BoundedStore<K, V> implements MeasuredStore {

    private final String name;
    private final long capacity;

    @Bounded("Caffeine maximumSize(capacity): the bound this class exists to enforce")
    private final Cache<K, V> cache;

    @Bounded("view of the cache above, same bound")
    private final Map<K, V> map;

    private final ExitListener<K, V> onExit;
    private final long bytesPerEntry;

    @Bounded("one counter per ExitCause constant")
    private final EnumMap<ExitCause, Counter> exits;

    private final Counter admissions;

    private BoundedStore(Builder<K, V> b, StoreMetrics metrics) {
        this.name = b.name;
        this.capacity = b.capacity;
        this.onExit = b.onExit;
        this.bytesPerEntry = b.bytesPerEntry;
        this.exits = metrics.exitCounters(name);
        this.admissions = metrics.admissions(name);
        Caffeine<Object, Object> caffeine =
                Caffeine.newBuilder().maximumSize(b.capacity).executor(Runnable::run);
        if (b.idleExpiry != null) {
            caffeine.expireAfterAccess(b.idleExpiry).ticker(b.clock);
        }
        this.cache = caffeine.<K, V>evictionListener(this::evicted).build();
        this.map = cache.asMap();
        metrics.register(this);
    }

    public static <K, V> Builder<K, V> named(String name) {
        return new Builder<>(name);
    }

    private void evicted(K key, V value, RemovalCause cause) {
        ExitCause exit = switch (cause) {
            case SIZE -> ExitCause.CAPACITY;
            case EXPIRED -> ExitCause.EXPIRED;
            default -> ExitCause.REMOVED;
        };
        exit(key, value, exit);
    }

    private void exit(K key, V value, ExitCause cause) {
        exits.get(cause).increment();
        onExit.onExit(key, value, cause);
    }

    /** The value, refreshing its idle timer; null when absent. */
    public V get(K key) {
        return cache.getIfPresent(key);
    }

    /** The value without counting as activity: read-only views must not keep an idle entry alive. */
    public V peek(K key) {
        return cache.policy().getIfPresentQuietly(key);
    }

    /**
     * The value, created by {@code factory} when absent (counted as an admission). Pass a non-capturing
     * function on hot paths so the call allocates nothing.
     */
    public V getOrCreate(K key, Function<? super K, ? extends V> factory) {
        V existing = cache.getIfPresent(key);
        if (existing != null) {
            return existing;
        }
        return cache.get(key, k -> {
            admissions.increment();
            return factory.apply(k);
        });
    }

    public void put(K key, V value) {
        Objects.requireNonNull(value, "value");
        V old = map.put(key, value);
        if (old == null) {
            admissions.increment();
        } else if (old != value) {
            exit(key, old, ExitCause.REPLACED);
        }
    }

    /** Removes {@code key} for {@code cause} (normally REMOVED or REVOKED); returns the value that left. */
    public V remove(K key, ExitCause cause) {
        V value = map.remove(key);
        if (value != null) {
            exit(key, value, cause);
        }
        return value;
    }

    /** Removes every entry matching {@code condition}, e.g. the symbols of a revoked partition. */
    public int removeIf(BiPredicate<? super K, ? super V> condition, ExitCause cause) {
        List<K> leaving = new ArrayList<>();
        map.forEach((k, v) -> {
            if (condition.test(k, v)) {
                leaving.add(k);
            }
        });
        int removed = 0;
        for (K key : leaving) {
            if (remove(key, cause) != null) {
                removed++;
            }
        }
        return removed;
    }

    public int clear(ExitCause cause) {
        return removeIf((k, v) -> true, cause);
    }

    public boolean contains(K key) {
        return map.containsKey(key);
    }

    /** Visits every entry without touching idle timers (read-only views, session-close sweeps). */
    public void forEach(BiConsumer<? super K, ? super V> action) {
        map.forEach(action);
    }

    /** Runs pending maintenance now: entries idle past the expiry at the current event time leave. */
    public void expireIdle() {
        cache.cleanUp();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long size() {
        return cache.estimatedSize();
    }

    @Override
    public long capacity() {
        return capacity;
    }

    @Override
    public long estimatedBytes() {
        return bytesPerEntry < 0 ? -1 : bytesPerEntry * size();
    }

    public long exits(ExitCause cause) {
        return (long) exits.get(cause).count();
    }

    public static final class Builder<K, V> {
        private final String name;
        private long capacity = -1;
        private Duration idleExpiry;
        private EventClock clock;
        private ExitListener<K, V> onExit = ExitListener.none();
        private long bytesPerEntry = -1;

        private Builder(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a store needs a name");
            }
            this.name = name;
        }

        /** The hard bound on entries. Required: there is no unbounded store. */
        public Builder<K, V> capacity(long capacity) {
            if (capacity <= 0) {
                throw new IllegalArgumentException("store " + name + ": capacity must be positive, was " + capacity);
            }
            this.capacity = capacity;
            return this;
        }

        /** Entries with no read or write for {@code idle} of event time leave with {@link ExitCause#EXPIRED}. */
        public Builder<K, V> idleExpiry(Duration idle, EventClock clock) {
            if (idle == null || idle.isNegative() || idle.isZero()) {
                throw new IllegalArgumentException("store " + name + ": idle expiry must be positive, was " + idle);
            }
            this.idleExpiry = idle;
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder<K, V> onExit(ExitListener<K, V> onExit) {
            this.onExit = Objects.requireNonNull(onExit, "onExit");
            return this;
        }

        /** A measured or computed size of one entry, for {@code steadystate_store_bytes_estimate}. */
        public Builder<K, V> bytesPerEntry(long bytes) {
            this.bytesPerEntry = bytes;
            return this;
        }

        public BoundedStore<K, V> build(StoreMetrics metrics) {
            if (capacity <= 0) {
                throw new IllegalStateException("store " + name + " has no capacity: every store is bounded");
            }
            return new BoundedStore<>(this, metrics);
        }
    }
}
