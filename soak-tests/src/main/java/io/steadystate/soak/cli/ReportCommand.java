package io.steadystate.soak.cli;

import io.steadystate.soak.report.ReportFiles;
import io.steadystate.soak.report.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "report", description = "Re-render report.html and junit.xml from a run directory's report.json; "
        + "exits with the run's exit code.")
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "a run directory (holding report.json)")
    Path dir;

    @Override
    public Integer call() throws Exception {
        RunReport report = ReportFiles.read(dir);
        ReportFiles.renderFrom(dir, report);
        System.out.println("soak: " + (report.failure() != null ? "RUN FAILED: " + report.failure() : report.overall())
                + " — re-rendered " + dir.resolve(ReportFiles.HTML));
        return report.exitCode();
    }
}
