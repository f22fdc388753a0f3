package io.steadystate.soak.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.steadystate.soak.profile.ProfileCatalog;
import io.steadystate.soak.sampling.ClassHistogram;
import io.steadystate.soak.sampling.Counter;
import io.steadystate.soak.sampling.Counters;
import io.steadystate.soak.sampling.MarketClock;
import io.steadystate.soak.sampling.Sample;
import io.steadystate.soak.sampling.SamplingOverhead;
import io.steadystate.soak.sampling.ServiceSample;
import io.steadystate.soak.sampling.StoreSample;
import io.steadystate.soak.verdict.Judgement;
import io.steadystate.soak.verdict.Outcome;
import io.steadystate.soak.verdict.VerdictPolicy;
import io.steadystate.soak.verdict.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A synthetic run (strategy-service leaks, the others are flat) rendered to the three report files. */
public class ReportFilesTest {

    private static final double MB = 1024 * 1024;

    public static List<Sample> samples() {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            double days = i * 0.05;
            List<ServiceSample> services = new ArrayList<>();
            for (String svc : List.of("market-data-service", "strategy-service", "order-service")) {
                double heap = (svc.equals("strategy-service") ? 60 + 20 * days : 50 + (i % 5) * 0.1) * MB;
                Counters counters = Counters.of(Map.of(
                        Counter.TICKS_PUBLISHED,
                        1000.0 * i,
                        Counter.TICKS_PROCESSED,
                        1000.0 * i,
                        Counter.SIGNALS,
                        10.0 * i,
                        Counter.SIGNALS_PROCESSED,
                        10.0 * i));
                services.add(new ServiceSample(
                        svc,
                        true,
                        heap,
                        heap * 1.5,
                        256 * MB,
                        heap,
                        200 * MB + i * 1000,
                        1e6,
                        0.1 * i,
                        (double) i,
                        1.7e9,
                        1000.0 * i,
                        Map.of("symbols", new StoreSample(100, 400, 1e5, 100 + i, Map.of("removed", 1.0 * i))),
                        counters,
                        null));
            }
            out.add(new Sample(
                    i,
                    1_700_000_000_000L + i * 3000L,
                    i * 3.0,
                    new MarketClock(1.7e9 + days * 86400, Math.floor(days), 40.0),
                    days,
                    services,
                    Map.of("strategy-service", 5L, "order-service", 3L)));
        }
        return out;
    }

    @Test
    void writesJsonHtmlAndJunitAndReadsTheJsonBack(@TempDir Path dir) throws Exception {
        List<Sample> samples = samples();
        ClassHistogram before = ClassHistogram.parse("1: 10 1000 [B (java.base)\nTotal 10 1000\n");
        ClassHistogram after = ClassHistogram.parse("1: 900 90000 io.steadystate.strategy.signals.PricePoint\n"
                + "2: 10 1000 [B (java.base)\nTotal 910 91000\n");
        // a production day about the size of this synthetic run, so its sawtooth does not swamp the projection
        VerdictPolicy policy = VerdictPolicy.defaults().withWorkload(Workload.parse("symbols=40,ticks=500,orders=200"));
        Judgement.Result result = new Judgement(policy)
                .judge(
                        List.of("market-data-service", "strategy-service", "order-service"),
                        samples,
                        samples.get(39),
                        (svc, seq) -> svc.equals("strategy-service") ? (seq == 39 ? after : before) : null,
                        List.of());
        assertThat(result.services().get(1).outcome()).isEqualTo(Outcome.LEAK);
        assertThat(result.services().get(0).outcome()).isEqualTo(Outcome.PASS);
        assertThat(result.services().get(1).growingClasses().get(0).className())
                .isEqualTo("io.steadystate.strategy.signals.PricePoint");

        RunReport report = new RunReport(
                1,
                new RunReport.Meta(
                        "smoke",
                        ProfileCatalog.builtIn().get("smoke"),
                        "strategy:rally-cache",
                        Instant.parse("2026-11-22T00:00:00Z"),
                        Instant.parse("2026-11-22T00:02:00Z"),
                        "synthetic",
                        "test",
                        true,
                        policy,
                        Map.of("strategy-service", "logs/strategy-service.log"),
                        List.of("../k8s/dashboards/soak.json"),
                        List.of("a note")),
                samples,
                result.services(),
                result.checks(),
                RunReport.LoadResult.notRun("none"),
                result.overall(),
                result.overall().exitCode(),
                null,
                new SamplingOverhead(40, 120.0, 300.0, 50.0, 400.0));
        ReportFiles.writeAll(dir, report);

        String html = Files.readString(dir.resolve(ReportFiles.HTML));
        assertThat(html).contains("MB / production day", "days until heap full", "sampling overhead", "120 ms");
        assertThat(html)
                .contains("<svg", "strategy-service", "LEAK", "PricePoint", "logs/strategy-service.log", "soak.json")
                .doesNotContain("http://cdn", "<script");
        String junit = Files.readString(dir.resolve(ReportFiles.JUNIT));
        assertThat(junit).contains("<testsuite", "name=\"strategy-service\"", "<failure");
        javax.xml.parsers.DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(dir.resolve(ReportFiles.JUNIT).toFile());

        RunReport back = ReportFiles.read(dir);
        assertThat(back.samples()).hasSize(40);
        assertThat(back.verdicts())
                .extracting(v -> v.outcome())
                .containsExactly(Outcome.PASS, Outcome.LEAK, Outcome.PASS);
        assertThat(back.meta().profile()).isEqualTo(report.meta().profile());
        assertThat(back.sampling()).isEqualTo(report.sampling());
        assertThat(back.verdicts().get(1).projection().outcome()).isEqualTo(Outcome.LEAK);
    }

    @Test
    void aFailedRunStillGetsAReadableReport(@TempDir Path dir) throws Exception {
        RunReport report = new RunReport(
                1,
                new RunReport.Meta(
                        "smoke",
                        null,
                        null,
                        Instant.now(),
                        Instant.now(),
                        "not started",
                        "none",
                        false,
                        VerdictPolicy.defaults(),
                        Map.of(),
                        List.of(),
                        List.of()),
                List.of(),
                List.of(),
                List.of(),
                RunReport.LoadResult.notRun("none"),
                Outcome.INCONCLUSIVE,
                3,
                "market-data-service does not export [x]",
                null);
        ReportFiles.writeAll(dir, report);
        assertThat(Files.readString(dir.resolve(ReportFiles.HTML))).contains("RUN FAILED", "does not export");
        assertThat(Files.readString(dir.resolve(ReportFiles.JUNIT))).contains("<error");
    }

    @Test
    void reportHtmlShowsTheDashboardsTheRunRenderedAndSaysHowToGetThemWhenItHadNone(@TempDir Path dir)
            throws Exception {
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
        assertThat(Files.readString(dir.resolve(ReportFiles.HTML)))
                .contains("Not rendered: the run had no Prometheus", "apt-get install");
        Files.writeString(
                dir.resolve(ReportFiles.DASHBOARDS),
                "<!doctype html><html><head></head><body><section "
                        + "class=\"dashboards\"><h2>Dashboards on this run</h2><div class=\"panel\">Old generation after GC</div>"
                        + "</section></body></html>");
        ReportFiles.renderFrom(dir, ReportFiles.read(dir));
        assertThat(Files.readString(dir.resolve(ReportFiles.HTML)))
                .contains("<section class=\"dashboards\">", "Old generation after GC")
                .doesNotContain("Not rendered");
    }
}
