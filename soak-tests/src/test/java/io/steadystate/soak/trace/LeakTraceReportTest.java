package io.steadystate.soak.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.steadystate.soak.report.ReportFiles;
import io.steadystate.soak.report.RunReport;
import io.steadystate.soak.verdict.Outcome;
import io.steadystate.soak.verdict.VerdictPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A leak trace survives report.json, shows in report.html, and reads as the README shows it. */
class LeakTraceReportTest {

    static LeakTrace orderTrace() {
        GrowingField held = new GrowingField(
                "io.steadystate.order.fault.OrderTrackingLeak",
                "stopLossOrders",
                false,
                "java.util.HashMap",
                1,
                1,
                1_204,
                9_873,
                false,
                2_400_000L,
                "io.steadystate.order.fault.OrderTrackingLeak$TrackedOrder",
                "Thread object",
                List.of(
                        "java.lang.Thread",
                        "OrderEngine.leak",
                        "OrderTrackingLeak.stopLossOrders",
                        "HashMap.table",
                        "HashMap$Node[][7]",
                        "HashMap$Node.value",
                        "OrderTrackingLeak$TrackedOrder"));
        GrowingField multiplied = new GrowingField(
                "io.steadystate.core.state.DoubleRing",
                "values",
                false,
                "double[]",
                100,
                900,
                6_400,
                57_600,
                true,
                null,
                null,
                null,
                List.of());
        return new LeakTrace(
                "order-service",
                "a.hprof",
                "b.hprof",
                List.of(multiplied, held),
                List.of(new GrowingClass(
                        "io.steadystate.order.fault.OrderTrackingLeak$TrackedOrder", 1_204, 9_873, 38_528, 315_936)),
                1234,
                null);
    }

    @Test
    void theOwningFieldIsTheFirstThatGrewAsAContainerNotByMultiplyingOwners() {
        assertThat(orderTrace().owningField().fieldName()).isEqualTo("OrderTrackingLeak.stopLossOrders");
    }

    @Test
    void textNamesTheFieldItsSizesAtBothEndsAndThePath() {
        String text = LeakTraceText.render(orderTrace());
        assertThat(text)
                .contains("order-service: OrderTrackingLeak.stopLossOrders (java.util.HashMap) 1,204 → 9,873 "
                        + "entries, largest retains 2.3 MB, holds OrderTrackingLeak$TrackedOrder")
                .contains("path: GC root (Thread object) java.lang.Thread → OrderEngine.leak → "
                        + "OrderTrackingLeak.stopLossOrders → HashMap.table")
                .contains("DoubleRing.values (double[]) 6,400 → 57,600 elements in 100 → 900 owners")
                .contains("its owners multiplied")
                .contains("growing classes: OrderTrackingLeak$TrackedOrder +8,669 (+271 KB)");
    }

    @Test
    void reportJsonKeepsTheTraceAndReportHtmlShowsIt(@TempDir Path dir) throws Exception {
        RunReport report = new RunReport(
                1,
                new RunReport.Meta(
                        "smoke",
                        null,
                        "order:order-tracking",
                        Instant.now(),
                        Instant.now(),
                        "local",
                        "direct",
                        false,
                        VerdictPolicy.defaults(),
                        Map.of(),
                        List.of(),
                        List.of()),
                List.of(),
                List.of(),
                List.of(),
                RunReport.LoadResult.notRun("none"),
                Outcome.LEAK,
                1,
                null,
                null,
                List.of(orderTrace()));
        ReportFiles.writeAll(dir, report);
        RunReport back = ReportFiles.read(dir);
        assertThat(back.leakTraces()).containsExactly(orderTrace());
        assertThat(Files.readString(dir.resolve(ReportFiles.HTML)))
                .contains(
                        "<h2>Leak traces</h2>",
                        "OrderTrackingLeak.stopLossOrders",
                        "1,204 → 9,873",
                        "HashMap$Node.value");
    }

    @Test
    void aReportWithoutTracesHasNoTraceSection(@TempDir Path dir) throws Exception {
        RunReport report = new RunReport(
                1,
                new RunReport.Meta(
                        "smoke",
                        null,
                        null,
                        Instant.now(),
                        Instant.now(),
                        "local",
                        "direct",
                        false,
                        VerdictPolicy.defaults(),
                        Map.of(),
                        List.of(),
                        List.of()),
                List.of(),
                List.of(),
                List.of(),
                RunReport.LoadResult.notRun("none"),
                Outcome.PASS,
                0,
                null,
                null);
        ReportFiles.writeAll(dir, report);
        assertThat(ReportFiles.read(dir).leakTraces()).isEmpty();
        assertThat(Files.readString(dir.resolve(ReportFiles.HTML))).doesNotContain("Leak traces");
    }
}
