package io.steadystate.soak.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The verdict on synthetic post-GC heap series whose truth is known. 60 samples over 6 simulated days. */
class LeakVerdictEngineTest {

    private static final double MB = 1024 * 1024;
    private final LeakVerdictEngine engine = new LeakVerdictEngine(VerdictPolicy.defaults());

    private static HeapSeries series(int n, double days, IntToDoubleFunction heapMb, IntToDoubleFunction stores) {
        double[] x = new double[n];
        double[] events = new double[n];
        double[] heap = new double[n];
        double[] store = new double[n];
        double[] wall = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = days * i / (n - 1);
            events[i] = 50_000.0 * i;
            heap[i] = heapMb.applyAsDouble(i) * MB;
            store[i] = stores.applyAsDouble(i);
            wall[i] = 10.0 * i;
        }
        return new HeapSeries("svc", x, events, heap, store, wall);
    }

    @Test
    void flatHeapWithGcSawtoothPasses() {
        Random noise = new Random(1);
        HeapSeries s = series(60, 6, i -> 80 + 3 * ((i % 7) / 7.0) + noise.nextGaussian() * 0.3, i -> 500);
        SlopeVerdict v = engine.heapVerdict(s);
        assertThat(v.outcome()).as(v.explanation()).isEqualTo(Outcome.PASS);
        assertThat(v.perDay().upper()).isLessThan(1.0);
        assertThat(v.perMillionEvents()).isNotNull();
    }

    @Test
    void linearGrowthIsALeak() {
        Random noise = new Random(2);
        HeapSeries s = series(60, 6, i -> 80 + 5.0 * (6.0 * i / 59) + noise.nextGaussian() * 0.5, i -> 500);
        SlopeVerdict v = engine.heapVerdict(s);
        assertThat(v.outcome()).as(v.explanation()).isEqualTo(Outcome.LEAK);
        assertThat(v.perDay().slope()).isBetween(4.5, 5.5);
        assertThat(v.perDay().lower()).isGreaterThan(1.0);
        // 5 MB/day over 10 000 events per simulated day... per million events = 5 MB per (59 000/6·… ) — positive
        assertThat(v.perMillionEvents().slope()).isPositive();
    }

    @Test
    void growthThenPlateauIsWarmUpAndPasses() {
        Random noise = new Random(3);
        // heap and stores fill during the first 35% of the run, then hold
        HeapSeries s = series(
                60,
                6,
                i -> 60 + 30 * Math.min(1, i / 21.0) + noise.nextGaussian() * 0.3,
                i -> 1000 * Math.min(1, i / 21.0));
        SlopeVerdict v = engine.heapVerdict(s);
        assertThat(v.windowStart()).isGreaterThanOrEqualTo(21);
        assertThat(v.outcome()).as(v.explanation()).isEqualTo(Outcome.PASS);
    }

    @Test
    void tooShortIsInconclusive() {
        HeapSeries s = series(8, 1, i -> 80, i -> 10);
        SlopeVerdict v = engine.heapVerdict(s);
        assertThat(v.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(v.explanation()).contains("too short");
    }

    @Test
    void tooNoisyIsInconclusiveAndSaysHowMuchLonger() {
        Random noise = new Random(4);
        HeapSeries s = series(40, 1, i -> 80 + 0.8 * (1.0 * i / 39) + noise.nextGaussian() * 4, i -> 10);
        SlopeVerdict v = engine.heapVerdict(s);
        assertThat(v.outcome()).as(v.explanation()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(v.perDay().lower()).isLessThan(1.0);
        assertThat(v.perDay().upper()).isGreaterThan(1.0);
        assertThat(v.explanation()).containsAnyOf("more simulated days", "sits on it");
    }

    @Test
    void aLeakHiddenInNoiseBecomesDetectableGivenEnoughDays() {
        Random noise = new Random(5);
        HeapSeries shortRun = series(20, 1, i -> 80 + 3.0 * (1.0 * i / 19) + noise.nextGaussian() * 3, i -> 10);
        HeapSeries longRun = series(200, 10, i -> 80 + 3.0 * (10.0 * i / 199) + noise.nextGaussian() * 3, i -> 10);
        assertThat(engine.heapVerdict(shortRun).outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(engine.heapVerdict(longRun).outcome()).isEqualTo(Outcome.LEAK);
    }

    @Test
    void aStoppedSimulatedClockIsInconclusive() {
        HeapSeries s =
                new HeapSeries("svc", new double[20], new double[20], new double[20], new double[20], new double[20]);
        assertThat(engine.heapVerdict(s).outcome()).isEqualTo(Outcome.INCONCLUSIVE);
    }
}
