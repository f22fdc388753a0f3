package io.steadystate.core.event;

/**
 * A request for a bracket order: an entry with a stop-loss and a take-profit child linked as OCO. Both a
 * signal and a manual REST submission become one of these and follow the same path.
 *
 * <p>Ids: '/' is reserved for the children ({@link #childId}), so the id of a command never contains one. A
 * client order id is {@code [A-Za-z0-9._-]{1,64}} and a signal id {@code [A-Za-z0-9._:-]{1,64}}: client id
 * {@code A/SL} cannot collide with the stop-loss child {@code M-A/SL} of client id {@code A}. This constructor is
 * the one place that rule lives; the REST API answers 400 with its message.
 *
 * @param orderId    deterministic: {@code "S-" + signalId} for signals, {@code "M-" + clientOrderId} for manual orders
 * @param signalId   the originating signal, or empty for manual orders
 * @param limitPrice required for {@link OrderType#LIMIT} entries, ignored (0) for market entries
 */
public record OrderCommand(
        String orderId,
        String signalId,
        String symbol,
        int slotId,
        Side side,
        OrderType type,
        double quantity,
        double limitPrice,
        double stopLoss,
        double takeProfit,
        TimeInForce timeInForce,
        long eventTime,
        long originMicros) {

    public static final String SIGNAL_PREFIX = "S-";
    public static final String MANUAL_PREFIX = "M-";

    public OrderCommand {
        Validation.required("orderId", orderId);
        if (orderId.startsWith(MANUAL_PREFIX)) {
            requireClientOrderId(orderId.substring(MANUAL_PREFIX.length()));
        } else if (orderId.startsWith(SIGNAL_PREFIX)) {
            Validation.identifier(
                    "signal id", orderId.substring(SIGNAL_PREFIX.length()), Validation.MAX_SIGNAL_ID_LENGTH, true);
        } else {
            Validation.identifier("orderId", orderId, MANUAL_PREFIX.length() + Validation.MAX_SIGNAL_ID_LENGTH, true);
        }
        signalId = signalId == null ? "" : signalId;
        if (!signalId.isEmpty()) {
            Validation.identifier("signalId", signalId, Validation.MAX_SIGNAL_ID_LENGTH, true);
        }
        Validation.symbol(symbol);
        if (!StrategySlot.isValidId(slotId)) {
            throw new IllegalArgumentException("unknown slot id " + slotId);
        }
        Validation.required("side", side);
        Validation.required("type", type);
        Validation.required("timeInForce", timeInForce);
        Validation.positiveFinite("quantity", quantity);
        Validation.price("stopLoss", stopLoss);
        Validation.price("takeProfit", takeProfit);
        if (type == OrderType.LIMIT) {
            Validation.price("limitPrice", limitPrice);
        } else {
            Validation.nonNegativeFinite("limitPrice", limitPrice);
        }
    }

    public static String idForSignal(String signalId) {
        return SIGNAL_PREFIX + signalId;
    }

    /** The order id of a REST submission; refuses (IllegalArgumentException) an id outside the safe alphabet. */
    public static String idForClientOrder(String clientOrderId) {
        requireClientOrderId(clientOrderId);
        return MANUAL_PREFIX + clientOrderId;
    }

    /** {@code [A-Za-z0-9._-]{1,64}}, or IllegalArgumentException saying which character or length is wrong. */
    public static String requireClientOrderId(String clientOrderId) {
        Validation.identifier("clientOrderId", clientOrderId, Validation.MAX_CLIENT_ORDER_ID_LENGTH, false);
        return clientOrderId;
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
