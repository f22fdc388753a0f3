package io.steadystate.core.archfixture;

import java.util.Arrays;

/** An ArrayList by hand: the array doubles whenever it is full. The build rule must reject {@code prices}. */
public class GrowingTickLog {
    private double[] prices = new double[16];
    private int size;

    public void onPrice(double price) {
        if (size == prices.length) {
            prices = Arrays.copyOf(prices, size * 2);
        }
        prices[size++] = price;
    }
}
