package io.steadystate.soak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Argument validation: every usage error is exit 3 (2 is reserved for INCONCLUSIVE) with the reason printed. */
class SoakCliTest {

    private record Result(int exit, String err) {}

    private static Result run(String... args) {
        CommandLine cli = SoakCli.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        return new Result(cli.execute(args), err.toString());
    }

    private static RunCommand parsedRun(String... args) {
        CommandLine cli = SoakCli.commandLine();
        CommandLine.ParseResult parsed = cli.parseArgs(args);
        return (RunCommand) parsed.subcommand().commandSpec().userObject();
    }

    @Test
    void unknownProfileIsARunFailureWithTheKnownNames() {
        Result r = run("run", "--profile", "nope", "--out", "target/never");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("no profile 'nope'", "smoke");
    }

    @Test
    void badDurationFaultAndTargetCombinationsAreRejected() {
        assertThat(run("run", "--duration", "ten minutes").err()).contains("not a duration");
        assertThat(run("run", "--fault", "strategy:nope").err()).contains("rally-cache");
        assertThat(run("run", "--fault", "nope:rally-cache").err()).contains("unknown service");
        assertThat(run("run", "--prometheus", "http://x:9090").err()).contains("--target");
        assertThat(run("run", "--target", "http://a,http://b").err()).isNotEmpty();
        assertThat(run("run", "--bogus").exit()).isEqualTo(3);
    }

    @Test
    void overridesApplyOnTopOfTheProfile() {
        var options = parsedRun(
                        "run",
                        "--profile",
                        "smoke",
                        "--duration",
                        "90s",
                        "--symbols",
                        "12",
                        "--speed",
                        "100",
                        "--budget-mb-per-day",
                        "2.5",
                        "--fault",
                        "strategy:rally-cache:3",
                        "--out",
                        "target/x")
                .options();
        assertThat(options.profile().duration().toSeconds()).isEqualTo(90);
        assertThat(options.profile().symbols()).isEqualTo(12);
        assertThat(options.profile().speed()).isEqualTo(100);
        assertThat(options.profile().budgetMbPerDay()).isEqualTo(2.5);
        assertThat(options.fault().toString()).isEqualTo("strategy:rally-cache");
        assertThat(options.fault().rate()).isEqualTo(3);
        assertThat(options.runDir()).isAbsolute();
    }

    @Test
    void leakTracesDefaultToLeakingServicesAndTheFlagsWidenOrSwitchThemOff() {
        assertThat(parsedRun("run").options().trace()).isEqualTo(io.steadystate.soak.trace.TraceMode.LEAKS);
        assertThat(parsedRun("run", "--trace").options().trace()).isEqualTo(io.steadystate.soak.trace.TraceMode.ALL);
        assertThat(parsedRun("run", "--no-trace").options().trace()).isEqualTo(io.steadystate.soak.trace.TraceMode.OFF);
        assertThat(run("run", "--trace", "--no-trace").err()).contains("exclude each other");
    }

    @Test
    void defaultProfileIsWeek() {
        assertThat(parsedRun("run").options().profile().name()).isEqualTo("week");
    }

    @Test
    void profilesCommandSucceeds() {
        assertThat(run("profiles").exit()).isZero();
    }
}
