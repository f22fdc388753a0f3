package io.steadystate.soak.trace;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import shark.HeapField;
import shark.HeapGraph;
import shark.HeapObject;
import shark.HeapObject.HeapClass;
import shark.HeapObject.HeapInstance;

/**
 * Every container held directly by a field of our code in one heap dump, summed per field: for
 * {@code OrderTrackingLeak.stopLossOrders} the number of owning instances, their containers' entries together,
 * and the largest one (the instance a path is traced to). A field of a class with many instances (a ring buffer
 * in every symbol's state) is one row with many owners: growth there can come from more owners, not a fuller
 * container, and {@link FieldGrowth} tells the two apart.
 */
final class ContainerCensus {

    /** One field of our code across all its owners in one dump. */
    record OwnedContainers(
            String ownerClass,
            String field,
            boolean staticField,
            String containerClass,
            long owners,
            long entries,
            long largestEntries,
            long largestObjectId) {

        String key() {
            return ownerClass + "." + field;
        }

        OwnedContainers plus(String container, long size, long objectId) {
            boolean larger = size > largestEntries;
            return new OwnedContainers(
                    ownerClass,
                    field,
                    staticField,
                    larger ? container : containerClass,
                    owners + 1,
                    entries + size,
                    larger ? size : largestEntries,
                    larger ? objectId : largestObjectId);
        }
    }

    private ContainerCensus() {}

    /** Keyed by {@code owner.field}; only fields declared by classes whose name starts with {@code ownPackage}. */
    static Map<String, OwnedContainers> of(HeapGraph graph, String ownPackage) {
        Map<String, OwnedContainers> byField = new HashMap<>();
        Set<Long> ownClasses = new HashSet<>();
        for (Iterator<HeapClass> it = graph.getClasses().iterator(); it.hasNext(); ) {
            HeapClass c = it.next();
            if (!c.getName().startsWith(ownPackage)) {
                continue;
            }
            ownClasses.add(c.getObjectId());
            for (Iterator<HeapField> fields = c.readStaticFields().iterator(); fields.hasNext(); ) {
                count(byField, fields.next(), true, ownPackage);
            }
        }
        // one pass over all instances: a class's directInstances would scan them all once per class
        for (Iterator<HeapInstance> it = graph.getInstances().iterator(); it.hasNext(); ) {
            HeapInstance i = it.next();
            if (ownClasses.contains(i.getInstanceClassId())) {
                for (Iterator<HeapField> fields = i.readFields().iterator(); fields.hasNext(); ) {
                    count(byField, fields.next(), false, ownPackage);
                }
            }
        }
        return byField;
    }

    private static void count(Map<String, OwnedContainers> byField, HeapField f, boolean isStatic, String ownPackage) {
        String owner = f.getDeclaringClass().getName();
        if (!owner.startsWith(ownPackage) || !f.getValue().isNonNullReference()) {
            return;
        }
        HeapObject target = f.getValue().getAsObject();
        if (target == null || !ContainerSize.mayBeContainer(target)) {
            return;
        }
        OptionalLong size = ContainerSize.entries(target);
        if (size.isEmpty()) {
            return;
        }
        String key = owner + "." + f.getName();
        OwnedContainers before = byField.getOrDefault(
                key, new OwnedContainers(owner, f.getName(), isStatic, className(target), 0, 0, -1, 0));
        byField.put(key, before.plus(className(target), size.getAsLong(), target.getObjectId()));
    }

    static String className(HeapObject o) {
        if (o instanceof HeapInstance i) {
            return i.getInstanceClassName();
        }
        if (o instanceof HeapObject.HeapObjectArray a) {
            return a.getArrayClassName();
        }
        if (o instanceof HeapObject.HeapPrimitiveArray a) {
            return a.getArrayClassName();
        }
        return o instanceof HeapClass c ? "class " + c.getName() : "?";
    }
}
