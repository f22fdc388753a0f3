package io.steadystate.order.execution;

import io.steadystate.core.event.OrderType;
import io.steadystate.core.event.Side;
import io.steadystate.core.event.Tick;

/**
 * Simulated execution against ticks. Buys trade at the ask, sells at the bid.
 * <ul>
 *   <li>MARKET: fills on the first tick processed after acceptance, at ask × (1 + slippage) for a buy,
 *       bid × (1 − slippage) for a sell.</li>
 *   <li>LIMIT (entry, take-profit): triggers when the touched side crosses the level (buy: ask ≤ limit,
 *       sell: bid ≥ limit) and fills at that tick's ask/bid — at or better than the limit; a gap through
 *       the level fills at the (better) tick price. No slippage on limits.</li>
 *   <li>STOP (stop-loss): triggers when the touched side crosses the level (buy: ask ≥ stop, sell:
 *       bid ≤ stop) and fills like a market order at that tick: a gap fills at the gapped price, worse
 *       than the stop, plus slippage.</li>
 * </ul>
 * Returns NaN for "no fill on this tick" so the hot path allocates nothing.
 */
public final class FillModel {

    private final double slippage;

    public FillModel(double slippageBps) {
        this.slippage = slippageBps / 10_000.0;
    }

    public double fillPrice(Side side, OrderType type, double level, Tick tick) {
        boolean buy = side == Side.BUY;
        double touched = buy ? tick.ask() : tick.bid();
        return switch (type) {
            case MARKET -> slipped(buy, touched);
            case LIMIT -> (buy ? touched <= level : touched >= level) ? touched : Double.NaN;
            case STOP -> (buy ? touched >= level : touched <= level) ? slipped(buy, touched) : Double.NaN;
        };
    }

    private double slipped(boolean buy, double price) {
        return buy ? price * (1 + slippage) : price * (1 - slippage);
    }
}
