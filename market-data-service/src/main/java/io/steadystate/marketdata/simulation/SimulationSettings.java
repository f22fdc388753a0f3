package io.steadystate.marketdata.simulation;

import java.time.LocalDate;

/**
 * The inputs that, with the seed, fully determine the simulated event stream.
 *
 * @param churnPerDay fraction of the target universe replaced per trading day; each replacement is one
 *                    delisting and one listing, spread at random over the session
 */
public record SimulationSettings(
        long seed, int targetSymbols, double ticksPerSymbolPerSecond, double churnPerDay, LocalDate startDate) {

    public SimulationSettings {
        if (targetSymbols < 1) {
            throw new IllegalArgumentException("targetSymbols must be ≥ 1, was " + targetSymbols);
        }
        if (!(ticksPerSymbolPerSecond > 0) || Double.isInfinite(ticksPerSymbolPerSecond)) {
            throw new IllegalArgumentException("ticksPerSymbolPerSecond must be > 0, was " + ticksPerSymbolPerSecond);
        }
        if (!(churnPerDay >= 0 && churnPerDay <= 1)) {
            throw new IllegalArgumentException("churnPerDay must be in [0, 1], was " + churnPerDay);
        }
    }
}
