package io.steadystate.core.state;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A bounded, thread-safe history: the newest {@code capacity} items, older ones overwritten. Used for
 * "recently closed orders" and similar look-back views that must never grow with uptime.
 */
public final class ObjectRing<T> implements MeasuredStore {

    private final String name;
    private final Object[] items;
    private int head;
    private int size;
    private long added;

    public ObjectRing(String name, int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("ring " + name + ": capacity must be positive, was " + capacity);
        }
        this.name = name;
        this.items = new Object[capacity];
    }

    public static <T> ObjectRing<T> registered(String name, int capacity, StoreMetrics metrics) {
        ObjectRing<T> ring = new ObjectRing<>(name, capacity);
        metrics.register(ring);
        return ring;
    }

    public synchronized void add(T item) {
        items[head] = item;
        head = head + 1 == items.length ? 0 : head + 1;
        if (size < items.length) {
            size++;
        }
        added++;
    }

    /** Newest first, skipping {@code offset} matches and returning at most {@code limit}. */
    @SuppressWarnings("unchecked")
    public synchronized List<T> newest(int offset, int limit, Predicate<? super T> filter) {
        List<T> page = new ArrayList<>(Math.min(Math.max(limit, 0), size));
        int skipped = 0;
        for (int age = 0; age < size && page.size() < limit; age++) {
            int i = head - 1 - age;
            T item = (T) items[i < 0 ? i + items.length : i];
            if (filter.test(item)) {
                if (skipped++ >= offset) {
                    page.add(item);
                }
            }
        }
        return page;
    }

    public synchronized void clear() {
        java.util.Arrays.fill(items, null);
        head = 0;
        size = 0;
    }

    /** Items ever added; {@code added - size} were overwritten. */
    public synchronized long added() {
        return added;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized long size() {
        return size;
    }

    @Override
    public long capacity() {
        return items.length;
    }
}
