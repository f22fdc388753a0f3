package io.steadystate.core.kafka;

/** Header names on dead-letter records: the raw value is kept as it came, the reason travels beside it. */
public final class DeadLetterHeaders {

    /** Machine-readable reason, e.g. {@code TRUNCATED} or {@code INVALID_VALUE}. */
    public static final String REASON = "dlq.reason";
    /** Human-readable explanation. */
    public static final String MESSAGE = "dlq.message";
    public static final String SOURCE_TOPIC = "dlq.source.topic";
    public static final String SOURCE_PARTITION = "dlq.source.partition";
    public static final String SOURCE_OFFSET = "dlq.source.offset";
    public static final String SERVICE = "dlq.service";

    private DeadLetterHeaders() {
    }
}
