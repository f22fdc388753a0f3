package io.steadystate.core.event;

/**
 * A cell of the fixed 7 timeframe × 3 strategy matrix. The slot id is the "magic number" of seed 003:
 * {@code (timeframeIndex + 1) * 10 + strategyIndex + 1}, so M1/S1 = 11 and D1/S3 = 73. Index is 0..20 and
 * addresses flat arrays of size {@link #COUNT}.
 */
public record StrategySlot(Timeframe timeframe, StrategyKind strategy) {

    public static final int TIMEFRAMES = 7;
    public static final int STRATEGIES = 3;
    public static final int COUNT = TIMEFRAMES * STRATEGIES;

    private static final StrategySlot[] BY_INDEX = new StrategySlot[COUNT];

    static {
        for (int t = 0; t < TIMEFRAMES; t++) {
            for (int s = 0; s < STRATEGIES; s++) {
                BY_INDEX[t * STRATEGIES + s] =
                        new StrategySlot(Timeframe.STRATEGY_TIMEFRAMES.get(t), StrategyKind.values()[s]);
            }
        }
    }

    public StrategySlot {
        Validation.required("timeframe", timeframe);
        Validation.required("strategy", strategy);
        if (!Timeframe.STRATEGY_TIMEFRAMES.contains(timeframe)) {
            throw new IllegalArgumentException(
                    timeframe + " is not a strategy timeframe " + Timeframe.STRATEGY_TIMEFRAMES);
        }
    }

    public int timeframeIndex() {
        return Timeframe.STRATEGY_TIMEFRAMES.indexOf(timeframe);
    }

    public int index() {
        return timeframeIndex() * STRATEGIES + strategy.ordinal();
    }

    public int id() {
        return (timeframeIndex() + 1) * 10 + strategy.ordinal() + 1;
    }

    public static StrategySlot ofIndex(int index) {
        if (index < 0 || index >= COUNT) {
            throw new IllegalArgumentException("slot index must be 0.." + (COUNT - 1) + ", was " + index);
        }
        return BY_INDEX[index];
    }

    public static boolean isValidId(int id) {
        int t = id / 10 - 1;
        int s = id % 10 - 1;
        return t >= 0 && t < TIMEFRAMES && s >= 0 && s < STRATEGIES;
    }

    public static StrategySlot ofId(int id) {
        if (!isValidId(id)) {
            throw new IllegalArgumentException("unknown slot id " + id + " (valid: 11..13, 21..23, …, 71..73)");
        }
        return BY_INDEX[(id / 10 - 1) * STRATEGIES + id % 10 - 1];
    }

    @Override
    public String toString() {
        return timeframe + "/" + strategy.code() + "#" + id();
    }
}
