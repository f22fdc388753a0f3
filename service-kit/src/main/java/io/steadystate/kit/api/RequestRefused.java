package io.steadystate.kit.api;

/**
 * A request that cannot be applied; nothing was changed. Thrown by validation anywhere below a resource and
 * answered by {@link ErrorMappers} as {@link ApiError} with {@link #status()}. No stack trace: it is an answer,
 * not a failure, and a flood of bad requests must not cost a stack walk each.
 */
public class RequestRefused extends RuntimeException {

    private final int status;

    public RequestRefused(int status, String message) {
        super(message, null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a refusal is a 4xx or 5xx status, was " + status);
        }
        this.status = status;
    }

    public static RequestRefused badRequest(String message) {
        return new RequestRefused(400, message);
    }

    public int status() {
        return status;
    }
}
