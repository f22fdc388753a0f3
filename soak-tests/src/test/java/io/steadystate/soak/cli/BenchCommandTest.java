package io.steadystate.soak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.steadystate.soak.bench.BenchOptions;
import io.steadystate.soak.stack.ServiceId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {

    private static BenchOptions parse(String... args) {
        CommandLine cli = SoakCli.commandLine();
        CommandLine.ParseResult parsed = cli.parseArgs(args);
        BenchCommand bench = (BenchCommand) parsed.subcommand().commandSpec().userObject();
        return bench.options();
    }

    @Test
    void quickDefaultsAndOverrides() {
        BenchOptions quick = parse("bench", "--quick", "--out", "target/x");
        assertThat(quick.reps()).isEqualTo(1);
        assertThat(quick.step()).isEqualTo(Duration.ofSeconds(5));
        assertThat(quick.loads()).containsExactly(1_000L);
        assertThat(quick.searchSteps()).isEqualTo(2);
        assertThat(parse("bench").searchSteps()).isEqualTo(5);
        assertThat(parse("bench", "--search-steps", "7").searchSteps()).isEqualTo(7);
        BenchOptions full = parse(
                "bench",
                "--reps",
                "5",
                "--duration-per-step",
                "30s",
                "--loads",
                "10,20",
                "--set",
                "strategy:a.b=c",
                "--set",
                "order:x=1");
        assertThat(full.reps()).isEqualTo(5);
        assertThat(full.step()).isEqualTo(Duration.ofSeconds(30));
        assertThat(full.loads()).containsExactly(10L, 20L);
        assertThat(full.extra())
                .isEqualTo(Map.of(ServiceId.STRATEGY, Map.of("a.b", "c"), ServiceId.ORDER, Map.of("x", "1")));
        assertThat(parse("bench").loads()).isEqualTo(List.of(1_000L, 10_000L, 50_000L));
    }

    @Test
    void invalidArgumentsAreARunFailure() {
        for (String[] args : List.of(
                new String[] {"bench", "--reps", "0"},
                new String[] {"bench", "--set", "strategy=x"},
                new String[] {"bench", "--duration-per-step", "1s"},
                new String[] {"bench", "--loads", "0"},
                new String[] {"bench", "--search-steps", "0"})) {
            CommandLine cli = SoakCli.commandLine();
            StringWriter err = new StringWriter();
            cli.setErr(new PrintWriter(err));
            CommandLine.ParseResult parsed = cli.parseArgs(args);
            BenchCommand bench =
                    (BenchCommand) parsed.subcommand().commandSpec().userObject();
            org.assertj.core.api.Assertions.assertThatThrownBy(bench::options)
                    .isInstanceOf(CommandLine.ParameterException.class);
        }
    }
}
