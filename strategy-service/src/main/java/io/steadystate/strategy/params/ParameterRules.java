package io.steadystate.strategy.params;

import io.steadystate.core.event.SlotParameters;
import io.steadystate.core.event.StrategyKind;
import io.steadystate.core.event.StrategySlot;

/**
 * What a row must satisfy beyond {@link SlotParameters}' own invariants (which every decoded row already meets),
 * per strategy. Returns the reason a row is refused, or null when it may be applied.
 */
public final class ParameterRules {

    /** No sane lot is bigger; guards against a typo publishing a million-share order per signal. */
    public static final double MAX_LOT_SIZE = 1_000_000;

    private ParameterRules() {}

    public static String problemWith(SlotParameters p) {
        if (p.lotSize() > MAX_LOT_SIZE) {
            return "lotSize must be at most " + (long) MAX_LOT_SIZE + ", was " + p.lotSize();
        }
        StrategyKind kind = StrategySlot.ofId(p.slotId()).strategy();
        return switch (kind) {
            case TREND ->
                p.secondaryPeriod() < 1 || p.secondaryPeriod() >= p.period()
                        ? "S1 needs 1 <= secondaryPeriod (fast EMA) < period (slow EMA), was " + p.secondaryPeriod()
                                + "/" + p.period()
                        : p.threshold() < 0 || p.threshold() >= 10
                                ? "S1 threshold (spread %) must be in [0, 10), was " + p.threshold()
                                : null;
            case BREAKOUT ->
                p.threshold() < 0 || p.threshold() >= 10
                        ? "S2 threshold (breakout margin %) must be in [0, 10), was " + p.threshold()
                        : null;
            case MEAN_REVERSION ->
                !(p.threshold() > 0 && p.threshold() < 50)
                        ? "S3 threshold (RSI oversold level) must be in (0, 50), was " + p.threshold()
                        : null;
        };
    }
}
