package io.steadystate.soak.cli;

import io.steadystate.soak.report.ReportFiles;
import io.steadystate.soak.report.RunReport;
import io.steadystate.soak.session.Rejudge;
import io.steadystate.soak.session.VerdictText;
import io.steadystate.soak.verdict.VerdictPolicy;
import io.steadystate.soak.verdict.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "report",
        description = "Re-render report.html and junit.xml from a run directory's report.json, or "
                + "with --budget/--workload re-judge the finished run (no re-run); exits with the (new) exit code.")
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "a run directory (holding report.json)")
    Path dir;

    @Option(
            names = {"--budget", "--budget-mb-per-day"},
            paramLabel = "MB",
            description = "re-judge against this budget in MB per production day")
    Double budget;

    @Option(
            names = "--workload",
            paramLabel = "K=V,…",
            description = "re-judge projected onto this production day: symbols=1000,ticks=20000,orders=50000,"
                    + "listings=0.01,heap=256m (keys left out keep the defaults)")
    String workload;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RunReport report = ReportFiles.read(dir);
        if (budget == null && workload == null) {
            ReportFiles.renderFrom(dir, report);
            System.out.println(
                    "soak: " + (report.failure() != null ? "RUN FAILED: " + report.failure() : report.outcome())
                            + " — re-rendered " + dir.resolve(ReportFiles.HTML));
            return report.exitCode();
        }
        VerdictPolicy policy = report.meta().policy();
        try {
            if (budget != null) {
                policy = policy.withBudget(budget);
            }
            if (workload != null) {
                policy = policy.withWorkload(Workload.parse(workload));
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        // the run's own verdict is kept once, so re-judging twice never loses what the run itself said
        Path original = dir.resolve("report.run.json");
        if (!Files.exists(original)) {
            Files.copy(dir.resolve(ReportFiles.JSON), original, StandardCopyOption.COPY_ATTRIBUTES);
        }
        RunReport rejudged = Rejudge.rejudge(report, dir, policy);
        ReportFiles.writeAll(dir, rejudged);
        VerdictText.print(System.out, rejudged);
        System.out.println("soak: re-judged " + rejudged.outcome() + " (was " + report.outcome() + ") — "
                + dir.resolve(ReportFiles.HTML) + " (the run's own report.json kept as report.run.json)");
        return rejudged.exitCode();
    }
}
