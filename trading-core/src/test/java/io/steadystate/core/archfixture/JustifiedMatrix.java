package io.steadystate.core.archfixture;

import io.steadystate.core.state.Bounded;
import io.steadystate.core.state.BoundedStore;
import io.steadystate.core.state.DoubleRing;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Fixed-size or justified state: passes every check of the build rule. */
public class JustifiedMatrix {

    /** Held by a store, so its components are state: the list says what bounds it. */
    public record Quote(
            double bid,
            double ask,
            @Bounded("at most the 3 legs of one bracket") List<Double> legs) {}

    @Bounded("one entry per Timeframe constant")
    private final Map<io.steadystate.core.event.Timeframe, Integer> counts =
            new EnumMap<>(io.steadystate.core.event.Timeframe.class);

    private final DoubleRing window = new DoubleRing(16);
    private final double[][] matrix;
    private BoundedStore<String, Quote> quotes;

    @Bounded("one 64-character builder per consumer thread, reset before each use")
    private final ThreadLocal<StringBuilder> scratch = ThreadLocal.withInitial(() -> new StringBuilder(64));

    @Bounded("holds one line at a time: cleared after each append")
    private final StringBuilder line = new StringBuilder();

    public JustifiedMatrix(int rows) {
        matrix = new double[rows][3]; // assigned in the constructor only: fixed size
    }

    public Map<io.steadystate.core.event.Timeframe, Integer> counts() {
        return counts;
    }

    public DoubleRing window() {
        return window;
    }

    public double[][] matrix() {
        return matrix;
    }
}
