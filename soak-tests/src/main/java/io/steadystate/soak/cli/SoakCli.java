package io.steadystate.soak.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./soak}: run a soak, list profiles, re-render a report. Subcommands are separate classes so later ones
 * ({@code bench}, issue 8) join without touching these. Exit codes: 0 PASS, 1 LEAK, 2 INCONCLUSIVE, 3 the run
 * itself failed — usage errors are 3 too, so 2 always means "inconclusive".
 */
@Command(
        name = "soak",
        mixinStandardHelpOptions = true,
        version = "soak 0.1.0",
        description = "Time-compressed trading sessions with a per-service leak verdict.",
        subcommands = {
            RunCommand.class,
            CalibrateCommand.class,
            BenchCommand.class,
            ProfilesCommand.class,
            ReportCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:PASS", "1:LEAK (or a failed check)", "2:INCONCLUSIVE (run longer)", "3:the run itself failed"
        })
public final class SoakCli implements Runnable {

    public static final int RUN_FAILED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SoakCli());
        cli.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("soak: " + ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return RUN_FAILED;
        });
        cli.setExecutionExceptionHandler((ex, command, parsed) -> {
            command.getErr().println("soak: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return RUN_FAILED;
        });
        return cli;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
