package io.steadystate.order.views;

/** Totals over every position held. */
public record PnlSummary(double realisedPnl, double unrealisedPnl, double totalPnl, int positions, int openPositions) {}
