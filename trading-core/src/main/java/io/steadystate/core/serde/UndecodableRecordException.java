package io.steadystate.core.serde;

/**
 * A record that cannot be turned into a domain event. Consumers catch exactly this type, send the raw bytes
 * to their dead-letter topic with {@link #reason()} and {@link #getMessage()} as headers, and move on.
 */
public final class UndecodableRecordException extends RuntimeException {

    public enum Reason {
        EMPTY,
        BAD_MAGIC,
        UNKNOWN_TYPE,
        UNKNOWN_VERSION,
        TRUNCATED,
        TRAILING_BYTES,
        INVALID_VALUE,
        WRONG_TYPE_FOR_TOPIC
    }

    private final Reason reason;

    public UndecodableRecordException(Reason reason, String message) {
        super(reason + ": " + message, null, false, false);
        this.reason = reason;
    }

    public UndecodableRecordException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
