package io.steadystate.soak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.steadystate.soak.profile.ProfileCatalog;
import io.steadystate.soak.report.ReportFiles;
import io.steadystate.soak.report.RunReport;
import io.steadystate.soak.sampling.Counter;
import io.steadystate.soak.sampling.Counters;
import io.steadystate.soak.sampling.MarketClock;
import io.steadystate.soak.sampling.Sample;
import io.steadystate.soak.sampling.SamplingOverhead;
import io.steadystate.soak.sampling.ServiceSample;
import io.steadystate.soak.sampling.StoreSample;
import io.steadystate.soak.verdict.Check;
import io.steadystate.soak.verdict.Driver;
import io.steadystate.soak.verdict.Judgement;
import io.steadystate.soak.verdict.Outcome;
import io.steadystate.soak.verdict.VerdictPolicy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./soak report DIR --budget … --workload …} re-judges a finished run from its stored report.json. The
 * fixture run: 40 samples, 10 M ticks, strategy-service leaking one byte per tick (≈ 19 MiB per default
 * production day of 20 M ticks), the other two flat.
 */
class ReportCommandTest {

    private static final double MB = 1024 * 1024;

    private static List<Sample> samples() {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            double days = i * 0.6;
            double ticks = 250_000.0 * i * (1 + 0.3 * Math.sin(i));
            double orders = 300.0 * i + 50 * (i % 3);
            List<ServiceSample> services = new ArrayList<>();
            for (String svc : List.of("market-data-service", "strategy-service", "order-service")) {
                double heap = (svc.equals("strategy-service") ? 60 * MB + ticks : 50 * MB) + (i % 5) * 0.01 * MB;
                Counters counters = Counters.of(Map.of(
                        Counter.TICKS_PUBLISHED,
                        ticks,
                        Counter.TICKS_PROCESSED,
                        ticks,
                        Counter.SIGNALS,
                        orders,
                        Counter.SIGNALS_PROCESSED,
                        orders,
                        Counter.LISTINGS,
                        2.0 * i));
                services.add(new ServiceSample(
                        svc,
                        true,
                        heap,
                        heap * 1.5,
                        256 * MB,
                        heap,
                        200 * MB,
                        1e6,
                        0.1 * i,
                        (double) i,
                        1.7e9,
                        ticks,
                        Map.of("symbols", new StoreSample(100, 400, 1e5, 100 + i, Map.of("removed", 1.0 * i))),
                        counters,
                        null));
            }
            out.add(new Sample(
                    i,
                    1_700_000_000_000L + i * 8000L,
                    i * 8.0,
                    new MarketClock(1.7e9 + days * 86400, Math.floor(days), 40.0),
                    days,
                    services,
                    Map.of("strategy-service", 5L)));
        }
        return out;
    }

    /** A run directory as a finished run leaves it: report.json, report.html, junit.xml. */
    private static Path finishedRun(Path dir) {
        List<Sample> samples = samples();
        VerdictPolicy policy = VerdictPolicy.defaults();
        List<Check> runWide = List.of(
                new Check("accounting:ticks", "all", true, "ticks published = consumed"),
                new Check("api-load", "order-service", true, "Gatling: ok"));
        Judgement.Result result = new Judgement(policy)
                .judge(
                        List.of("market-data-service", "strategy-service", "order-service"),
                        samples,
                        null,
                        null,
                        runWide);
        RunReport report = new RunReport(
                1,
                new RunReport.Meta(
                        "smoke",
                        ProfileCatalog.builtIn().get("smoke"),
                        null,
                        Instant.parse("2026-11-22T00:00:00Z"),
                        Instant.parse("2026-11-22T00:05:20Z"),
                        "synthetic",
                        "test",
                        true,
                        policy,
                        Map.of(),
                        List.of(),
                        List.of()),
                samples,
                result.services(),
                result.checks(),
                RunReport.LoadResult.notRun("none"),
                result.overall(),
                result.overall().exitCode(),
                null,
                new SamplingOverhead(40, 150, 400, 30, 90));
        ReportFiles.writeAll(dir, report);
        return dir;
    }

    private static int report(String... args) {
        CommandLine cli = SoakCli.commandLine();
        cli.setErr(new PrintWriter(new StringWriter()));
        return cli.execute(args);
    }

    @Test
    void theFixtureRunIsALeakOfOneBytePerTick(@TempDir Path dir) {
        RunReport run = ReportFiles.read(finishedRun(dir));
        assertThat(run.overall()).isEqualTo(Outcome.LEAK);
        var strategy = run.verdicts().get(1);
        assertThat(strategy.projection().governing()).isEqualTo(Driver.TICKS);
        assertThat(strategy.projection().perProductionDay().slope()).isBetween(18.0, 20.0);
        assertThat(run.verdicts().get(0).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void aLargerBudgetReJudgesTheStoredRunToPass(@TempDir Path dir) throws Exception {
        finishedRun(dir);
        int exit = report("report", dir.toString(), "--budget", "40");
        assertThat(exit).isZero();
        RunReport rejudged = ReportFiles.read(dir);
        assertThat(rejudged.overall()).isEqualTo(Outcome.PASS);
        assertThat(rejudged.meta().policy().budgetMbPerDay()).isEqualTo(40.0);
        assertThat(rejudged.meta().notes()).anyMatch(n -> n.contains("re-judged"));
        assertThat(rejudged.checks()).extracting(Check::name).contains("accounting:ticks", "api-load");
        assertThat(rejudged.sampling().meanMillis()).isEqualTo(150.0);
        // the run's own verdict is kept
        assertThat(ReportFiles.mapper()
                        .readValue(dir.resolve("report.run.json").toFile(), RunReport.class)
                        .overall())
                .isEqualTo(Outcome.LEAK);
        assertThat(Files.readString(dir.resolve(ReportFiles.HTML))).contains("40.00 MB/production day");
    }

    @Test
    void aQuieterWorkloadReJudgesTheSameGrowthToPassAndABusierOneKeepsTheLeak(@TempDir Path dir) {
        finishedRun(dir);
        // 1,000 ticks per symbol a day: 1 M ticks, ~1 MiB a day — still over 0.5
        assertThat(report("report", dir.toString(), "--workload", "ticks=1000", "--budget", "0.5"))
                .isEqualTo(1);
        // 100 ticks per symbol a day: ~0.1 MiB a day
        assertThat(report("report", dir.toString(), "--workload", "ticks=100")).isZero();
        RunReport r = ReportFiles.read(dir);
        assertThat(r.meta().policy().workload().ticksPerSymbolPerDay()).isEqualTo(100.0);
        assertThat(r.verdicts().get(1).projection().perProductionDay().slope()).isBetween(0.09, 0.1);
    }

    @Test
    void aBadWorkloadIsAUsageError(@TempDir Path dir) {
        finishedRun(dir);
        assertThat(report("report", dir.toString(), "--workload", "ticks")).isEqualTo(3);
    }
}
