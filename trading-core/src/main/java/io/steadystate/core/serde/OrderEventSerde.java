package io.steadystate.core.serde;

import io.steadystate.core.event.OrderEvent;
import java.util.List;

/** Serde of {@link OrderEvent} records (see {@link EventSerde} for the wire format). */
public final class OrderEventSerde extends EventSerde<OrderEvent> {
    public OrderEventSerde() {
        super(OrderEvent.class, List.of(TradingCodecs.ORDER_EVENT));
    }
}
