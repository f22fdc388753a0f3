package io.steadystate.soak.trace;

import java.util.Iterator;
import java.util.OptionalLong;
import java.util.Set;
import shark.HeapField;
import shark.HeapObject;
import shark.HeapObject.HeapInstance;
import shark.HeapObject.HeapObjectArray;
import shark.HeapObject.HeapPrimitiveArray;

/**
 * How many entries a collection in a heap dump holds, read from its own fields the way the JDK counts them
 * ({@code HashMap.size}, {@code ConcurrentHashMap.baseCount + counterCells}, an array's length, …). Wrappers
 * (synchronized/unmodifiable views, {@code HashSet}'s map, Caffeine's cache → its {@code data} map) are followed
 * to the collection they wrap. Anything else is not a container: {@link #entries} is empty.
 */
final class ContainerSize {

    /** Packages whose objects can be containers; our own classes are owners, never containers. */
    private static final String[] CONTAINER_PACKAGES = {
        "java.util.",
        "com.github.benmanes.caffeine.",
        "it.unimi.dsi.fastutil.",
        "org.agrona.",
        "org.eclipse.collections."
    };
    /** Int fields that hold the entry count in java.util (HashMap, ArrayList, TreeMap, Vector, Hashtable, …). */
    private static final Set<String> COUNT_FIELDS = Set.of("size", "count", "elementCount");
    /** Fields through which a wrapper reaches the collection it wraps. */
    private static final Set<String> DELEGATE_FIELDS =
            Set.of("map", "m", "c", "al", "data", "cache", "delegate", "list", "q", "queue", "deque");

    private static final int MAX_DELEGATION = 4;

    private ContainerSize() {}

    /** True for arrays and instances of the collection packages; says nothing yet about whether a size is known. */
    static boolean mayBeContainer(HeapObject o) {
        if (o instanceof HeapObjectArray || o instanceof HeapPrimitiveArray) {
            return true;
        }
        if (o instanceof HeapInstance i) {
            String name = i.getInstanceClassName();
            if (name.startsWith("java.util.concurrent.atomic.") || name.startsWith("java.util.concurrent.locks.")) {
                return false;
            }
            for (String p : CONTAINER_PACKAGES) {
                if (name.startsWith(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Entries (elements, for an array its length) or empty when this object is not a container we can count. */
    static OptionalLong entries(HeapObject o) {
        return entries(o, 0);
    }

    private static OptionalLong entries(HeapObject o, int depth) {
        if (o instanceof HeapObjectArray a) {
            return OptionalLong.of(a.getByteSize() / a.getGraph().getIdentifierByteSize());
        }
        if (o instanceof HeapPrimitiveArray a) {
            return OptionalLong.of(a.getByteSize() / a.getPrimitiveType().getByteSize());
        }
        if (!(o instanceof HeapInstance i) || depth > MAX_DELEGATION || !mayBeContainer(o)) {
            return OptionalLong.empty();
        }
        String name = i.getInstanceClassName();
        switch (name) {
            case "java.util.concurrent.ConcurrentHashMap":
                return OptionalLong.of(longField(i, "baseCount") + counterCells(i));
            case "java.util.concurrent.ConcurrentSkipListMap":
                return adder(i, "adder");
            case "java.util.concurrent.CopyOnWriteArrayList":
                return delegate(i, "array", depth);
            case "java.util.ArrayDeque":
                return nonNullElements(i, "elements");
            case "java.util.concurrent.LinkedBlockingQueue", "java.util.concurrent.LinkedBlockingDeque":
                Long atomic = atomicInt(i, "count");
                if (atomic != null) {
                    return OptionalLong.of(atomic);
                }
                break;
            default:
                break;
        }
        for (Iterator<HeapField> it = i.readFields().iterator(); it.hasNext(); ) {
            HeapField f = it.next();
            if (COUNT_FIELDS.contains(f.getName()) && f.getValue().getAsInt() != null) {
                return OptionalLong.of(f.getValue().getAsInt());
            }
        }
        for (Iterator<HeapField> it = i.readFields().iterator(); it.hasNext(); ) {
            HeapField f = it.next();
            HeapObject target = f.getValue().getAsObject();
            if (DELEGATE_FIELDS.contains(f.getName()) && target != null && target.getObjectId() != o.getObjectId()) {
                OptionalLong inner = entries(target, depth + 1);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return OptionalLong.empty();
    }

    private static OptionalLong delegate(HeapInstance i, String field, int depth) {
        HeapObject target = objectField(i, field);
        return target == null ? OptionalLong.of(0) : entries(target, depth + 1);
    }

    private static OptionalLong nonNullElements(HeapInstance i, String field) {
        HeapObject target = objectField(i, field);
        if (!(target instanceof HeapObjectArray a)) {
            return OptionalLong.empty();
        }
        long n = 0;
        for (long id : a.readRecord().getElementIds()) {
            if (id != 0) {
                n++;
            }
        }
        return OptionalLong.of(n);
    }

    /** ConcurrentHashMap spreads its count over {@code baseCount} and the {@code counterCells} under contention. */
    private static long counterCells(HeapInstance map) {
        HeapObject cells = objectField(map, "counterCells");
        if (!(cells instanceof HeapObjectArray a)) {
            return 0;
        }
        long sum = 0;
        for (long id : a.readRecord().getElementIds()) {
            if (id != 0 && a.getGraph().findObjectById(id) instanceof HeapInstance cell) {
                sum += longField(cell, "value");
            }
        }
        return sum;
    }

    private static OptionalLong adder(HeapInstance i, String field) {
        if (!(objectField(i, field) instanceof HeapInstance adder)) {
            return OptionalLong.empty();
        }
        long sum = longField(adder, "base");
        HeapObject cells = objectField(adder, "cells");
        if (cells instanceof HeapObjectArray a) {
            for (long id : a.readRecord().getElementIds()) {
                if (id != 0 && a.getGraph().findObjectById(id) instanceof HeapInstance cell) {
                    sum += longField(cell, "value");
                }
            }
        }
        return OptionalLong.of(sum);
    }

    private static Long atomicInt(HeapInstance i, String field) {
        HeapObject o = objectField(i, field);
        if (o instanceof HeapInstance atomic) {
            for (Iterator<HeapField> it = atomic.readFields().iterator(); it.hasNext(); ) {
                HeapField f = it.next();
                if (f.getName().equals("value") && f.getValue().getAsInt() != null) {
                    return (long) f.getValue().getAsInt();
                }
            }
        }
        return null;
    }

    static HeapObject objectField(HeapInstance i, String name) {
        for (Iterator<HeapField> it = i.readFields().iterator(); it.hasNext(); ) {
            HeapField f = it.next();
            if (f.getName().equals(name)) {
                return f.getValue().getAsObject();
            }
        }
        return null;
    }

    private static long longField(HeapInstance i, String name) {
        for (Iterator<HeapField> it = i.readFields().iterator(); it.hasNext(); ) {
            HeapField f = it.next();
            if (f.getName().equals(name)) {
                Long l = f.getValue().getAsLong();
                Integer n = f.getValue().getAsInt();
                return l != null ? l : n != null ? n : 0;
            }
        }
        return 0;
    }
}
