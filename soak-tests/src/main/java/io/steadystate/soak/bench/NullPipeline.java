package io.steadystate.soak.bench;

import io.steadystate.core.kafka.Topics;
import io.steadystate.soak.stack.RunFailure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The null pipeline: the services' topology and client settings with no business logic, as three JVMs launched
 * like the services (same heap, G1, own clients) on the same broker — a tick source at market-data's producer
 * settings ({@link NullTickSource}), a relay group that decodes every tick and forwards ≈ 3 % to a second topic
 * ({@link NullRelay}), and a sink group reading both ({@link NullSink}). What the services reach against it is
 * what their own code costs; the rest is Kafka and the machine.
 */
final class NullPipeline implements BenchPipeline, AutoCloseable {

    static final String TICKS = "bench.null.ticks";
    static final String SIGNALS = "bench.null.signals";
    static final String RELAY_GROUP = "bench-null-relay";
    static final String SINK_GROUP = "bench-null-sink";
    /** strategy-service's and order-service's max.poll.records (their application.properties at the time of writing). */
    static final String RELAY_MAX_POLL = "1000";

    static final String SINK_MAX_POLL = "2000";

    private final Child source;
    private final Child relay;
    private final Child sink;
    private final BacklogDiscard discard;

    private NullPipeline(Child source, Child relay, Child sink, BacklogDiscard discard) {
        this.source = source;
        this.relay = relay;
        this.sink = sink;
        this.discard = discard;
    }

    /** Creates the two topics (partitions of market.events), starts the three JVMs and waits until each is ready. */
    static NullPipeline start(
            String bootstrap, MarketProducerSettings producer, int symbols, String heap, Path logDir) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(
                            new NewTopic(TICKS, Topics.DEFAULT_PARTITIONS, (short) 1),
                            new NewTopic(SIGNALS, Topics.DEFAULT_PARTITIONS, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new RunFailure("could not create the null pipeline's topics: " + e.getMessage(), e);
        }
        List<String> sourceArgs = new ArrayList<>(List.of("topic=" + TICKS, "symbols=" + symbols));
        producer.kafka().forEach((k, v) -> sourceArgs.add("producer." + k + "=" + v));
        List<String> common = List.of("ticks=" + TICKS, "signals=" + SIGNALS);
        List<String> relayArgs = new ArrayList<>(common);
        relayArgs.addAll(List.of("group=" + RELAY_GROUP, "max.poll.records=" + RELAY_MAX_POLL));
        List<String> sinkArgs = new ArrayList<>(common);
        sinkArgs.addAll(List.of("group=" + SINK_GROUP, "max.poll.records=" + SINK_MAX_POLL));
        List<Child> started = new ArrayList<>();
        try {
            started.add(Child.launch("sink", bootstrap, sinkArgs, heap, logDir));
            started.add(Child.launch("relay", bootstrap, relayArgs, heap, logDir));
            started.add(Child.launch("source", bootstrap, sourceArgs, heap, logDir));
            for (Child c : started) {
                c.awaitReady(60);
            }
            return new NullPipeline(
                    started.get(2),
                    started.get(1),
                    started.get(0),
                    new BacklogDiscard(bootstrap, List.of(TICKS, SIGNALS)));
        } catch (RuntimeException e) {
            started.forEach(Child::close);
            throw e;
        }
    }

    @Override
    public String name() {
        return "null pipeline";
    }

    @Override
    public List<String> stages() {
        return List.of("null-relay", "null-sink");
    }

    @Override
    public void run(long targetPerSec) {
        source.send("rate " + targetPerSec);
    }

    @Override
    public void pause() {
        source.send("pause");
    }

    @Override
    public PipelineProbe.Counters counters() {
        return new PipelineProbe.Counters(source.first(), relay.first(), sink.first());
    }

    /** Not read for the null pipeline: the slopes come from the counters, committed lag is information only. */
    @Override
    public Map<String, Long> lag() {
        return Map.of();
    }

    @Override
    public void discardBacklog() throws Exception {
        discard.discard();
    }

    @Override
    public void close() {
        discard.close();
        for (Child c : List.of(source, relay, sink)) {
            c.close();
        }
    }

    /** One null-pipeline JVM: stdin for commands, stdout for "ready" and "count A B", stderr to a log file. */
    private static final class Child {
        private final String role;
        private final Process process;
        private final PrintStream in;
        private final Path log;
        private volatile boolean ready;
        private volatile double first;

        private Child(String role, Process process, Path log) {
            this.role = role;
            this.process = process;
            this.log = log;
            this.in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
            Thread reader = new Thread(this::read, "bench-null-" + role + "-out");
            reader.setDaemon(true);
            reader.start();
        }

        static Child launch(String role, String bootstrap, List<String> settings, String heap, Path logDir) {
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms" + heap,
                    "-Xmx" + heap,
                    "-XX:+UseG1GC",
                    "-XX:+ExitOnOutOfMemoryError",
                    "-cp",
                    System.getProperty("java.class.path"),
                    NullPipelineProcess.class.getName(),
                    role,
                    bootstrap));
            cmd.addAll(settings);
            Path log = logDir.resolve("null-" + role + ".log");
            try {
                Files.createDirectories(logDir);
                Files.writeString(logDir.resolve("null-" + role + ".cmd"), String.join(" ", cmd) + "\n");
                Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
                return new Child(role, p, log);
            } catch (IOException e) {
                throw new RunFailure("could not start the null pipeline's " + role + ": " + e.getMessage(), e);
            }
        }

        private void read() {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.equals("ready")) {
                        ready = true;
                    } else if (line.startsWith("count ")) {
                        first = Double.parseDouble(line.split(" ")[1]);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the process ended: alive() says so
            }
        }

        void awaitReady(int seconds) {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (!ready) {
                alive();
                if (System.nanoTime() > until) {
                    throw new RunFailure(
                            "the null pipeline's " + role + " was not ready within " + seconds + " s; see " + log);
                }
                RunFailure.pause(100);
            }
        }

        double first() {
            alive();
            return first;
        }

        void send(String command) {
            alive();
            in.println(command);
        }

        private void alive() {
            if (!process.isAlive()) {
                throw new RunFailure(
                        "the null pipeline's " + role + " exited with " + process.exitValue() + "; see " + log);
            }
        }

        void close() {
            in.println("quit");
            in.close();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
