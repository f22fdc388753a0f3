package io.steadystate.soak.verdict;

/**
 * What the harness replayed that could make a heap grow. A leak is caused by something that happens — a tick
 * cached, an order tracked, a delisted symbol kept — so heap growth is fitted against each of these counts and
 * projected with the count a production day brings, rather than against simulated time alone (which hid a
 * per-tick leak: a simulated day of a soak carries a few hundred ticks per symbol, a production day tens of
 * thousands).
 */
public enum Driver {
    TICKS("ticks", "tick"),
    ORDERS("orders", "order"),
    LISTINGS("listings/delistings", "listing"),
    TIME("simulated days", "day");

    private final String label;
    private final String unit;

    Driver(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    public String label() {
        return label;
    }

    /** The singular event, for "bytes per tick". */
    public String unit() {
        return unit;
    }
}
