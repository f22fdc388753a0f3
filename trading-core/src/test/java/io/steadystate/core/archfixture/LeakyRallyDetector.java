package io.steadystate.core.archfixture;

import java.util.ArrayList;
import java.util.List;

/** Seed 000 §1 on purpose: one list for every symbol's prices. The build rule must reject this class. */
public class LeakyRallyDetector {
    private final List<double[]> dataCache = new ArrayList<>();

    public void onPrice(String symbol, double price) {
        dataCache.add(new double[] {price});
    }
}
