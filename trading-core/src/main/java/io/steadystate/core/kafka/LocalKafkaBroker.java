package io.steadystate.core.kafka;

import io.steadystate.core.net.LoopbackPorts;
import io.steadystate.core.state.Bounded;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.jboss.logging.Logger;

/**
 * A standalone single-node KRaft broker in a child JVM, from the Kafka jars on Maven Central — the broker of
 * the local soak stack (no Docker). It picks free loopback ports, formats its storage, waits until the
 * broker answers, and stops cleanly (SIGTERM, then kill after a grace period). Logs go to
 * {@code <dir>/kafka.log}.
 *
 * <p>The classpath must hold {@code kafka_2.13} and its dependencies; Kafka 4.x logs through SLF4J 1.7, so
 * add {@code log4j-slf4j-impl} + {@code log4j-core} for readable logs (without them the broker still runs).
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalKafkaBroker.class);

    private final Process process;
    private final String bootstrapServers;
    private final Path dir;
    /** The broker's command line: {@link #restart} runs it again on the same ports and data directory. */
    @Bounded("an immutable copy of the command line, fixed at start")
    private final List<String> command;

    private boolean closed;

    private LocalKafkaBroker(Process process, String bootstrapServers, Path dir, List<String> command) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
        this.dir = dir;
        this.command = List.copyOf(command);
    }

    /**
     * Starts a broker with its data and logs under {@code dir}.
     *
     * @param classpath the broker's classpath (jars joined with the path separator, or {@code dir/*})
     * @param heap      e.g. {@code "256m"}
     */
    public static LocalKafkaBroker start(Path dir, String classpath, String heap, Duration timeout) {
        try {
            Files.createDirectories(dir);
            int[] ports = LoopbackPorts.reserve(2); // together: two asks in a row may get the same port
            int port = ports[0];
            int controllerPort = ports[1];
            Path data = dir.resolve("data");
            Path props = dir.resolve("server.properties");
            Files.writeString(props, serverProperties(port, controllerPort, data));
            Path log4j = dir.resolve("log4j2.properties");
            Files.writeString(log4j, LOG4J);
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> common = List.of(
                    java, "-Dlog4j2.configurationFile=" + log4j.toUri(), "-Dkafka.logs.dir=" + dir.resolve("logs"));

            List<String> format = new ArrayList<>(common);
            format.addAll(List.of(
                    "-Xmx128m",
                    "-cp",
                    classpath,
                    "kafka.tools.StorageTool",
                    "format",
                    "-t",
                    UUID.randomUUID().toString().replace("-", "").substring(0, 22),
                    "-c",
                    props.toString(),
                    "--ignore-formatted"));
            Process formatter = new ProcessBuilder(format)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("format.log").toFile())
                    .start();
            if (!formatter.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || formatter.exitValue() != 0) {
                formatter.destroyForcibly();
                throw new IllegalStateException("kafka storage format failed; see " + dir.resolve("format.log") + ": "
                        + tail(dir.resolve("format.log")));
            }

            List<String> run = new ArrayList<>(common);
            run.addAll(List.of(
                    "-Xms" + heap, "-Xmx" + heap, "-XX:+UseG1GC", "-cp", classpath, "kafka.Kafka", props.toString()));
            Process broker = new ProcessBuilder(run)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("kafka.log").toFile())
                    .start();
            String bootstrap = "127.0.0.1:" + port;
            LocalKafkaBroker handle = new LocalKafkaBroker(broker, bootstrap, dir, run);
            try {
                handle.awaitReady(timeout);
            } catch (RuntimeException e) {
                handle.close();
                throw e;
            }
            LOG.infof("Kafka broker (child pid %d) ready at %s, data in %s", broker.pid(), bootstrap, data);
            return handle;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a Kafka broker in " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Kafka", e);
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String host = bootstrapServers.substring(0, bootstrapServers.indexOf(':'));
        int port = Integer.parseInt(bootstrapServers.substring(bootstrapServers.indexOf(':') + 1));
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited with " + process.exitValue() + "; see "
                        + dir.resolve("kafka.log") + ": " + tail(dir.resolve("kafka.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 200);
                break;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            long remaining = Math.max(1_000, (deadline - System.nanoTime()) / 1_000_000);
            admin.describeCluster().nodes().get(remaining, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Kafka broker at " + bootstrapServers + " did not become ready within " + timeout + ": " + e
                            + "; log: " + tail(dir.resolve("kafka.log")),
                    e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path directory() {
        return dir;
    }

    /**
     * kill -9: no clean shutdown (unflushed segments, open transactions left to the coordinator). For crash tests;
     * the data directory stays, so {@link #restart} recovers from it as a real broker would after a power cut.
     */
    public synchronized void kill() {
        closed = true;
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A new broker process with this one's ports, cluster id and data directory (after {@link #kill} or
     * {@link #close}): clients configured with {@link #bootstrapServers()} reconnect to it by themselves. The log is
     * appended to. Waits until it answers, like {@link #start}.
     */
    public LocalKafkaBroker restart(Duration timeout) {
        if (process.isAlive()) {
            throw new IllegalStateException(
                    "the broker still runs (pid " + process.pid() + "): kill or close it first");
        }
        try {
            Process broker = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("kafka.log").toFile()))
                    .start();
            LocalKafkaBroker handle = new LocalKafkaBroker(broker, bootstrapServers, dir, command);
            try {
                handle.awaitReady(timeout);
            } catch (RuntimeException e) {
                handle.close();
                throw e;
            }
            LOG.infof("Kafka broker restarted (child pid %d) at %s", broker.pid(), bootstrapServers);
            return handle;
        } catch (IOException e) {
            throw new UncheckedIOException("could not restart the Kafka broker in " + dir, e);
        }
    }

    /** SIGTERM (Kafka shuts down cleanly), then a forced kill after 15 s. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                LOG.warn("Kafka broker did not stop within 15 s; killing it");
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static String serverProperties(int port, int controllerPort, Path data) {
        return String.join(
                        "\n",
                        "process.roles=broker,controller",
                        "node.id=1",
                        "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                        "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                        "controller.listener.names=CONTROLLER",
                        "inter.broker.listener.name=PLAINTEXT",
                        "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                        "log.dirs=" + data.toAbsolutePath(),
                        "num.partitions=" + Topics.DEFAULT_PARTITIONS,
                        "offsets.topic.replication.factor=1",
                        "offsets.topic.num.partitions=3",
                        "transaction.state.log.replication.factor=1",
                        "transaction.state.log.min.isr=1",
                        "share.coordinator.state.topic.replication.factor=1",
                        "share.coordinator.state.topic.min.isr=1",
                        "group.initial.rebalance.delay.ms=0",
                        "auto.create.topics.enable=false",
                        // a soak keeps days of simulated ticks; the broker must not grow the disk without bound either
                        "log.retention.bytes=536870912",
                        "log.segment.bytes=67108864",
                        "log.retention.check.interval.ms=30000",
                        "")
                + "\n";
    }

    private static final String LOG4J = String.join(
            "\n",
            "status = warn",
            "appender.file.type = File",
            "appender.file.name = FILE",
            "appender.file.fileName = ${sys:kafka.logs.dir}/server.log",
            "appender.file.layout.type = PatternLayout",
            "appender.file.layout.pattern = [%d] %p %m (%c)%n",
            "rootLogger.level = INFO",
            "rootLogger.appenderRef.file.ref = FILE",
            "logger.kafka.name = kafka",
            "logger.kafka.level = WARN",
            "logger.apache.name = org.apache.kafka",
            "logger.apache.level = WARN",
            "");

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
