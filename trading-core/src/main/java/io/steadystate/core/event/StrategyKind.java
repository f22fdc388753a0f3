package io.steadystate.core.event;

/** The three strategies of the matrix (seed 003's G_STRATEGY_NAMES), in matrix order. */
public enum StrategyKind {
    /** S1: EMA crossover. */
    TREND("S1"),
    /** S2: N-bar high/low channel breakout. */
    BREAKOUT("S2"),
    /** S3: RSI mean reversion. */
    MEAN_REVERSION("S3");

    private final String code;

    StrategyKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
