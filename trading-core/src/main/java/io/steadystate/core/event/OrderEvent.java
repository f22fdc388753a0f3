package io.steadystate.core.event;

/**
 * A change of state of one order, published on {@code order.events} keyed by symbol. The event id
 * ({@link #id()}) is deterministic — order id and status — so consumers can apply each change once.
 *
 * @param entryId      the bracket's entry order id (equals {@code orderId} for the entry itself)
 * @param fillPrice    the execution price for {@link OrderStatus#FILLED}, otherwise 0
 * @param triggerPrice limit/stop price of the order, 0 for market orders
 * @param reason       why, for REJECTED / CANCELLED / EXPIRED; empty otherwise
 * @param originMicros wall-clock microseconds of the originating tick (latency measurement only)
 */
public record OrderEvent(
        String orderId,
        String entryId,
        String signalId,
        String symbol,
        int slotId,
        OrderRole role,
        OrderStatus status,
        Side side,
        OrderType type,
        TimeInForce timeInForce,
        double quantity,
        double triggerPrice,
        double fillPrice,
        String reason,
        long eventTime,
        long originMicros) {

    public OrderEvent {
        Validation.required("orderId", orderId);
        Validation.required("entryId", entryId);
        signalId = signalId == null ? "" : signalId;
        Validation.symbol(symbol);
        Validation.required("role", role);
        Validation.required("status", status);
        Validation.required("side", side);
        Validation.required("type", type);
        Validation.required("timeInForce", timeInForce);
        Validation.nonNegativeFinite("quantity", quantity);
        Validation.nonNegativeFinite("triggerPrice", triggerPrice);
        Validation.nonNegativeFinite("fillPrice", fillPrice);
        reason = reason == null ? "" : reason;
    }

    public String id() {
        return orderId + ':' + status;
    }
}
