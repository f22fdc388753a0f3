package io.steadystate.core.event;

/**
 * The position of one strategy slot in one symbol, published on the compacted {@code order.positions} topic
 * keyed by {@link #key()}. A flat position (quantity 0) is still published so the compacted topic records
 * that it is flat; a tombstone follows when the symbol is delisted.
 *
 * @param quantity signed: positive long, negative short
 */
public record Position(
        String symbol,
        int slotId,
        double quantity,
        double averagePrice,
        double realisedPnl,
        double unrealisedPnl,
        double lastPrice,
        long eventTime) {

    public Position {
        Validation.symbol(symbol);
        if (!StrategySlot.isValidId(slotId)) {
            throw new IllegalArgumentException("unknown slot id " + slotId);
        }
        if (Double.isNaN(quantity) || Double.isNaN(averagePrice) || Double.isNaN(realisedPnl)) {
            throw new IllegalArgumentException("position values must be numbers");
        }
    }

    public static String keyOf(String symbol, int slotId) {
        return symbol + '|' + slotId;
    }

    public String key() {
        return keyOf(symbol, slotId);
    }

    public boolean isFlat() {
        return quantity == 0;
    }
}
