package io.steadystate.core.serde;

import io.steadystate.core.event.MarketEvent;

/** Serde of {@link MarketEvent} records (see {@link EventSerde} for the wire format). */
public final class MarketEventSerde extends EventSerde<MarketEvent> {
    public MarketEventSerde() {
        super(MarketEvent.class, MarketEventCodecs.ALL);
    }
}
