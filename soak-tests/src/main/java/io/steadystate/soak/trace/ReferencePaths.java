package io.steadystate.soak.trace;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import shark.HeapAnalysis;
import shark.HeapAnalysisSuccess;
import shark.HeapAnalyzer;
import shark.HeapGraph;
import shark.IgnoredReferenceMatcher;
import shark.Leak;
import shark.LeakTraceObject;
import shark.LeakTraceReference;
import shark.MetadataExtractor;
import shark.OnAnalysisProgressListener;
import shark.ReferenceMatcher;
import shark.ReferencePattern;

/**
 * Shortest strong reference paths from GC roots to given objects, found by LeakCanary's {@link HeapAnalyzer} (its
 * breadth-first PathFinder, with retained sizes from its dominator tree) — the objects here are the growing
 * containers, handed to it as "leaking" objects.
 */
final class ReferencePaths {

    /** One path: the GC root kind, the references (owning class + name) and the object it reaches. */
    record Path(String gcRoot, List<LeakTraceReference> references, String objectClass, Long retainedBytes) {

        /** The field the path enters its object by: {@code owner.field}, or null for a local/array entry. */
        String lastField() {
            if (references.isEmpty()) {
                return null;
            }
            LeakTraceReference last = references.get(references.size() - 1);
            return switch (last.getReferenceType()) {
                case INSTANCE_FIELD, STATIC_FIELD -> last.getOwningClassName() + "." + last.getReferenceName();
                default -> null;
            };
        }

        List<String> hops() {
            List<String> hops = new ArrayList<>();
            if (!references.isEmpty()) {
                var root = references.get(0).getOriginObject();
                hops.add((root.getType() == LeakTraceObject.ObjectType.CLASS ? "class " : "") + root.getClassName());
            }
            for (LeakTraceReference r : references) {
                String owner = GrowingField.simpleName(r.getOwningClassName());
                hops.add(
                        switch (r.getReferenceType()) {
                            case STATIC_FIELD -> "static " + owner + "." + r.getReferenceName();
                            case INSTANCE_FIELD -> owner + "." + r.getReferenceName();
                            case ARRAY_ENTRY -> owner + "[" + r.getReferenceName() + "]";
                            case LOCAL ->
                                "<Java local of "
                                        + GrowingField.simpleName(
                                                r.getOriginObject().getClassName()) + ">";
                        });
            }
            return hops;
        }
    }

    /** Weak, soft, phantom and finalizer references do not keep anything alive: never walk through them. */
    private static final List<ReferenceMatcher> MATCHERS = List.of(new IgnoredReferenceMatcher(
            new ReferencePattern.InstanceFieldPattern("java.lang.ref.Reference", "referent")));

    private ReferencePaths() {}

    /** Paths to {@code objectIds} (deduplicated by Shark: an object on another one's path hides the deeper one). */
    static List<Path> find(File dump, HeapGraph graph, Set<Long> objectIds, boolean retainedSizes) {
        HeapAnalysis analysis = new HeapAnalyzer(OnAnalysisProgressListener.Companion.getNO_OP())
                .analyze(
                        dump,
                        graph,
                        g -> objectIds,
                        MATCHERS,
                        retainedSizes,
                        List.of(),
                        MetadataExtractor.Companion.getNO_OP());
        if (!(analysis instanceof HeapAnalysisSuccess success)) {
            throw new IllegalStateException("Shark could not analyse " + dump + ": " + analysis);
        }
        List<Path> paths = new ArrayList<>();
        for (Leak leak : success.getApplicationLeaks()) {
            add(paths, leak);
        }
        for (Leak leak : success.getLibraryLeaks()) {
            add(paths, leak);
        }
        return paths;
    }

    private static void add(List<Path> paths, Leak leak) {
        for (shark.LeakTrace t : leak.getLeakTraces()) {
            Integer retained = t.getLeakingObject().getRetainedHeapByteSize();
            paths.add(new Path(
                    t.getGcRootType().getDescription(),
                    t.getReferencePath(),
                    t.getLeakingObject().getClassName(),
                    retained == null ? null : retained.longValue()));
        }
    }
}
