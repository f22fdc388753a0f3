package io.steadystate.soak.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import shark.HeapGraph;
import shark.HeapObject;
import shark.HeapObject.HeapInstance;
import shark.HeapObject.HeapObjectArray;
import shark.HeapObject.HeapPrimitiveArray;

/** A class histogram read from a heap dump: instances and shallow bytes per class name. */
final class ClassCounts {

    private final Map<String, long[]> byClass;

    private ClassCounts(Map<String, long[]> byClass) {
        this.byClass = byClass;
    }

    static ClassCounts of(HeapGraph graph) {
        // by class id first: resolving a name per object would look it up a million times
        Map<Long, long[]> byId = new HashMap<>();
        Map<String, long[]> byName = new HashMap<>();
        for (Iterator<HeapObject> it = graph.getObjects().iterator(); it.hasNext(); ) {
            HeapObject o = it.next();
            if (o instanceof HeapInstance i) {
                byId.computeIfAbsent(i.getInstanceClassId(), k -> new long[2])[0]++; // bytes: per class, below
            } else if (o instanceof HeapObjectArray a) {
                add(byId.computeIfAbsent(a.getArrayClassId(), k -> new long[2]), a.getByteSize());
            } else if (o instanceof HeapPrimitiveArray a) {
                add(byName.computeIfAbsent(a.getArrayClassName(), k -> new long[2]), a.getByteSize());
            }
        }
        byId.forEach((id, counts) -> {
            HeapObject c = graph.findObjectByIdOrNull(id);
            String name = c instanceof HeapObject.HeapClass hc ? hc.getName() : "class@" + id;
            long[] sum = byName.computeIfAbsent(name, k -> new long[2]);
            sum[0] += counts[0];
            // instances of a class all have its field size; arrays were summed one by one
            sum[1] += c instanceof HeapObject.HeapClass hc && !hc.isArrayClass()
                    ? counts[0] * hc.getInstanceByteSize()
                    : counts[1];
        });
        return new ClassCounts(byName);
    }

    private static void add(long[] counts, long bytes) {
        counts[0]++;
        counts[1] += bytes;
    }

    /** The classes whose shallow bytes grew most from {@code start} to {@code end}, largest growth first. */
    static List<GrowingClass> growth(ClassCounts start, ClassCounts end, int limit) {
        List<GrowingClass> all = new ArrayList<>();
        end.byClass.forEach((name, e) -> {
            long[] s = start.byClass.getOrDefault(name, new long[2]);
            if (e[1] > s[1]) {
                all.add(new GrowingClass(name, s[0], e[0], s[1], e[1]));
            }
        });
        all.sort(Comparator.comparingLong(GrowingClass::bytesGrowth).reversed());
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }

    long instances(String className) {
        long[] c = byClass.get(className);
        return c == null ? 0 : c[0];
    }
}
