package io.steadystate.strategy.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.steadystate.strategy.Fixtures;
import io.steadystate.strategy.params.ParameterTable;
import io.steadystate.strategy.signals.SignalSink;
import io.steadystate.strategy.signals.StrategyMatrix;
import io.steadystate.strategy.symbol.SymbolState;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;

/**
 * Measurement, not a test: bytes per symbol = (heap after GC holding 10,000 SymbolStates − heap after GC holding
 * none) / 10,000, for fresh states and for states whose every window is full; compared with the computed
 * {@link SymbolState#estimatedBytes()} that feeds steadystate_store_bytes_estimate.
 * <pre>java -Xmx1g -XX:+UseG1GC -cp … io.steadystate.strategy.bench.SymbolStateFootprint</pre>
 */
public final class SymbolStateFootprint {

    private static final int COUNT = 10_000;

    public static void main(String[] args) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StrategyMatrix matrix = new StrategyMatrix(new ParameterTable(Fixtures.defaultRows(), registry), registry);
        String[] names = new String[COUNT];
        for (int i = 0; i < COUNT; i++) {
            names[i] = ("S" + i).intern();
        }
        SymbolState[] held = new SymbolState[COUNT];
        long empty = usedAfterGc();
        for (int i = 0; i < COUNT; i++) {
            held[i] = new SymbolState(names[i], 0, 1.5);
        }
        long fresh = usedAfterGc();
        // fill every window: 5 simulated days of 15 s ticks (rally ring 960, channels 64, daily volumes 5)
        SplittableRandom random = new SplittableRandom(1);
        long t0 = Fixtures.at("2026-11-16T09:30:00Z");
        for (int i = 0; i < COUNT; i++) {
            double p = 100;
            for (int day = 0; day < 5; day++) {
                long dayStart = t0 + day * Fixtures.DAY;
                for (long t = dayStart; t < dayStart + 6 * 3_600_000L; t += 15_000) {
                    p *= 1 + (random.nextDouble() - 0.5) * 0.002;
                    held[i].onTick(t, p, 10, 0, matrix, SignalSink.DISCARD);
                }
                held[i].onSessionClosed(
                        dayStart + 7 * 3_600_000L, (int) (dayStart / Fixtures.DAY), matrix, SignalSink.DISCARD);
            }
            // refill the rally window after the last session reset: 4 h of 15 s bars
            for (long t = t0 + 5 * Fixtures.DAY; t <= t0 + 5 * Fixtures.DAY + 4 * 3_600_000L + 15_000; t += 15_000) {
                held[i].onTick(t, p, 10, 0, matrix, SignalSink.DISCARD);
            }
        }
        long warm = usedAfterGc();
        System.out.printf(
                "fresh: %,d bytes/symbol; warm (all windows full, rally %d pts): %,d bytes/symbol; computed estimate %,d%n",
                (fresh - empty) / COUNT, held[0].rally().points(), (warm - empty) / COUNT, held[0].estimatedBytes());
        if (held[COUNT - 1] == null) {
            throw new AssertionError(); // keeps the array reachable until here
        }
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
