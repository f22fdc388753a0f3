package io.steadystate.soak.trace;

import java.util.List;

/**
 * A field of our code whose container grew between the two dumps, summed over every instance that owns one.
 *
 * @param ownersMultiplied true when the owners themselves grew in number (a fixed-size buffer in each of more
 *                         and more leaked objects): the growth then belongs to whatever holds the owners
 * @param retainedBytesEnd bytes the largest such container keeps alive at the end (Shark's dominator tree), or
 *                         null when its path was not traced
 * @param elementClass     the class of an entry, found by walking into the largest container; null if none
 * @param gcRoot           LeakCanary's description of the GC root of the path, null when not traced
 * @param path             from the GC root to the container, one hop per reference, then into the container to
 *                         one entry (e.g. {@code HashMap.table}, {@code HashMap$Node[][3]}, {@code HashMap$Node.value})
 */
public record GrowingField(
        String ownerClass,
        String field,
        boolean staticField,
        String containerClass,
        long ownersStart,
        long ownersEnd,
        long entriesStart,
        long entriesEnd,
        boolean ownersMultiplied,
        Long retainedBytesEnd,
        String elementClass,
        String gcRoot,
        List<String> path) {

    public GrowingField {
        path = path == null ? List.of() : List.copyOf(path);
    }

    public long entriesGrowth() {
        return entriesEnd - entriesStart;
    }

    /** {@code OrderTrackingLeak.stopLossOrders}: the owner's simple name (nested names kept) and the field. */
    public String fieldName() {
        return simpleName(ownerClass) + "." + field;
    }

    static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    GrowingField withPath(Long retained, String element, String root, List<String> hops) {
        return new GrowingField(
                ownerClass,
                field,
                staticField,
                containerClass,
                ownersStart,
                ownersEnd,
                entriesStart,
                entriesEnd,
                ownersMultiplied,
                retained,
                element,
                root,
                hops);
    }
}
