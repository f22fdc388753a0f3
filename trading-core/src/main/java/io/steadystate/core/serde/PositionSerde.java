package io.steadystate.core.serde;

import io.steadystate.core.event.Position;
import java.util.List;

/** Serde of {@link Position} records (see {@link EventSerde} for the wire format). */
public final class PositionSerde extends EventSerde<Position> {
    public PositionSerde() {
        super(Position.class, List.of(TradingCodecs.POSITION));
    }
}
