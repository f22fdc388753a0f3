package io.steadystate.soak.load;

/**
 * A manual bracket order that rests: a BUY limit at half the quote, a SELL limit at twice it, stop-loss and
 * take-profit 10 % either side of the limit. Far enough that it rests until the scenario cancels it, near enough to
 * pass order-service's 0.1×–10× sanity band (an order at 0.01 or 1e6 is rightly a 400). Prices to 4 decimals.
 */
record RestingBracket(String side, double limitPrice, double stopLoss, double takeProfit) {

    static RestingBracket from(double quote, boolean buy) {
        double limit = buy ? quote * 0.5 : quote * 2.0;
        return new RestingBracket(
                buy ? "BUY" : "SELL",
                round(limit),
                round(buy ? limit * 0.9 : limit * 1.1),
                round(buy ? limit * 1.1 : limit * 0.9));
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
