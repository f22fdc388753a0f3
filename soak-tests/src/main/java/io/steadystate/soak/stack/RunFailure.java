package io.steadystate.soak.stack;

/** The run itself could not be carried out (exit code 3): the message says why and where to look. */
public final class RunFailure extends RuntimeException {

    public RunFailure(String message) {
        super(message);
    }

    public RunFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** Sleeps; an interrupt (Ctrl-C, a stopped run) ends the run here, with the thread's interrupt flag kept. */
    public static void pause(long millis) {
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunFailure("interrupted");
        }
    }
}
