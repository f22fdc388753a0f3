package io.steadystate.core.serde;

import io.steadystate.core.event.SlotParameters;
import java.util.List;

/** Serde of {@link SlotParameters} records (see {@link EventSerde} for the wire format). */
public final class SlotParametersSerde extends EventSerde<SlotParameters> {
    public SlotParametersSerde() {
        super(SlotParameters.class, List.of(TradingCodecs.SLOT_PARAMETERS));
    }
}
