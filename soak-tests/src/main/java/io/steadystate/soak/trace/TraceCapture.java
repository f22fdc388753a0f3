package io.steadystate.soak.trace;

import io.steadystate.soak.sampling.ServiceSample;
import io.steadystate.soak.stack.ServiceEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The soak session's side of leak tracing: heap dumps of every local service when the judged window can begin
 * and when it ends, then — once the verdict is known — a {@link LeakTrace} for each service that needs one.
 * Dumps are deleted after tracing (they are as large as the live heap); a failed dump or analysis becomes the
 * trace's note, never a failed run.
 *
 * <p>When a service's post-GC heap reaches {@value #FILLING_EARLY} of its heap before the warm-up ends, the start
 * dumps are taken then. A service whose post-GC heap reaches {@value #NEARLY_FULL} of its heap gets its end dump at once: the services
 * exit on OutOfMemoryError, and a dead JVM cannot be dumped. Measured on the default profile (18,000 ticks/s), a
 * per-tick leak such as market-data's {@code event-log} fills 256 MB within minutes of the window's start.
 */
public final class TraceCapture {

    /** Share of the heap (post-GC) at which the end dump is taken early. */
    static final double NEARLY_FULL = 0.7;
    /**
     * Share of the heap at which the start dumps are taken before the warm-up ends: a leak that fills the heap in
     * minutes would otherwise be dumped at 70 % seconds after a start dump at 65 % (measured: rally-cache and
     * event-log at 18,000 ticks/s, 8 s apart, +4.5 %), too little growth to tell from a store at its bound.
     */
    static final double FILLING_EARLY = 0.4;

    private final TraceMode mode;
    private final Path dir;
    private final Consumer<String> log;
    private final HeapDumper dumper = new HeapDumper();
    // written by the dump thread, read only after joining it
    private final Map<String, Path> startDumps = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Path> endDumps = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, String> failures = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, String> earlyEnds = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, String> earlyStarts = new java.util.concurrent.ConcurrentHashMap<>();
    private boolean started;
    private CompletableFuture<Void> startDone = CompletableFuture.completedFuture(null);

    public TraceCapture(TraceMode mode, Path dir, Consumer<String> log) {
        this.mode = mode;
        this.dir = dir;
        this.log = log;
    }

    public boolean startTaken() {
        return started;
    }

    /** Whether the start dumps (taken on their own thread) are written; until then {@link #watch} waits. */
    boolean startDumpsDone() {
        return startDone.isDone();
    }

    /**
     * Start of the judged window: one dump per local service (a deployed one has no pid to dump), on a thread of
     * its own — three dumps take 10–15 s on a loaded machine and would otherwise delay the next samples.
     */
    public void atWindowStart(List<ServiceEndpoint> services) {
        started = true;
        startDone = CompletableFuture.runAsync(() -> dumpAll(services, "start", startDumps), task -> {
            Thread t = new Thread(task, "soak-heap-dump");
            t.setDaemon(true);
            t.start();
        });
    }

    /**
     * Before the warm-up ends: whether a service's post-GC heap already reached {@link #FILLING_EARLY} of
     * {@code heapMb} — then the caller takes the start dumps now ({@link #atWindowStart}).
     */
    public boolean fillingEarly(List<ServiceSample> samples, double heapMb, double elapsedSeconds) {
        if (mode == TraceMode.OFF || started) {
            return false;
        }
        for (ServiceSample s : samples) {
            if (s.postGcHeapBytes() != null && s.postGcHeapBytes() / 1048576.0 >= FILLING_EARLY * heapMb) {
                String why = String.format(
                        java.util.Locale.ROOT,
                        "start dumps taken early, at %.0f s: post-GC heap "
                                + "%.0f MB of %.0f MB (≥ %.0f %%) before the warm-up ended",
                        elapsedSeconds,
                        s.postGcHeapBytes() / 1048576.0,
                        heapMb,
                        FILLING_EARLY * 100);
                log.accept(s.service() + ": " + why);
                earlyStarts.put(s.service(), why);
                return true;
            }
        }
        return false;
    }

    /**
     * After each sample: a local service whose post-GC heap reached {@link #NEARLY_FULL} of {@code heapMb} has its
     * end dump taken now, before an OutOfMemoryError can end the process (once the start dump is written).
     *
     * @return true when this call took the end dump
     */
    public boolean watch(ServiceEndpoint e, ServiceSample sample, double heapMb, double elapsedSeconds) {
        String service = e.id().module();
        if (mode == TraceMode.OFF
                || !e.local()
                || sample == null
                || sample.postGcHeapBytes() == null
                || !startDone.isDone()
                || !startDumps.containsKey(service)
                || endDumps.containsKey(service)) {
            return false;
        }
        double mb = sample.postGcHeapBytes() / 1048576.0;
        if (mb < NEARLY_FULL * heapMb) {
            return false;
        }
        String why = String.format(
                java.util.Locale.ROOT,
                "end dump taken early, at %.0f s: post-GC heap %.0f MB of "
                        + "%.0f MB (≥ %.0f %%), before an OutOfMemoryError could end the process",
                elapsedSeconds,
                mb,
                heapMb,
                NEARLY_FULL * 100);
        log.accept(service + ": " + why);
        earlyEnds.put(service, why);
        dumpAll(List.of(e), "end", endDumps);
        return true;
    }

    /** End of the judged window (before the market stops): services with a start dump and no early end dump. */
    public void atWindowEnd(List<ServiceEndpoint> services) {
        startDone.join();
        dumpAll(
                services.stream()
                        .filter(s -> startDumps.containsKey(s.id().module()) && !endDumps.containsKey(s.id().module()))
                        .toList(),
                "end",
                endDumps);
    }

    private void dumpAll(List<ServiceEndpoint> services, String phase, Map<String, Path> into) {
        if (mode == TraceMode.OFF) {
            return;
        }
        for (ServiceEndpoint e : services) {
            if (!e.local()) {
                continue;
            }
            String service = e.id().module();
            try {
                long t0 = System.nanoTime();
                Path f = dumper.dump(e.pid(), dir.resolve(service + "-" + phase + ".hprof"));
                into.put(service, f);
                log.accept(String.format(
                        java.util.Locale.ROOT,
                        "heap dump %s %s: %.1f MB in %.1f s",
                        service,
                        phase,
                        Files.size(f) / 1048576.0,
                        (System.nanoTime() - t0) / 1e9));
            } catch (IOException | RuntimeException ex) {
                failures.put(service, "heap dump at window " + phase + " failed: " + ex.getMessage());
            }
        }
    }

    /** Traces the services in {@code leaking} (or all, with {@link TraceMode#ALL}), then deletes every dump. */
    public List<LeakTrace> trace(Set<String> leaking) {
        List<LeakTrace> traces = new ArrayList<>();
        try {
            startDone.join();
            if (mode == TraceMode.OFF) {
                return traces;
            }
            LeakTracer tracer = new LeakTracer(LeakTracer.Options.defaults());
            for (String service : startDumps.keySet()) {
                if (mode != TraceMode.ALL && !leaking.contains(service)) {
                    continue;
                }
                Path start = startDumps.get(service);
                Path end = endDumps.get(service);
                if (end == null) {
                    traces.add(LeakTrace.failed(service, failures.getOrDefault(service, "no heap dump at window end")));
                    continue;
                }
                log.accept("tracing " + service + " (Shark, two heap dumps)…");
                try {
                    traces.add(withEarlyEnd(tracer.trace(service, start, end)));
                } catch (RuntimeException ex) {
                    traces.add(LeakTrace.failed(service, "analysis failed: " + ex.getMessage()));
                }
            }
            for (String service : leaking) {
                if (!startDumps.containsKey(service) && failures.containsKey(service)) {
                    traces.add(LeakTrace.failed(service, failures.get(service)));
                }
            }
            return traces;
        } finally {
            deleteDumps();
        }
    }

    private LeakTrace withEarlyEnd(LeakTrace t) {
        String early = java.util.stream.Stream.of(earlyStarts.get(t.service()), earlyEnds.get(t.service()))
                .filter(java.util.Objects::nonNull)
                .reduce((a, b) -> a + "; " + b)
                .orElse(null);
        return early == null
                ? t
                : new LeakTrace(
                        t.service(),
                        t.startDump(),
                        t.endDump(),
                        t.fields(),
                        t.classes(),
                        t.analysisMillis(),
                        t.note() == null ? early : t.note() + "; " + early);
    }

    /** No tracing after all (the run was interrupted): deletes the dumps taken so far. */
    public List<LeakTrace> discard() {
        startDone.join();
        deleteDumps();
        return List.of();
    }

    private void deleteDumps() {
        List<Path> all = new ArrayList<>(startDumps.values());
        all.addAll(endDumps.values());
        for (Path f : all) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException ignored) {
                // a left-over dump in the run directory is untidy, not wrong
            }
        }
    }
}
