package io.steadystate.soak.trace;

import java.util.List;

/**
 * What grew in one service between two heap dumps, and where it is held: the fields of our code whose containers
 * grew (each with its path from a GC root) and the classes whose instances grew. Plain data for report.json;
 * {@link LeakTraceText} renders it for people.
 *
 * @param startDump the dump files compared (the session deletes them after tracing)
 * @param fields  growing containers, largest growth in entries first; those of owners that merely multiplied last
 * @param classes classes with the largest growth in shallow bytes
 * @param note    why the trace is empty or partial, else null
 */
public record LeakTrace(
        String service,
        String startDump,
        String endDump,
        List<GrowingField> fields,
        List<GrowingClass> classes,
        long analysisMillis,
        String note) {

    public LeakTrace {
        fields = List.copyOf(fields);
        classes = List.copyOf(classes);
    }

    /** A trace that could not be made (no dump, analysis failed); the reason is the note. */
    public static LeakTrace failed(String service, String reason) {
        return new LeakTrace(service, null, null, List.of(), List.of(), 0, reason);
    }

    /** The first field that grew as a container of its own (not because its owners multiplied). */
    public GrowingField owningField() {
        return fields.stream().filter(f -> !f.ownersMultiplied()).findFirst().orElse(null);
    }
}
