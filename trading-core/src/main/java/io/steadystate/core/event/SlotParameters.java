package io.steadystate.core.event;

/**
 * The parameter row of one strategy slot (seed 003's "CSDL" row), read from the compacted
 * {@code strategy.params} topic keyed by slot id. A new row overwrites the slot; nothing accumulates.
 *
 * @param period          main look-back in bars (EMA slow period, channel length, RSI period)
 * @param secondaryPeriod second look-back (EMA fast period; unused by the others, 0)
 * @param threshold       strategy threshold (RSI oversold level, breakout margin in %, crossover margin in %)
 * @param stopLossPct     stop distance from the reference price, percent
 * @param takeProfitPct   take-profit distance from the reference price, percent
 */
public record SlotParameters(
        int slotId,
        boolean enabled,
        double lotSize,
        int period,
        int secondaryPeriod,
        double threshold,
        double stopLossPct,
        double takeProfitPct,
        long version) {

    /** Longest look-back any slot may use: windows are sized from it once, never grown. */
    public static final int MAX_PERIOD = 64;

    public SlotParameters {
        if (!StrategySlot.isValidId(slotId)) {
            throw new IllegalArgumentException("unknown slot id " + slotId);
        }
        Validation.positiveFinite("lotSize", lotSize);
        if (period < 2 || period > MAX_PERIOD) {
            throw new IllegalArgumentException("period must be 2.." + MAX_PERIOD + ", was " + period);
        }
        if (secondaryPeriod < 0 || secondaryPeriod > MAX_PERIOD) {
            throw new IllegalArgumentException("secondaryPeriod must be 0.." + MAX_PERIOD + ", was " + secondaryPeriod);
        }
        if (Double.isNaN(threshold) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be a finite number, was " + threshold);
        }
        if (!(stopLossPct > 0 && stopLossPct < 50)) {
            throw new IllegalArgumentException("stopLossPct must be in (0, 50), was " + stopLossPct);
        }
        if (!(takeProfitPct > 0 && takeProfitPct < 100)) {
            throw new IllegalArgumentException("takeProfitPct must be in (0, 100), was " + takeProfitPct);
        }
    }
}
