package io.steadystate.soak.trace;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import shark.CloseableHeapGraph;
import shark.HeapGraph;
import shark.HeapObject;
import shark.HprofHeapGraph;
import shark.HprofIndex;

/**
 * Compares two heap dumps of one service and says which field of our code holds what grew: every container
 * referenced by a field of a class in {@link Options#ownPackage} is counted in both dumps, the fields whose
 * containers grew are ranked by growth in entries, and for the top ones LeakCanary's Shark finds the shortest
 * path from a GC root to the container in the end dump. The class histogram of both dumps is diffed beside it.
 *
 * <pre>{@code LeakTrace t = new LeakTracer(LeakTracer.Options.defaults()).trace("order-service", start, end);
 * System.out.println(LeakTraceText.render(t));}</pre>
 */
public final class LeakTracer {

    /** How close a container's entry growth must be to a class's instance growth to be matched to it. */
    static final double MATCH_TOLERANCE = 0.1;

    /**
     * @param ownPackage     whose fields are owners ("our code")
     * @param maxFields      growing fields reported (and traced)
     * @param maxClasses     growing classes reported
     * @param minEntryGrowth entries a field's containers must gain to count as growing
     * @param minGrowthRatio … and end/start entries at least this ratio (a store wobbling at its bound is not growth)
     */
    public record Options(
            String ownPackage, int maxFields, int maxClasses, long minEntryGrowth, double minGrowthRatio) {

        public static Options defaults() {
            return new Options("io.steadystate.", 5, 8, 50, 1.1);
        }
    }

    private final Options options;

    public LeakTracer(Options options) {
        this.options = options;
    }

    /** Reads both dumps (Shark indexes each; the end dump is also path-searched); Shark's failures propagate. */
    public LeakTrace trace(String service, Path startDump, Path endDump) {
        long t0 = System.nanoTime();
        Map<String, ContainerCensus.OwnedContainers> before;
        ClassCounts classesBefore;
        try (CloseableHeapGraph start = open(startDump)) {
            before = ContainerCensus.of(start, options.ownPackage());
            classesBefore = ClassCounts.of(start);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read heap dump " + startDump, e);
        }
        try (CloseableHeapGraph end = open(endDump)) {
            Map<String, ContainerCensus.OwnedContainers> after = ContainerCensus.of(end, options.ownPackage());
            ClassCounts classesAfter = ClassCounts.of(end);
            List<GrowingClass> classes = ClassCounts.growth(classesBefore, classesAfter, options.maxClasses());
            List<GrowingField> growing = growing(before, after);
            if (growing.isEmpty()) {
                growing = matchingClassGrowth(before, after, classes);
            }
            List<GrowingField> traced = tracePaths(endDump.toFile(), end, growing, after);
            String note = traced.isEmpty()
                    ? "no field of " + options.ownPackage() + "* holds a container that grew by "
                            + options.minEntryGrowth() + "+ entries between the dumps"
                    : null;
            return new LeakTrace(
                    service,
                    startDump.toString(),
                    endDump.toString(),
                    traced,
                    classes,
                    (System.nanoTime() - t0) / 1_000_000,
                    note);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read heap dump " + endDump, e);
        }
    }

    private static CloseableHeapGraph open(Path dump) {
        return HprofHeapGraph.Companion.openHeapGraph(
                dump.toFile(), null, HprofIndex.Companion.defaultIndexedGcRootTags());
    }

    /** Fields whose containers gained entries; fields whose owners multiplied sort after the others. */
    List<GrowingField> growing(
            Map<String, ContainerCensus.OwnedContainers> before, Map<String, ContainerCensus.OwnedContainers> after) {
        List<GrowingField> out = new ArrayList<>();
        for (ContainerCensus.OwnedContainers e : after.values()) {
            ContainerCensus.OwnedContainers s = before.get(e.key());
            long ownersStart = s == null ? 0 : s.owners();
            long entriesStart = s == null ? 0 : s.entries();
            long growth = e.entries() - entriesStart;
            if (growth < options.minEntryGrowth() || e.entries() < entriesStart * options.minGrowthRatio()) {
                continue;
            }
            // more owners by a tenth (and by 10+): fixed-size containers of objects that accumulate elsewhere
            boolean multiplied = e.owners() - ownersStart >= 10 && e.owners() > ownersStart * 1.1;
            out.add(new GrowingField(
                    e.ownerClass(),
                    e.field(),
                    e.staticField(),
                    e.containerClass(),
                    ownersStart,
                    e.owners(),
                    entriesStart,
                    e.entries(),
                    multiplied,
                    null,
                    null,
                    null,
                    List.of()));
        }
        out.sort(Comparator.comparing(GrowingField::ownersMultiplied)
                .thenComparing(
                        Comparator.comparingLong(GrowingField::entriesGrowth).reversed()));
        return List.copyOf(out.subList(0, Math.min(options.maxFields(), out.size())));
    }

    /**
     * When no field grew by the ratio: the fields whose containers gained about as many entries (within
     * {@value #MATCH_TOLERANCE} of it) as a growing class gained instances. A leak that filled most of the heap
     * before the start dump grows by a few per cent between two dumps seconds apart — measured: market-data's
     * {@code event-log} at 18,000 ticks/s held 2.9 M ticks at the start dump and gained 131,695 (4.5 %) before its
     * heap reached 70 % — below the ratio that keeps a store wobbling at its bound out, yet the one container
     * whose growth equals the {@code Tick} instances gained. A store at its bound replaces entries; it does not
     * gain as many as a class gains instances.
     */
    List<GrowingField> matchingClassGrowth(
            Map<String, ContainerCensus.OwnedContainers> before,
            Map<String, ContainerCensus.OwnedContainers> after,
            List<GrowingClass> classes) {
        List<GrowingField> out = new ArrayList<>();
        for (ContainerCensus.OwnedContainers e : after.values()) {
            ContainerCensus.OwnedContainers s = before.get(e.key());
            long entriesStart = s == null ? 0 : s.entries();
            long growth = e.entries() - entriesStart;
            if (growth < options.minEntryGrowth()) {
                continue;
            }
            boolean matches = classes.stream()
                    .anyMatch(c -> c.instancesGrowth() >= options.minEntryGrowth()
                            && Math.abs(c.instancesGrowth() - growth) <= MATCH_TOLERANCE * c.instancesGrowth());
            if (matches) {
                out.add(new GrowingField(
                        e.ownerClass(),
                        e.field(),
                        e.staticField(),
                        e.containerClass(),
                        s == null ? 0 : s.owners(),
                        e.owners(),
                        entriesStart,
                        e.entries(),
                        false,
                        null,
                        null,
                        null,
                        List.of()));
            }
        }
        out.sort(Comparator.comparingLong(GrowingField::entriesGrowth).reversed());
        return List.copyOf(out.subList(0, Math.min(options.maxFields(), out.size())));
    }

    /** Adds to each growing field the path to its largest container and what the container holds. */
    private static List<GrowingField> tracePaths(
            File dump,
            HeapGraph graph,
            List<GrowingField> growing,
            Map<String, ContainerCensus.OwnedContainers> after) {
        if (growing.isEmpty()) {
            return growing;
        }
        Set<Long> ids = new HashSet<>();
        for (GrowingField f : growing) {
            ids.add(after.get(f.ownerClass() + "." + f.field()).largestObjectId());
        }
        List<ReferencePaths.Path> paths = new ArrayList<>(ReferencePaths.find(dump, graph, ids, true));
        Map<String, ReferencePaths.Path> byField = new HashMap<>();
        for (ReferencePaths.Path p : paths) {
            if (p.lastField() != null) {
                byField.putIfAbsent(p.lastField(), p);
            }
        }
        List<GrowingField> out = new ArrayList<>();
        for (GrowingField f : growing) {
            ContainerCensus.OwnedContainers c = after.get(f.ownerClass() + "." + f.field());
            ReferencePaths.Path p = byField.remove(f.ownerClass() + "." + f.field());
            if (p == null) {
                // reached first through something else (a thread's local variable): the same container's path
                p = paths.stream()
                        .filter(x -> x.objectClass().equals(c.containerClass()) && x.lastField() == null)
                        .findFirst()
                        .orElse(null);
            }
            HeapObject container = graph.findObjectByIdOrNull(c.largestObjectId());
            ContainerWalk.Entry entry =
                    container == null ? new ContainerWalk.Entry(List.of(), null) : ContainerWalk.toEntry(container);
            List<String> hops = new ArrayList<>(p == null ? List.of() : p.hops());
            hops.addAll(entry.hops());
            if (entry.elementClass() != null) {
                hops.add(GrowingField.simpleName(entry.elementClass()));
            }
            out.add(f.withPath(
                    p == null ? null : p.retainedBytes(), entry.elementClass(), p == null ? null : p.gcRoot(), hops));
        }
        return out;
    }
}
