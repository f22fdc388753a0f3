package io.steadystate.soak.session;

import io.steadystate.soak.report.RunReport;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The seam for leak traces (issue 12 part 2, the {@code trace} package): on a LEAK verdict the session hands the
 * finished report and its run directory to this step, which may take heap dumps and write reference paths next
 * to the report. Optional: {@link #NONE} does nothing, and a failing trace must not change the verdict.
 */
@FunctionalInterface
public interface LeakTrace {

    LeakTrace NONE = (runDir, report, out) -> { };

    void onLeak(Path runDir, RunReport report, PrintStream out);
}
