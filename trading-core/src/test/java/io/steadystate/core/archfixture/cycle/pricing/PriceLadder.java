package io.steadystate.core.archfixture.cycle.pricing;

import io.steadystate.core.archfixture.cycle.quotes.QuoteBoard;

/** Fixture: pricing → quotes, and quotes → pricing (a package cycle). */
public class PriceLadder {
    public QuoteBoard board() {
        return new QuoteBoard();
    }
}
