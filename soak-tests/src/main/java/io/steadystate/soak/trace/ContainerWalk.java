package io.steadystate.soak.trace;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import shark.HeapField;
import shark.HeapObject;
import shark.HeapObject.HeapInstance;
import shark.HeapObject.HeapObjectArray;

/**
 * From a container down to one of its entries, the way LeakCanary's trace ends at the leaking object: through the
 * collection's internals ({@code HashMap.table → [i] → HashMap$Node.value}) to the first object that is not part of
 * the collection, whose class is what the container accumulates.
 */
final class ContainerWalk {

    /** Internals that lead towards entries, in order of preference (values before keys, arrays before links). */
    private static final List<String> TOWARDS_ENTRIES = List.of(
            "table",
            "elementData",
            "array",
            "elements",
            "queue",
            "data",
            "cache",
            "map",
            "m",
            "c",
            "al",
            "value",
            "val",
            "item",
            "key",
            "head",
            "first",
            "root");

    private static final int MAX_HOPS = 8;
    private static final java.util.Set<String> MARKERS = java.util.Set.of("java.lang.Object", "java.lang.Boolean");

    record Entry(List<String> hops, String elementClass) {}

    private ContainerWalk() {}

    static Entry toEntry(HeapObject container) {
        List<String> hops = new ArrayList<>();
        HeapObject current = container;
        for (int i = 0; i < MAX_HOPS; i++) {
            HeapObject next;
            if (current instanceof HeapObjectArray a) {
                long[] ids = a.readRecord().getElementIds();
                int index = lastNonNull(ids);
                if (index < 0) {
                    return new Entry(hops, null);
                }
                hops.add(GrowingField.simpleName(a.getArrayClassName()) + "[" + index + "]");
                next = a.getGraph().findObjectById(ids[index]);
            } else if (current instanceof HeapInstance inst && ContainerSize.mayBeContainer(inst)) {
                HeapField f = towardsEntries(inst);
                if (f == null) {
                    return new Entry(hops, null);
                }
                hops.add(GrowingField.simpleName(f.getDeclaringClass().getName()) + "." + f.getName());
                next = f.getValue().getAsObject();
            } else if (current instanceof HeapObject.HeapPrimitiveArray) {
                return new Entry(hops, null); // its elements are values, not objects
            } else {
                return new Entry(hops, ContainerCensus.className(current));
            }
            if (next == null) {
                return new Entry(hops, null);
            }
            current = next;
        }
        return new Entry(hops, ContainerCensus.className(current));
    }

    private static int lastNonNull(long[] ids) {
        for (int i = ids.length - 1; i >= 0; i--) {
            if (ids[i] != 0) {
                return i;
            }
        }
        return -1;
    }

    private static HeapField towardsEntries(HeapInstance inst) {
        List<HeapField> refs = new ArrayList<>();
        for (Iterator<HeapField> it = inst.readFields().iterator(); it.hasNext(); ) {
            HeapField f = it.next();
            HeapObject target = f.getValue().isNonNullReference() ? f.getValue().getAsObject() : null;
            // a set's value is its marker (HashSet's PRESENT Object, a key set view's Boolean.TRUE): its key says more
            if (target != null && !(target instanceof HeapInstance t && MARKERS.contains(t.getInstanceClassName()))) {
                refs.add(f);
            }
        }
        for (String name : TOWARDS_ENTRIES) {
            for (HeapField f : refs) {
                if (f.getName().equals(name)) {
                    return f;
                }
            }
        }
        return null;
    }
}
