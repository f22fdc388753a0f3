package io.steadystate.soak.bench;

import io.steadystate.core.event.OrderEvent;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where tick → order (and tick → fill) ends. Issue 11 has order-service stamp its own emit time on each
 * {@link OrderEvent}, so the figure excludes the bench consumer's hop; until that field exists in trading-core the
 * bench can only take the time it <em>received</em> the event (one extra consume hop, compare with the one-hop row).
 * The field is found by name among {@link #CANDIDATES} when this class loads, so the switch needs no edit here
 * once trading-core has it (add its name to the list if it is called otherwise); {@link #describe()} is written
 * to bench.json and the table so a reader knows which clock a run used.
 */
final class OrderEmitClock {

    /** Record components of OrderEvent that would carry order-service's emit time, wall-clock microseconds. */
    static final List<String> CANDIDATES = List.of("emitMicros", "emittedMicros", "emitTimeMicros", "producedMicros");

    private final Optional<Method> emit;

    private OrderEmitClock(Optional<Method> emit) {
        this.emit = emit;
    }

    static OrderEmitClock detect() {
        return new OrderEmitClock(Arrays.stream(OrderEvent.class.getRecordComponents())
                .filter(c -> CANDIDATES.contains(c.getName()) && c.getType() == long.class)
                .map(RecordComponent::getAccessor).findFirst());
    }

    /** The end of an order event's latency: its emit time when OrderEvent carries one (and it is set), else receive. */
    long endMicros(OrderEvent e, long receivedMicros) {
        if (emit.isEmpty()) {
            return receivedMicros;
        }
        try {
            long v = (long) emit.get().invoke(e);
            return v > 0 ? v : receivedMicros;
        } catch (ReflectiveOperationException ex) {
            return receivedMicros;
        }
    }

    boolean measuresEmit() {
        return emit.isPresent();
    }

    String describe() {
        return emit.map(m -> "order-service's emit time (OrderEvent." + m.getName() + ")")
                .orElse("bench consumer receive time (OrderEvent has no emit time yet: includes one consume hop)");
    }
}
