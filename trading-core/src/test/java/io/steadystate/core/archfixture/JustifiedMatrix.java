package io.steadystate.core.archfixture;

import io.steadystate.core.state.Bounded;
import io.steadystate.core.state.DoubleRing;

import java.util.EnumMap;
import java.util.Map;

/** Fixed-size state: passes the build rule. */
public class JustifiedMatrix {
    @Bounded("one entry per Timeframe constant")
    private final Map<io.steadystate.core.event.Timeframe, Integer> counts =
            new EnumMap<>(io.steadystate.core.event.Timeframe.class);
    private final DoubleRing window = new DoubleRing(16);
    private final double[][] matrix = new double[7][3];

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
