package io.steadystate.core.event;

/**
 * A strategy's decision to enter a position, published on {@code strategy.signals} keyed by symbol.
 *
 * <p>The id ({@code [A-Za-z0-9._:-]{1,64}}) is deterministic — {@link #idFor(String, int, long)} of symbol, slot id and bar start — so a
 * redelivered or recomputed signal has the same id and order-service applies it once.
 *
 * @param originMicros wall-clock microseconds of the tick that triggered it (latency measurement only)
 */
public record Signal(
        String id,
        String symbol,
        int slotId,
        Side side,
        double referencePrice,
        double stopLoss,
        double takeProfit,
        double quantity,
        long barTime,
        long eventTime,
        long originMicros) {

    public Signal {
        // the id becomes the order id S-<id>: the alphabet keeps '/' (child ids) out
        Validation.identifier("signal id", id, Validation.MAX_SIGNAL_ID_LENGTH, true);
        Validation.symbol(symbol);
        if (!StrategySlot.isValidId(slotId)) {
            throw new IllegalArgumentException("unknown slot id " + slotId);
        }
        Validation.required("side", side);
        Validation.price("referencePrice", referencePrice);
        Validation.price("stopLoss", stopLoss);
        Validation.price("takeProfit", takeProfit);
        Validation.positiveFinite("quantity", quantity);
        boolean bracketOrdered = side == Side.BUY
                ? stopLoss < referencePrice && referencePrice < takeProfit
                : takeProfit < referencePrice && referencePrice < stopLoss;
        if (!bracketOrdered) {
            throw new IllegalArgumentException("bracket of " + side + " signal must satisfy "
                    + (side == Side.BUY ? "stopLoss < reference < takeProfit" : "takeProfit < reference < stopLoss")
                    + ", was SL=" + stopLoss + " ref=" + referencePrice + " TP=" + takeProfit);
        }
    }

    public static String idFor(String symbol, int slotId, long barTime) {
        return symbol + ':' + slotId + ':' + barTime;
    }

    public StrategySlot slot() {
        return StrategySlot.ofId(slotId);
    }
}
