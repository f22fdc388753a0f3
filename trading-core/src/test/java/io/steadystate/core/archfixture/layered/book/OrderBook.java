package io.steadystate.core.archfixture.layered.book;

/** Fixture: a feature package that depends on nothing of its service. */
public class OrderBook {
    public int depth() {
        return 0;
    }
}
