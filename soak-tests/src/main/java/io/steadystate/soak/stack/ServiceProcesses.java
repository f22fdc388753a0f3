package io.steadystate.soak.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The service JVMs of a {@link LocalStack}: started from their command lines, killed and restarted by the chaos
 * supervisor, watched for death, stopped together. A restart runs the very command line of the first start (same
 * port, same properties, same token in the environment) and appends to the same log, as a supervisor would.
 */
final class ServiceProcesses {

    private final Path logDir;
    private final String apiToken;
    private final Consumer<String> progress;
    /** Concurrent: the sampler asks {@link #deathNotice} while the chaos supervisor replaces a process. */
    private final Map<ServiceId, Process> processes = new ConcurrentHashMap<>();

    private final Map<ServiceId, List<String>> commands = new EnumMap<>(ServiceId.class);
    private final Map<ServiceId, Integer> restarts = new EnumMap<>(ServiceId.class);
    /** Written by the chaos supervisor's thread on a restart, read by the sampler's: replaced whole, never mutated. */
    private volatile List<ServiceEndpoint> endpoints = List.of();

    private volatile boolean closed;

    ServiceProcesses(Path logDir, String apiToken, Consumer<String> progress) {
        this.logDir = logDir;
        this.apiToken = apiToken;
        this.progress = progress;
    }

    /** Starts {@code id} (its command line also written to {@code <id>.cmd}), answering at {@code baseUrl}. */
    synchronized ServiceEndpoint start(ServiceId id, List<String> command, URI baseUrl) {
        commands.put(id, List.copyOf(command));
        try {
            Files.writeString(logDir.resolve(id.module() + ".cmd"), String.join(" ", command) + "\n");
            Process p = launch(id, ProcessBuilder.Redirect.to(log(id).toFile()));
            ServiceEndpoint e = new ServiceEndpoint(id, baseUrl, p.pid());
            List<ServiceEndpoint> next = new ArrayList<>(endpoints);
            next.add(e);
            endpoints = List.copyOf(next);
            return e;
        } catch (IOException e) {
            throw new RunFailure("could not start " + id.module() + ": " + e.getMessage(), e);
        }
    }

    private Process launch(ServiceId id, ProcessBuilder.Redirect log) throws IOException {
        ProcessBuilder pb =
                new ProcessBuilder(commands.get(id)).redirectErrorStream(true).redirectOutput(log);
        // the token goes through the environment, never the command line (ps, the .cmd file)
        pb.environment().put("STEADYSTATE_API_TOKEN", apiToken);
        Process p = pb.start();
        processes.put(id, p);
        return p;
    }

    /** kill -9 (chaos): no shutdown hook runs, nothing is flushed or committed. */
    synchronized void kill(ServiceId id) {
        Process p = processes.get(id);
        if (p == null || closed) {
            return;
        }
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The same command line again, its log appended to; does not wait for readiness (the caller measures that). */
    synchronized void restart(ServiceId id) {
        if (closed) {
            return;
        }
        if (!commands.containsKey(id)) {
            throw new IllegalStateException(id.module() + " was never started");
        }
        Process old = processes.get(id);
        if (old != null && old.isAlive()) {
            throw new IllegalStateException(id.module() + " still runs: kill it first");
        }
        try {
            Process p = launch(id, ProcessBuilder.Redirect.appendTo(log(id).toFile()));
            endpoints = endpoints.stream()
                    .map(e -> e.id() == id ? new ServiceEndpoint(id, e.baseUrl(), p.pid()) : e)
                    .toList();
            restarts.merge(id, 1, Integer::sum);
            progress.accept("restarted " + id.module() + " (pid " + p.pid() + ")");
        } catch (IOException e) {
            throw new RunFailure("could not restart " + id.module() + ": " + e.getMessage(), e);
        }
    }

    /** Restarts made by {@link #restart}, per service. */
    synchronized Map<ServiceId, Integer> restarts() {
        return Map.copyOf(restarts);
    }

    List<ServiceEndpoint> endpoints() {
        return endpoints;
    }

    /** Null while {@code id} runs (or was never started); else its exit code, and whether it ran out of memory. */
    String deathNotice(ServiceId id) {
        Process p = processes.get(id);
        if (p == null || p.isAlive()) {
            return null;
        }
        String oom = tail(id).contains("OutOfMemoryError") ? " (OutOfMemoryError)" : "";
        return "exited with code " + p.exitValue() + oom;
    }

    Path log(ServiceId id) {
        return logDir.resolve(id.module() + ".log");
    }

    /** The last 20 lines of {@code id}'s log. */
    String tail(ServiceId id) {
        try {
            List<String> lines = Files.readAllLines(log(id));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log)";
        }
    }

    /** SIGTERM to all at once, then each is waited for: shutdown takes seconds, not 3× seconds. Idempotent. */
    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        processes.values().forEach(Process::destroy);
        processes.values().forEach(p -> stop(p, 20));
    }

    static void stop(Process p, int graceSeconds) {
        p.destroy();
        try {
            if (!p.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
