package io.steadystate.soak.cli;

import io.steadystate.soak.session.SoakSession;
import java.time.Duration;

/**
 * Runs a soak session under a JVM shutdown hook: Ctrl-C or a plain {@code kill} asks the session to stop and waits
 * for it to take its stack down (broker, services, Prometheus), instead of leaving their processes behind.
 */
final class StopOnSignal {

    private static final Duration GRACE = Duration.ofSeconds(90);

    private volatile boolean signalled;

    /** The session's exit code; {@link #signalled()} afterwards says whether a signal ended it. */
    int run(SoakSession session) {
        Thread hook = new Thread(
                () -> {
                    signalled = true;
                    session.requestStop();
                    try {
                        if (!session.awaitFinished(GRACE)) {
                            System.err.println("soak: shutdown did not finish in " + GRACE.toSeconds() + " s");
                        }
                    } catch (InterruptedException ignored) {
                        Thread.currentThread().interrupt();
                    }
                },
                "soak-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        int exit = session.run();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // Ctrl-C: the hook is what is waiting for us
        }
        return exit;
    }

    boolean signalled() {
        return signalled;
    }
}
