package io.steadystate.soak.stack;

/** The run itself could not be carried out (exit code 3): the message says why and where to look. */
public final class RunFailure extends RuntimeException {

    public RunFailure(String message) {
        super(message);
    }

    public RunFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
