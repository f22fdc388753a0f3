package io.steadystate.soak.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every built-in leak fault (docs/CONTRACTS.md "Leak faults") traced to the field that holds its objects: a child
 * JVM grows the services' real fault classes, is dumped with jcmd at 300 and at 1,500 events, and the trace must
 * name exactly the fault fields, with the entries each one really holds at both ends and a path into it.
 */
class LeakTraceFaultsIT {

    private static final int START = 300;
    private static final int END = 1_500;
    private static Process child;
    private static LeakTrace trace;

    @BeforeAll
    static void growDumpAndTrace() throws Exception {
        Path dir = Path.of(System.getProperty("soak.module.dir", "."), "target", "leak-trace-test");
        Files.createDirectories(dir);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        child = new ProcessBuilder(
                        java.toString(),
                        "-Xmx128m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        FaultGrowth.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter in = new PrintWriter(child.getOutputStream(), true, StandardCharsets.UTF_8);
        await(out, "ready");
        HeapDumper dumper = new HeapDumper();
        in.println("grow " + START);
        await(out, "grown " + START);
        Path start = dumper.dump(child.pid(), dir.resolve("start.hprof"));
        in.println("grow " + (END - START));
        await(out, "grown " + END);
        Path end = dumper.dump(child.pid(), dir.resolve("end.hprof"));
        trace = new LeakTracer(new LeakTracer.Options("io.steadystate.", 16, 40, 50, 1.1)).trace("faults", start, end);
        System.out.println(LeakTraceText.render(trace));
        Files.delete(start);
        Files.delete(end);
    }

    @AfterAll
    static void stopChild() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    private static void await(BufferedReader out, String expected) throws IOException {
        for (String line; (line = out.readLine()) != null; ) {
            if (line.equals(expected)) {
                return;
            }
        }
        throw new IOException("child JVM ended before printing '" + expected + "'");
    }

    private static Map<String, GrowingField> growingOwnFields() {
        return trace.fields().stream()
                .filter(f -> !f.ownersMultiplied() && f.ownerClass().contains(".fault."))
                .collect(Collectors.toMap(GrowingField::fieldName, Function.identity()));
    }

    @Test
    void theGrowingContainersOfTheFaultsAreExactlyTheFaultFields() {
        assertThat(growingOwnFields().keySet())
                .containsExactlyInAnyOrder(
                        "FaultInjector.rallyCache",
                        "FaultInjector.symbolManagers",
                        "OrderTrackingLeak.stopLossOrders",
                        "OrderTrackingLeak.profitTakeOrders",
                        "OrderTrackingLeak.entryToBracket",
                        "EventLogFault.log");
    }

    @Test
    void storesOfEveryKindAreCountedExactlyAndAFixedWindowIsNotGrowth() {
        Map<String, GrowingField> stores = trace.fields().stream()
                .filter(f -> f.ownerClass().endsWith("FaultGrowth$GrowingStores"))
                .collect(Collectors.toMap(f -> f.field(), Function.identity()));
        assertThat(stores.keySet()).containsExactlyInAnyOrder("byId", "seen", "unbounded", "bounded");
        for (GrowingField f : stores.values()) {
            assertThat(f.entriesStart()).as(f.field()).isEqualTo(START);
            assertThat(f.entriesEnd()).as(f.field()).isEqualTo(END);
        }
        assertThat(stores.get("unbounded").path())
                .as("Caffeine: the path walks through the cache to its map")
                .anyMatch(h -> h.endsWith(".data"));
    }

    @Test
    void eachFieldShowsTheEntriesItHoldsAtBothEnds() {
        for (GrowingField f : growingOwnFields().values()) {
            assertThat(f.entriesStart()).as(f.fieldName()).isEqualTo(START);
            assertThat(f.entriesEnd()).as(f.fieldName()).isEqualTo(END);
            // one owner per fault object; strategy's two FaultInjectors (one per mode here) both own a rallyCache
            assertThat(f.ownersEnd())
                    .as(f.fieldName())
                    .isEqualTo(f.ownersStart())
                    .isBetween(1L, 2L);
        }
    }

    @Test
    void eachPathRunsFromAGcRootThroughTheOwningFieldIntoTheContainerToWhatItAccumulates() {
        Map<String, String> element = Map.of(
                "FaultInjector.rallyCache",
                "LeakedPricePoint",
                "FaultInjector.symbolManagers",
                "SymbolState",
                "OrderTrackingLeak.stopLossOrders",
                "OrderTrackingLeak$TrackedOrder",
                "OrderTrackingLeak.profitTakeOrders",
                "OrderTrackingLeak$TrackedOrder",
                "OrderTrackingLeak.entryToBracket",
                "OrderTrackingLeak$TrackedOrder",
                "EventLogFault.log",
                "Tick");
        for (GrowingField f : growingOwnFields().values()) {
            assertThat(f.gcRoot()).as(f.fieldName()).isNotNull();
            List<String> path = f.path();
            assertThat(path).as(f.fieldName()).contains(f.fieldName());
            assertThat(path.indexOf(f.fieldName()))
                    .as("the container's internals follow the owning field")
                    .isLessThan(path.size() - 2);
            assertThat(path.get(path.size() - 1)).as(f.fieldName()).endsWith(element.get(f.fieldName()));
            assertThat(f.elementClass()).as(f.fieldName()).endsWith(element.get(f.fieldName()));
            assertThat(f.retainedBytesEnd()).as(f.fieldName()).isPositive();
        }
    }

    @Test
    void theLeakedRecordsAreAmongTheGrowingClassesAndTheTextNamesEveryField() {
        assertThat(trace.classes())
                .extracting(GrowingClass::className)
                .anyMatch(c -> c.endsWith("OrderTrackingLeak$TrackedOrder"));
        String text = LeakTraceText.render(trace);
        assertThat(text)
                .contains("faults: OrderTrackingLeak.stopLossOrders (java.util.HashMap) 300 → 1,500 entries")
                .contains("FaultInjector.rallyCache (java.util.ArrayList) 300 → 1,500 entries")
                .contains("path: GC root (");
    }
}
