package io.steadystate.core.kafka;

import java.nio.ByteBuffer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Header {@value #HEADER}: wall-clock microseconds at which a service handed the record to its producer, as
 * 8 bytes big-endian. order-service stamps every {@code order.events} record, so tick → order latency can be
 * measured from {@code originMicros} to this stamp without the reading consumer's own hop.
 */
public final class EmitTime {

    public static final String HEADER = "steadystate.emit.micros";

    private EmitTime() {}

    public static void stamp(Headers headers, long micros) {
        headers.add(HEADER, ByteBuffer.allocate(Long.BYTES).putLong(micros).array());
    }

    /** The stamp, or -1 when the record has none (or a malformed one). */
    public static long of(Headers headers) {
        Header h = headers.lastHeader(HEADER);
        return h == null || h.value() == null || h.value().length != Long.BYTES
                ? -1
                : ByteBuffer.wrap(h.value()).getLong();
    }
}
