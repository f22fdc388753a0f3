package io.steadystate.core.state;

/**
 * A fixed-capacity ring of primitive longs for rolling windows: no boxing, no allocation after
 * construction. {@code get(0)} is the newest value, {@code get(size() - 1)} the oldest still held.
 * Not thread-safe: it lives inside one key's state, touched by the partition's single consumer thread.
 */
public final class LongRing {

    private final long[] values;
    private int head; // index of the next write
    private int size;

    public LongRing(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("ring capacity must be positive, was " + capacity);
        }
        this.values = new long[capacity];
    }

    public void add(long value) {
        values[head] = value;
        head = head + 1 == values.length ? 0 : head + 1;
        if (size < values.length) {
            size++;
        }
    }

    /** The value {@code age} steps back: 0 is the newest. */
    public long get(int age) {
        if (age < 0 || age >= size) {
            throw new IndexOutOfBoundsException("age " + age + " outside 0.." + (size - 1));
        }
        int i = head - 1 - age;
        return values[i < 0 ? i + values.length : i];
    }

    public long newest() {
        return get(0);
    }

    /** Overwrites the newest value, e.g. a bar still forming. */
    public void replaceNewest(long value) {
        if (size == 0) {
            throw new IllegalStateException("empty ring");
        }
        int i = head - 1;
        values[i < 0 ? i + values.length : i] = value;
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return values.length;
    }

    public boolean isFull() {
        return size == values.length;
    }

    public void clear() {
        head = 0;
        size = 0;
    }

    /** Bytes held: array header plus the slots (for per-symbol byte estimates). */
    public long bytes() {
        return 16L + 8L * values.length + 24;
    }
}
