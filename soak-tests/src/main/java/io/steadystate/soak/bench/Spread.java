package io.steadystate.soak.bench;

import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;

/**
 * Median and range (min–max) of one figure over the repetitions of a bench. NaN entries (a step that produced no
 * figure, e.g. no signal in a short step) are left out and not counted in {@code n}.
 */
public record Spread(double median, double min, double max, int n) {

    public static final Spread NONE = new Spread(Double.NaN, Double.NaN, Double.NaN, 0);

    public static Spread of(Collection<Double> values) {
        double[] v = values.stream()
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .filter(d -> !Double.isNaN(d))
                .sorted()
                .toArray();
        if (v.length == 0) {
            return NONE;
        }
        int n = v.length;
        double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        return new Spread(median, v[0], v[n - 1], n);
    }

    public static Spread of(double... values) {
        return of(Arrays.stream(values).boxed().toList());
    }

    public boolean present() {
        return n > 0;
    }
}
