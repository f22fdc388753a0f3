package io.steadystate.soak.stack;

import io.steadystate.core.kafka.LocalKafkaBroker;
import io.steadystate.core.kafka.TopicProvisioner;
import io.steadystate.core.kafka.Topics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The embedded default: a Kafka KRaft broker, the topics, the three services as separate JVMs and, when the
 * {@code prometheus} binary exists, a Prometheus scraping them — all on 127.0.0.1 with free ports, all logs in
 * the run directory. {@link #close()} stops everything in reverse order and is safe to call twice (the
 * shutdown hook and the normal path may both call it).
 */
public final class LocalStack implements Stack {

    /**
     * @param serviceProperties extra system properties per service (profile, fault), merged over the defaults
     */
    public record Config(Path runDir, Path kafkaLibs, ServiceLauncher launcher, String heap,
                         Map<ServiceId, Map<String, String>> serviceProperties, String apiToken,
                         Optional<Path> prometheusBinary, Duration readyTimeout, Consumer<String> progress) {
    }

    private final Config config;
    /** Concurrent: the sampler asks {@link #deathNotice} while the chaos supervisor replaces a process. */
    private final Map<ServiceId, Process> processes = new java.util.concurrent.ConcurrentHashMap<>();
    /** Written by the chaos supervisor's thread on a restart, read by the sampler's: replaced whole, never mutated. */
    private volatile List<ServiceEndpoint> endpoints = List.of();
    private final Map<ServiceId, List<String>> commands = new EnumMap<>(ServiceId.class);
    private final Map<ServiceId, Integer> restarts = new EnumMap<>(ServiceId.class);
    private int brokerRestarts;
    private final Map<String, Path> logs = new LinkedHashMap<>();
    private volatile LocalKafkaBroker broker;
    private Process prometheus;
    private URI prometheusUri;
    private volatile boolean closed;

    private LocalStack(Config config) {
        this.config = config;
    }

    /** Starts everything or, on any failure, stops what was started and throws {@link RunFailure}. */
    public static LocalStack start(Config config) {
        LocalStack stack = new LocalStack(config);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e instanceof RunFailure ? e : new RunFailure("local stack failed to start: " + e.getMessage(), e);
        }
    }

    private void startAll() {
        for (ServiceId id : ServiceId.values()) {
            String missing = config.launcher().missing(id);
            if (missing != null) {
                throw new RunFailure(id.module() + ": " + missing);
            }
        }
        Path logDir = dir("logs");
        if (!Files.isDirectory(config.kafkaLibs())) {
            throw new RunFailure("Kafka broker classpath " + config.kafkaLibs() + " is missing (./mvnw -q -B "
                    + "install -DskipTests -pl soak-tests copies it)");
        }
        // broker data belongs to one run: a re-used run directory would hold another cluster id and fail format
        deleteRecursively(config.runDir().resolve("kafka"));
        config.progress().accept("starting Kafka (KRaft, child JVM)…");
        broker = LocalKafkaBroker.start(dir("kafka"), config.kafkaLibs().toAbsolutePath() + "/*", "256m",
                Duration.ofSeconds(90));
        logs.put("kafka", config.runDir().relativize(dir("kafka").resolve("kafka.log")));
        TopicProvisioner.ensureTopics(broker.bootstrapServers(), Topics.DEFAULT_PARTITIONS, (short) 1,
                Duration.ofSeconds(30));

        for (ServiceId id : ServiceId.values()) {
            int port = freePort();
            Map<String, String> props = new LinkedHashMap<>();
            props.put("quarkus.http.host", "127.0.0.1");
            props.put("quarkus.http.port", Integer.toString(port));
            props.put("kafka.bootstrap.servers", broker.bootstrapServers());
            props.putAll(config.serviceProperties().getOrDefault(id, Map.of()));
            Path log = logDir.resolve(id.module() + ".log");
            List<String> cmd = config.launcher().command(id, config.heap(), props);
            commands.put(id, List.copyOf(cmd));
            try {
                Files.writeString(logDir.resolve(id.module() + ".cmd"), String.join(" ", cmd) + "\n");
                Process p = launch(id, ProcessBuilder.Redirect.to(log.toFile()));
                List<ServiceEndpoint> next = new ArrayList<>(endpoints);
                next.add(new ServiceEndpoint(id, URI.create("http://127.0.0.1:" + port + "/"), p.pid()));
                endpoints = List.copyOf(next);
                logs.put(id.module(), config.runDir().relativize(log));
                config.progress().accept("started " + id.module() + " (pid " + p.pid() + ", port " + port + ")");
            } catch (IOException e) {
                throw new RunFailure("could not start " + id.module() + ": " + e.getMessage(), e);
            }
        }
        awaitReady();
        config.prometheusBinary().ifPresent(this::startPrometheus);
    }

    private Process launch(ServiceId id, ProcessBuilder.Redirect log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(commands.get(id)).redirectErrorStream(true).redirectOutput(log);
        // the token goes through the environment, never the command line (ps, the .cmd file)
        pb.environment().put("STEADYSTATE_API_TOKEN", config.apiToken());
        Process p = pb.start();
        processes.put(id, p);
        return p;
    }

    /** kill -9 of one service (chaos): no shutdown hook runs, nothing is flushed or committed. */
    public synchronized void kill(ServiceId id) {
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

    /**
     * Starts a killed service again the way a supervisor would: the same command line, port and environment, its
     * log appended to. Does not wait for readiness (the caller measures that).
     */
    public synchronized void restart(ServiceId id) {
        if (closed) {
            return;
        }
        Process old = processes.get(id);
        if (old != null && old.isAlive()) {
            throw new IllegalStateException(id.module() + " still runs: kill it first");
        }
        Path log = config.runDir().resolve("logs").resolve(id.module() + ".log");
        try {
            Process p = launch(id, ProcessBuilder.Redirect.appendTo(log.toFile()));
            endpoints = endpoints.stream().map(e -> e.id() == id ? new ServiceEndpoint(id, e.baseUrl(), p.pid()) : e)
                    .toList();
            restarts.merge(id, 1, Integer::sum);
            config.progress().accept("restarted " + id.module() + " (pid " + p.pid() + ")");
        } catch (IOException e) {
            throw new RunFailure("could not restart " + id.module() + ": " + e.getMessage(), e);
        }
    }

    /** kill -9 of the broker (chaos); its data directory and ports stay for {@link #restartBroker}. */
    public synchronized void killBroker() {
        if (broker != null && !closed) {
            broker.kill();
        }
    }

    /** The broker again on the same ports and data directory; waits until it answers. */
    public void restartBroker(Duration timeout) {
        LocalKafkaBroker old = broker;
        if (old == null || closed) {
            return;
        }
        // not under the lock: the restart waits for the broker, and deathNotice/close must not wait for that
        LocalKafkaBroker next = old.restart(timeout);
        synchronized (this) {
            broker = next;
            brokerRestarts++;
            if (closed) {
                next.close(); // the stack closed meanwhile: do not leave a broker behind
                return;
            }
        }
        config.progress().accept("restarted the Kafka broker (pid " + broker.pid() + ")");
    }

    /** Restarts made by {@link #restart} per service, and of the broker. */
    public synchronized String restartSummary() {
        return "restarts " + restarts + ", broker " + brokerRestarts;
    }

    private void awaitReady() {
        Http http = new Http(config.apiToken());
        long deadline = System.nanoTime() + config.readyTimeout().toNanos();
        Map<ServiceId, String> lastState = new EnumMap<>(ServiceId.class);
        List<ServiceEndpoint> pending = new ArrayList<>(endpoints);
        while (!pending.isEmpty()) {
            for (var it = pending.iterator(); it.hasNext(); ) {
                ServiceEndpoint e = it.next();
                String death = deathNotice(e.id());
                if (death != null) {
                    throw new RunFailure(e.id().module() + " " + death + " during start-up; see "
                            + config.runDir().resolve(logs.get(e.id().module())) + ":\n" + tail(e.id()));
                }
                try {
                    Http.Response r = http.get(e.resolve("q/health/ready"), "application/json");
                    if (r.status() == 200) {
                        it.remove();
                        config.progress().accept(e.id().module() + " ready");
                    } else {
                        lastState.put(e.id(), "HTTP " + r.status() + " " + abbreviate(r.body()));
                    }
                } catch (IOException notYet) {
                    lastState.put(e.id(), "not listening yet");
                }
            }
            if (pending.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                ServiceEndpoint e = pending.get(0);
                throw new RunFailure(e.id().module() + " not ready within " + config.readyTimeout().toSeconds()
                        + " s (/q/health/ready: " + lastState.get(e.id()) + "); see "
                        + config.runDir().resolve(logs.get(e.id().module())));
            }
            RunFailure.pause(300);
        }
    }

    private void startPrometheus(Path binary) {
        Path dir = dir("prometheus");
        prometheusUri = LocalPrometheus.start(binary, dir, endpoints, config.apiToken(), config.progress(), p -> prometheus = p);
        logs.put("prometheus", config.runDir().relativize(dir.resolve("prometheus.log")));
    }

    @Override
    public List<ServiceEndpoint> services() {
        return endpoints;
    }

    @Override
    public Optional<String> bootstrapServers() {
        return Optional.ofNullable(broker).map(LocalKafkaBroker::bootstrapServers);
    }

    @Override
    public Optional<URI> prometheus() {
        return Optional.ofNullable(prometheusUri);
    }

    @Override
    public String deathNotice(ServiceId id) {
        Process p = processes.get(id);
        if (p == null || p.isAlive()) {
            return null;
        }
        String oom = tail(id).contains("OutOfMemoryError") ? " (OutOfMemoryError)" : "";
        return "exited with code " + p.exitValue() + oom;
    }

    public boolean brokerAlive() {
        return broker != null && broker.isAlive();
    }

    @Override
    public Map<String, Path> logs() {
        return Map.copyOf(logs);
    }

    @Override
    public String describe() {
        return "local stack: Kafka KRaft broker " + bootstrapServers().orElse("?") + ", three service JVMs (-Xmx"
                + config.heap() + ", G1), " + (prometheusUri != null
                ? "Prometheus " + prometheusUri + " scraping /q/metrics every 2 s"
                : "no prometheus binary: the harness scrapes /q/metrics itself");
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (prometheus != null) {
            stop(prometheus, 5);
        }
        // all services get SIGTERM at once, then each is waited for: shutdown takes seconds, not 3× seconds
        processes.values().forEach(Process::destroy);
        processes.values().forEach(p -> stop(p, 20));
        if (broker != null) {
            broker.close();
        }
    }

    private static void stop(Process p, int graceSeconds) {
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

    private String tail(ServiceId id) {
        Path log = config.runDir().resolve("logs").resolve(id.module() + ".log");
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log)";
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }

    private Path dir(String name) {
        try {
            return Files.createDirectories(config.runDir().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(String s) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ");
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }

}
