package io.steadystate.core.archfixture;

import io.steadystate.core.state.BoundedStore;
import java.util.ArrayList;
import java.util.List;

/**
 * The store is bounded, but each entry is a record whose list grows with every price: a leak per symbol that
 * the field check alone passes (records were exempt). The build rule must reject {@code PriceHistory.prices}.
 */
public class PriceHistoryBook {

    public record PriceHistory(String symbol, List<Double> prices) {}

    private final BoundedStore<String, PriceHistory> histories;

    public PriceHistoryBook(BoundedStore<String, PriceHistory> histories) {
        this.histories = histories;
    }

    public void onPrice(String symbol, double price) {
        histories
                .getOrCreate(symbol, s -> new PriceHistory(s, new ArrayList<>()))
                .prices()
                .add(price);
    }
}
