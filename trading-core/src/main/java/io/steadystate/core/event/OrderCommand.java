package io.steadystate.core.event;

/**
 * A request for a bracket order: an entry with a stop-loss and a take-profit child linked as OCO. Both a
 * signal and a manual REST submission become one of these and follow the same path.
 *
 * @param orderId    deterministic: {@code "S-" + signalId} for signals, {@code "M-" + clientOrderId} for manual orders
 * @param signalId   the originating signal, or empty for manual orders
 * @param limitPrice required for {@link OrderType#LIMIT} entries, ignored (0) for market entries
 */
public record OrderCommand(String orderId, String signalId, String symbol, int slotId, Side side, OrderType type,
                           double quantity, double limitPrice, double stopLoss, double takeProfit,
                           TimeInForce timeInForce, long eventTime, long originMicros) {

    public OrderCommand {
        Validation.required("orderId", orderId);
        signalId = signalId == null ? "" : signalId;
        Validation.symbol(symbol);
        if (!StrategySlot.isValidId(slotId)) {
            throw new IllegalArgumentException("unknown slot id " + slotId);
        }
        Validation.required("side", side);
        Validation.required("type", type);
        Validation.required("timeInForce", timeInForce);
        Validation.positiveFinite("quantity", quantity);
        Validation.positiveFinite("stopLoss", stopLoss);
        Validation.positiveFinite("takeProfit", takeProfit);
        if (type == OrderType.LIMIT) {
            Validation.positiveFinite("limitPrice", limitPrice);
        } else {
            Validation.nonNegativeFinite("limitPrice", limitPrice);
        }
    }

    public static String idForSignal(String signalId) {
        return "S-" + signalId;
    }

    public static String idForClientOrder(String clientOrderId) {
        return "M-" + clientOrderId;
    }

    /** Bracket child ids derive from the entry id, so a replay produces the same ids. */
    public static String childId(String entryId, OrderRole role) {
        return switch (role) {
            case ENTRY -> entryId;
            case STOP_LOSS -> entryId + "/SL";
            case TAKE_PROFIT -> entryId + "/TP";
        };
    }
}
