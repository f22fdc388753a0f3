package io.steadystate.soak.bench;

import io.steadystate.soak.stack.RunFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own perf tools from {@code kafka-tools} ({@code org.apache.kafka.tools.ProducerPerformance} and
 * {@code ConsumerPerformance}) run as child JVMs with the broker's classpath ({@code target/kafka-libs}), output
 * kept in the run directory and parsed here. They are the physical limit the pipeline is compared with.
 */
public final class KafkaPerfTools {

    /** "N records sent, X records/sec (Y MB/sec), A ms avg latency, M ms max latency, p50 ms 50th, … 99.9th." */
    private static final Pattern PRODUCER = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), "
                    + "([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, (\\d+) ms 99\\.9th");

    public record ProducerFigures(
            long records,
            double perSec,
            double mbPerSec,
            double avgMs,
            double maxMs,
            double p50Ms,
            double p99Ms,
            String line) {}

    /** {@code perSec} includes the group join (nMsg.sec); {@code fetchPerSec} is fetching only (fetch.nMsg.sec). */
    public record ConsumerFigures(long records, double perSec, double fetchPerSec) {}

    private final Path kafkaLibs;
    private final Path logDir;
    private final String bootstrap;

    public KafkaPerfTools(Path kafkaLibs, Path logDir, String bootstrap) {
        this.kafkaLibs = kafkaLibs;
        this.logDir = logDir;
        this.bootstrap = bootstrap;
    }

    /** Unthrottled producer with Kafka's default settings (acks=all, linger.ms=5, batch.size=16384). */
    public ProducerFigures produce(String topic, long records, int recordSize, String label, String... properties) {
        List<String> args = new ArrayList<>(List.of(
                "--bootstrap-server",
                bootstrap,
                "--topic",
                topic,
                "--num-records",
                Long.toString(records),
                "--record-size",
                Integer.toString(recordSize),
                "--throughput",
                "-1"));
        if (properties.length > 0) {
            args.add("--command-property");
            args.addAll(List.of(properties));
        }
        String out = run(label, "org.apache.kafka.tools.ProducerPerformance", args.toArray(String[]::new));
        ProducerFigures f = parseProducer(out);
        if (f == null) {
            throw new RunFailure("ProducerPerformance printed no summary line; see " + logDir.resolve(label + ".log"));
        }
        return f;
    }

    public ConsumerFigures consume(String topic, long records, String group, String label) {
        String out = run(
                label,
                "org.apache.kafka.tools.ConsumerPerformance",
                "--bootstrap-server",
                bootstrap,
                "--topic",
                topic,
                "--num-records",
                Long.toString(records),
                "--group",
                group,
                "--timeout",
                "60000");
        ConsumerFigures f = parseConsumer(out);
        if (f == null) {
            throw new RunFailure("ConsumerPerformance printed no figures; see " + logDir.resolve(label + ".log"));
        }
        return f;
    }

    private String run(String label, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseG1GC",
                "-cp",
                kafkaLibs.toAbsolutePath() + "/*",
                "-Dlog4j2.level=WARN",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                mainClass));
        cmd.addAll(List.of(args));
        Path log = logDir.resolve(label + ".log");
        try {
            Files.createDirectories(logDir);
            Files.writeString(logDir.resolve(label + ".cmd"), String.join(" ", cmd) + "\n");
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new RunFailure(mainClass + " did not finish in 180 s; see " + log);
            }
            if (p.exitValue() != 0) {
                throw new RunFailure(mainClass + " exited with " + p.exitValue() + "; see " + log);
            }
            return Files.readString(log);
        } catch (IOException e) {
            throw new RunFailure("could not run " + mainClass + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunFailure("interrupted while running " + mainClass);
        }
    }

    /** The final summary line of ProducerPerformance (the last match: periodic lines have no percentiles). */
    static ProducerFigures parseProducer(String output) {
        ProducerFigures last = null;
        for (String line : output.split("\n")) {
            Matcher m = PRODUCER.matcher(line);
            if (m.find()) {
                last = new ProducerFigures(
                        Long.parseLong(m.group(1)),
                        Double.parseDouble(m.group(2)),
                        Double.parseDouble(m.group(3)),
                        Double.parseDouble(m.group(4)),
                        Double.parseDouble(m.group(5)),
                        Double.parseDouble(m.group(6)),
                        Double.parseDouble(m.group(8)),
                        m.group(0).strip());
            }
        }
        return last;
    }

    /** ConsumerPerformance's CSV: the header, then one data line (nMsg = column 5, nMsg.sec 6, fetch.nMsg.sec 10). */
    static ConsumerFigures parseConsumer(String output) {
        String[] lines = output.split("\n");
        for (int i = 0; i < lines.length - 1; i++) {
            if (!lines[i].strip().startsWith("start.time")) {
                continue;
            }
            String[] header = lines[i].split(",\\s*");
            String[] values = lines[i + 1].split(",\\s*");
            int nMsg = index(header, "data.consumed.in.nMsg");
            int rate = index(header, "nMsg.sec");
            int fetch = index(header, "fetch.nMsg.sec");
            if (nMsg < 0 || rate < 0 || fetch < 0 || values.length < header.length) {
                return null;
            }
            try {
                return new ConsumerFigures(
                        Long.parseLong(values[nMsg].strip()),
                        Double.parseDouble(values[rate].strip()),
                        Double.parseDouble(values[fetch].strip()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static int index(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].strip().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
