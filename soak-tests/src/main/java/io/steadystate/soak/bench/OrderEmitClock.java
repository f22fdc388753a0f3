package io.steadystate.soak.bench;

import io.steadystate.core.kafka.EmitTime;
import org.apache.kafka.common.header.Headers;

/**
 * Where tick → order (and tick → fill) ends: order-service stamps every {@code order.events} record with its
 * emit time, header {@value EmitTime#HEADER} (trading-core {@link EmitTime}: wall-clock µs when the record was
 * handed to the producer), so the figure excludes the bench consumer's own hop. An event without the stamp (an
 * older order-service) ends at the bench consumer's receive time instead; both are counted and
 * {@link #describe()} (bench.json {@code settings.orderClock}, the table) says which clock the run used.
 *
 * <p>The stamp is taken inside the open transaction: a read_committed reader sees the record only after the
 * commit, up to one transaction window later. The emit-time figure is the pipeline's processing latency, not when
 * the order became visible downstream (that is tick → order receive, one consume hop more).
 *
 * <p>Written by the bench consumer's thread only; read by the bench thread after the window closed.
 */
final class OrderEmitClock {

    static final String PLANNED = "order-service's emit time (header " + EmitTime.HEADER
            + "); the bench consumer's receive time for events without it";

    private volatile long stamped;
    private volatile long unstamped;

    /** The end of an order event's latency: its emit stamp when it carries one, else {@code receivedMicros}. */
    long endMicros(Headers headers, long receivedMicros) {
        long emitted = EmitTime.of(headers);
        if (emitted > 0) {
            stamped++;
            return emitted;
        }
        unstamped++;
        return receivedMicros;
    }

    long stamped() {
        return stamped;
    }

    long unstamped() {
        return unstamped;
    }

    String describe() {
        if (stamped == 0 && unstamped == 0) {
            return PLANNED + " (no order event seen yet)";
        }
        if (unstamped == 0) {
            return "order-service's emit time (header " + EmitTime.HEADER + ") on all " + stamped + " order events";
        }
        return String.format(
                java.util.Locale.ROOT,
                "order-service's emit time (header %s) on %d order events, the bench "
                        + "consumer's receive time (one consume hop more) on %d without it",
                EmitTime.HEADER,
                stamped,
                unstamped);
    }
}
