package io.steadystate.soak.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Kill and restart as the chaos supervisor does them, on stand-in processes ({@code sh}) instead of service JVMs. */
@EnabledOnOs(OS.LINUX)
class ServiceProcessesTest {

    private static final URI URL = URI.create("http://127.0.0.1:40001/");

    @TempDir
    Path logs;

    private final List<String> progress = new ArrayList<>();
    private ServiceProcesses processes;

    private ServiceProcesses processes() {
        processes = new ServiceProcesses(logs, "secret-token", progress::add);
        return processes;
    }

    @AfterEach
    void stop() {
        if (processes != null) {
            processes.close();
        }
    }

    /** Prints a line (with the token from the environment) into its log, then waits to be killed. */
    private static List<String> service(String line) {
        return List.of("sh", "-c", "echo " + line + " token=$STEADYSTATE_API_TOKEN; exec sleep 60");
    }

    @Test
    void aKilledServiceIsReportedDeadAndARestartRunsTheSameCommandOnTheSamePortAppendingToItsLog() throws Exception {
        ServiceProcesses p = processes();
        ServiceEndpoint first = p.start(ServiceId.ORDER, service("up"), URL);
        assertThat(p.deathNotice(ServiceId.ORDER)).isNull();
        awaitLines(p.log(ServiceId.ORDER), 1); // a loaded machine may not have run the echo yet

        p.kill(ServiceId.ORDER);
        assertThat(p.deathNotice(ServiceId.ORDER)).isEqualTo("exited with code 137");

        p.restart(ServiceId.ORDER);
        ServiceEndpoint again = p.endpoints().get(0);
        assertThat(again.baseUrl()).isEqualTo(URL);
        assertThat(again.pid()).isNotEqualTo(first.pid());
        assertThat(p.deathNotice(ServiceId.ORDER)).isNull();
        assertThat(p.restarts()).isEqualTo(Map.of(ServiceId.ORDER, 1));
        assertThat(progress).containsExactly("restarted order-service (pid " + again.pid() + ")");
        awaitLines(p.log(ServiceId.ORDER), 2);
        assertThat(Files.readAllLines(p.log(ServiceId.ORDER)))
                .containsExactly("up token=secret-token", "up token=secret-token");
        assertThat(Files.readString(logs.resolve("order-service.cmd"))).doesNotContain("secret-token");
    }

    @Test
    void aRunningServiceCannotBeRestartedAndOneNeverStartedNeither() {
        ServiceProcesses p = processes();
        p.start(ServiceId.STRATEGY, service("up"), URL);
        assertThatThrownBy(() -> p.restart(ServiceId.STRATEGY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("still runs");
        assertThatThrownBy(() -> p.restart(ServiceId.ORDER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("never started");
        assertThat(p.restarts()).isEmpty();
    }

    @Test
    void aServiceThatRanOutOfMemoryIsToldApartFromOneThatExited() throws Exception {
        ServiceProcesses p = processes();
        p.start(
                ServiceId.MARKET_DATA,
                List.of("sh", "-c", "echo java.lang.OutOfMemoryError: Java heap space; exit 3"),
                URL);
        p.start(ServiceId.STRATEGY, List.of("sh", "-c", "exit 1"), URL);
        awaitDeath(p, ServiceId.MARKET_DATA);
        awaitDeath(p, ServiceId.STRATEGY);
        assertThat(p.deathNotice(ServiceId.MARKET_DATA)).isEqualTo("exited with code 3 (OutOfMemoryError)");
        assertThat(p.deathNotice(ServiceId.STRATEGY)).isEqualTo("exited with code 1");
        assertThat(p.tail(ServiceId.MARKET_DATA)).contains("Java heap space");
    }

    @Test
    void afterCloseNothingRunsAndKillOrRestartDoNothing() throws Exception {
        ServiceProcesses p = processes();
        ServiceEndpoint e = p.start(ServiceId.ORDER, service("up"), URL);
        p.close();
        ProcessHandle h = ProcessHandle.of(e.pid()).orElse(null);
        assertThat(h == null || !h.isAlive()).isTrue();
        p.restart(ServiceId.ORDER);
        p.kill(ServiceId.ORDER);
        assertThat(p.restarts()).isEmpty();
        assertThat(p.endpoints()).extracting(ServiceEndpoint::pid).containsExactly(e.pid());
    }

    private static void awaitDeath(ServiceProcesses p, ServiceId id) throws InterruptedException {
        for (int i = 0; i < 200 && p.deathNotice(id) == null; i++) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private static void awaitLines(Path log, int n) throws Exception {
        for (int i = 0; i < 200 && Files.readAllLines(log).size() < n; i++) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}
