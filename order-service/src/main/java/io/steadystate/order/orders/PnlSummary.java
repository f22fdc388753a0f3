package io.steadystate.order.orders;

/** Totals over every position held. */
public record PnlSummary(double realisedPnl, double unrealisedPnl, double totalPnl, int positions, int openPositions) {
}
