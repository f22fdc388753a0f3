package io.steadystate.soak.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Entry point of one null-pipeline JVM ({@link NullPipeline} launches three, like the services): {@code source},
 * {@code relay} or {@code sink}, then the bootstrap servers, then {@code key=value} settings. Line protocol with
 * the bench: the process prints {@code ready} once it can work, then every 100 ms {@code count A B} (its two
 * cumulative counters); it reads commands from stdin ({@code rate N}, {@code pause} for the source) and exits on
 * {@code quit} or end of input, so it never outlives the bench.
 */
public final class NullPipelineProcess {

    /** The cumulative counters a role reports and the stdin commands it obeys. */
    interface Role extends Runnable {
        LongAdder first();

        LongAdder second();

        default void command(String line) {}
    }

    private NullPipelineProcess() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: NullPipelineProcess source|relay|sink BOOTSTRAP [key=value…]");
            System.exit(2);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            settings.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        AtomicBoolean running = new AtomicBoolean(true);
        PrintStream out =
                new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        Role role = switch (args[0]) {
            case "source" -> new NullTickSource(args[1], settings, running, out);
            case "relay" -> new NullRelay(args[1], settings, running, out);
            case "sink" -> new NullSink(args[1], settings, running, out);
            default -> throw new IllegalArgumentException("unknown role " + args[0]);
        };
        Thread worker = new Thread(role, "null-" + args[0]);
        worker.start();
        Thread reporter = new Thread(
                () -> {
                    while (running.get()) {
                        out.println("count " + role.first().sum() + " "
                                + role.second().sum());
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "null-report");
        reporter.setDaemon(true);
        reporter.start();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                role.command(line.strip());
            }
        }
        running.set(false);
        worker.join(10_000);
        System.exit(0);
    }
}
