package io.steadystate.order.recovery;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An {@link OrderNode} child JVM: started with this test JVM's class path, killed with SIGKILL (no close). */
final class ChildNode implements AutoCloseable {

    private final Process process;
    private final PrintWriter stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private ChildNode(Process process) {
        this.process = process;
        this.stdin = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader out = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String l = out.readLine(); l != null; l = out.readLine()) {
                            lines.add(l);
                        }
                    } catch (IOException ignored) {
                        // the child died
                    }
                },
                "child-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** {@code haltAfterSends} 0 = no crash hook. The child's log goes to {@code target/kill-it/<name>.log}. */
    static ChildNode start(String bootstrap, String instanceId, long haltAfterSends, String name) throws IOException {
        Path logs = Path.of("target", "kill-it");
        Files.createDirectories(logs);
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path")));
        if (haltAfterSends > 0) {
            cmd.add("-Dsteadystate.delivery.halt-after-sends=" + haltAfterSends);
        }
        cmd.addAll(List.of(OrderNode.class.getName(), bootstrap, instanceId));
        Process p = new ProcessBuilder(cmd)
                .redirectError(logs.resolve(name + ".log").toFile())
                .start();
        return new ChildNode(p);
    }

    /** The next stdout line starting with {@code prefix} (others skipped); fails after {@code timeout}. */
    String await(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String l = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (l == null) {
                throw new AssertionError("child printed no '" + prefix + "' within " + timeout
                        + (process.isAlive() ? "" : " (exited " + process.exitValue() + ")"));
            }
            if (l.startsWith(prefix)) {
                return l;
            }
        }
    }

    void send(String command) {
        stdin.println(command);
    }

    boolean alive() {
        return process.isAlive();
    }

    int exitCode() {
        return process.exitValue();
    }

    /** kill -9. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    static File logDir() {
        return Path.of("target", "kill-it").toFile();
    }
}
