package io.steadystate.core.testkafka;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Kafka's own logs in a test JVM (the in-JVM broker, its controller, and the clients' config dumps) go whole to a
 * file, {@code target/kafka-test.log} of the module ({@code -Dsteadystate.kafka.test-log} to move it), and to the
 * console from WARN up only: at INFO they were about 2,000 of CI's ~9,700 lines and hid the test output.
 * Through {@code java.util.logging}, which both the JBoss LogManager of the Quarkus tests and the plain JDK
 * manager implement; Kafka's SLF4J logging reaches it through the JBoss binding. Routing twice is a no-op.
 */
final class KafkaTestLogs {

    static final List<String> CATEGORIES = List.of("kafka", "org.apache.kafka", "state.change.logger");

    private KafkaTestLogs() {}

    /** Marks the handlers this class installed, so a second fixture in the same JVM (any class loader) adds none. */
    private static final class KafkaFileHandler extends FileHandler {
        KafkaFileHandler(String pattern) throws IOException {
            super(pattern, true);
        }
    }

    /** {@code 2026-12-01T14:28:47.123Z INFO [kafka.server.BrokerServer] message}, then the stack trace if any. */
    private static final class OneLine extends Formatter {
        @Override
        public String format(LogRecord r) {
            StringBuilder line = new StringBuilder(160)
                    .append(r.getInstant())
                    .append(' ')
                    .append(r.getLevel())
                    .append(" [")
                    .append(r.getLoggerName())
                    .append("] ")
                    .append(formatMessage(r))
                    .append('\n');
            if (r.getThrown() != null) {
                StringWriter trace = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(trace);
            }
            return line.toString();
        }
    }

    static Path route() {
        Path file = Path.of(System.getProperty("steadystate.kafka.test-log", "target/kafka-test.log"))
                .toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            KafkaFileHandler toFile = null;
            ConsoleHandler warnings = null;
            for (String category : CATEGORIES) {
                Logger logger = Logger.getLogger(category);
                // by name: a @QuarkusTest loads this class again in its own class loader, the logger tree is one
                if (Arrays.stream(logger.getHandlers())
                        .anyMatch(h -> h.getClass().getName().equals(KafkaFileHandler.class.getName()))) {
                    continue;
                }
                if (toFile == null) {
                    toFile = new KafkaFileHandler(file.toString().replace("%", "%%"));
                    toFile.setFormatter(new OneLine());
                    toFile.setLevel(Level.ALL);
                    warnings = new ConsoleHandler();
                    warnings.setLevel(Level.WARNING);
                }
                logger.setUseParentHandlers(false);
                for (Handler h : List.of(toFile, warnings)) {
                    logger.addHandler(h);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the Kafka test log " + file, e);
        }
    }
}
