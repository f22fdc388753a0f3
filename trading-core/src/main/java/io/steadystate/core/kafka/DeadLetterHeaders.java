package io.steadystate.core.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

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

    private DeadLetterHeaders() {}

    /** Adds the reason and the source coordinates of {@code source} to {@code headers}; returns them. */
    public static Headers describe(
            Headers headers, ConsumerRecord<?, ?> source, String reason, String message, String service) {
        return headers.add(REASON, utf8(reason))
                .add(MESSAGE, utf8(message == null ? "" : message))
                .add(SOURCE_TOPIC, utf8(source.topic()))
                .add(SOURCE_PARTITION, utf8(Integer.toString(source.partition())))
                .add(SOURCE_OFFSET, utf8(Long.toString(source.offset())))
                .add(SERVICE, utf8(service));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
