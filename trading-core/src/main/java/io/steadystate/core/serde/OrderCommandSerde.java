package io.steadystate.core.serde;

import io.steadystate.core.event.OrderCommand;
import java.util.List;

/** Serde of {@link OrderCommand} records (see {@link EventSerde} for the wire format). */
public final class OrderCommandSerde extends EventSerde<OrderCommand> {
    public OrderCommandSerde() {
        super(OrderCommand.class, List.of(TradingCodecs.ORDER_COMMAND));
    }
}
