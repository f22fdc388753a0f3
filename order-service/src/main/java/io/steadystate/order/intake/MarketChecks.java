package io.steadystate.order.intake;

import io.steadystate.core.event.Side;

/** Checks of an order against the market that change nothing: a typo'd price, a bracket on the wrong side. */
final class MarketChecks {

    /** A price further than this factor from the last price is a typo, not an order. */
    static final double ABSURD_FACTOR = 10.0;

    private MarketChecks() {}

    /** Why one of {@code prices} is absurd against the last price {@code last}; null when none is. */
    static String absurdPrice(double last, double... prices) {
        for (double p : prices) {
            if (p > last * ABSURD_FACTOR || p < last / ABSURD_FACTOR) {
                return "price " + p + " is absurd against the last price " + last + " (allowed 0.1x..10x)";
            }
        }
        return null;
    }

    /** A BUY needs stopLoss &lt; entry &lt; takeProfit, a SELL the mirror; null when the bracket is right. */
    static String bracketSideProblem(Side side, double reference, double stopLoss, double takeProfit) {
        boolean ok = side == Side.BUY
                ? stopLoss < reference && reference < takeProfit
                : takeProfit < reference && reference < stopLoss;
        return ok
                ? null
                : "bracket on the wrong side: a " + side + " needs "
                        + (side == Side.BUY ? "stopLoss < entry < takeProfit" : "takeProfit < entry < stopLoss")
                        + ", was stopLoss=" + stopLoss + " entry=" + reference + " takeProfit=" + takeProfit;
    }
}
