package io.steadystate.soak.stack;

import io.steadystate.core.kafka.LocalKafkaBroker;
import io.steadystate.core.kafka.TopicProvisioner;
import io.steadystate.core.kafka.Topics;
import io.steadystate.core.net.LoopbackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The embedded default: a Kafka KRaft broker, the topics, the three services as separate JVMs and, when the
 * {@code prometheus} binary exists, a Prometheus scraping them — all on 127.0.0.1 with free ports, all logs in
 * the run directory. {@link #close()} stops everything in reverse order and is safe to call twice (the
 * shutdown hook and the normal path may both call it).
 */
public final class LocalStack implements Stack {

    private final StackPlan plan;
    private final Consumer<String> progress;
    /** Set once the broker runs; read by the sampler and the chaos supervisor. */
    private volatile ServiceProcesses services;

    private int brokerRestarts;
    private final Map<String, Path> logs = new LinkedHashMap<>();
    private volatile LocalKafkaBroker broker;
    private Process prometheus;
    private URI prometheusUri;
    private volatile boolean closed;

    private LocalStack(StackPlan plan, Consumer<String> progress) {
        this.plan = plan;
        this.progress = progress;
    }

    /** Starts everything or, on any failure, stops what was started and throws {@link RunFailure}. */
    public static LocalStack start(StackPlan plan, Consumer<String> progress) {
        LocalStack stack = new LocalStack(plan, progress);
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
            String missing = plan.launcher().missing(id);
            if (missing != null) {
                throw new RunFailure(id.module() + ": " + missing);
            }
        }
        Path logDir = dir("logs");
        if (!Files.isDirectory(plan.kafkaLibs())) {
            throw new RunFailure("Kafka broker classpath " + plan.kafkaLibs() + " is missing (./mvnw -q -B "
                    + "install -DskipTests -pl soak-tests copies it)");
        }
        // broker data belongs to one run: a re-used run directory would hold another cluster id and fail format
        deleteRecursively(plan.runDir().resolve("kafka"));
        progress.accept("starting Kafka (KRaft, child JVM)…");
        broker = LocalKafkaBroker.start(
                dir("kafka"), plan.kafkaLibs().toAbsolutePath() + "/*", "256m", Duration.ofSeconds(90));
        logs.put("kafka", plan.runDir().relativize(dir("kafka").resolve("kafka.log")));
        TopicProvisioner.ensureTopics(
                broker.bootstrapServers(), Topics.DEFAULT_PARTITIONS, (short) 1, Duration.ofSeconds(30));

        services = new ServiceProcesses(logDir, plan.apiToken(), progress);
        // all at once: a JVM binds its port seconds after it starts; a port asked for meanwhile could be the same one
        int[] ports = LoopbackPorts.reserve(ServiceId.values().length);
        for (ServiceId id : ServiceId.values()) {
            int port = ports[id.ordinal()];
            ServiceEndpoint e = services.start(
                    id,
                    plan.command(id, port, broker.bootstrapServers()),
                    URI.create("http://127.0.0.1:" + port + "/"));
            logs.put(id.module(), plan.runDir().relativize(services.log(id)));
            progress.accept("started " + id.module() + " (pid " + e.pid() + ", port " + port + ")");
        }
        awaitReady();
        plan.prometheusBinary().ifPresent(this::startPrometheus);
    }

    /** kill -9 of one service (chaos): no shutdown hook runs, nothing is flushed or committed. */
    public void kill(ServiceId id) {
        if (services != null) {
            services.kill(id);
        }
    }

    /**
     * Starts a killed service again the way a supervisor would: the same command line, port and environment, its
     * log appended to. Does not wait for readiness (the caller measures that).
     */
    public void restart(ServiceId id) {
        if (services != null) {
            services.restart(id);
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
        progress.accept("restarted the Kafka broker (pid " + broker.pid() + ")");
    }

    /** Restarts made by {@link #restart} per service, and of the broker. */
    public synchronized String restartSummary() {
        return "restarts " + (services == null ? Map.of() : new TreeMap<>(services.restarts())) + ", broker "
                + brokerRestarts;
    }

    private void awaitReady() {
        Http http = new Http(plan.apiToken());
        long deadline = System.nanoTime() + plan.readyTimeout().toNanos();
        Map<ServiceId, String> lastState = new EnumMap<>(ServiceId.class);
        List<ServiceEndpoint> pending = new ArrayList<>(services.endpoints());
        while (!pending.isEmpty()) {
            for (var it = pending.iterator(); it.hasNext(); ) {
                ServiceEndpoint e = it.next();
                String death = deathNotice(e.id());
                if (death != null) {
                    throw new RunFailure(e.id().module() + " " + death + " during start-up; see "
                            + plan.runDir().resolve(logs.get(e.id().module())) + ":\n" + services.tail(e.id()));
                }
                try {
                    Http.Response r = http.get(e.resolve("q/health/ready"), "application/json");
                    if (r.status() == 200) {
                        it.remove();
                        progress.accept(e.id().module() + " ready");
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
                throw new RunFailure(e.id().module() + " not ready within "
                        + plan.readyTimeout().toSeconds()
                        + " s (/q/health/ready: " + lastState.get(e.id()) + "); see "
                        + plan.runDir().resolve(logs.get(e.id().module())));
            }
            RunFailure.pause(300);
        }
    }

    private void startPrometheus(Path binary) {
        Path dir = dir("prometheus");
        prometheusUri = LocalPrometheus.start(
                binary, dir, services.endpoints(), plan.apiToken(), progress, p -> prometheus = p);
        logs.put("prometheus", plan.runDir().relativize(dir.resolve("prometheus.log")));
    }

    @Override
    public List<ServiceEndpoint> services() {
        return services == null ? List.of() : services.endpoints();
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
        return services == null ? null : services.deathNotice(id);
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
                + plan.heap() + ", G1), "
                + (prometheusUri != null
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
            ServiceProcesses.stop(prometheus, 5);
        }
        if (services != null) {
            services.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }

    private Path dir(String name) {
        try {
            return Files.createDirectories(plan.runDir().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(String s) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ");
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }
}
