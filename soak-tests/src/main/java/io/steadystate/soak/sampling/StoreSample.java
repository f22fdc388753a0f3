package io.steadystate.soak.sampling;

import java.util.Map;

/** One bounded store at one instant ({@code steadystate_store_*}); evictions are cumulative, by cause. */
public record StoreSample(
        double entries, double capacity, double bytesEstimate, double admissions, Map<String, Double> evictions) {

    public double evictions(String cause) {
        return evictions.getOrDefault(cause, 0.0);
    }
}
