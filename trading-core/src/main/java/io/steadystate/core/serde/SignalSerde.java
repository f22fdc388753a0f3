package io.steadystate.core.serde;

import io.steadystate.core.event.Signal;
import java.util.List;

/** Serde of {@link Signal} records (see {@link EventSerde} for the wire format). */
public final class SignalSerde extends EventSerde<Signal> {
    public SignalSerde() {
        super(Signal.class, List.of(TradingCodecs.SIGNAL));
    }
}
