package io.steadystate.core.archfixture.cycle.quotes;

import io.steadystate.core.archfixture.cycle.pricing.PriceLadder;

/** Fixture: closes the cycle with pricing. */
public class QuoteBoard {
    public PriceLadder ladder() {
        return new PriceLadder();
    }
}
