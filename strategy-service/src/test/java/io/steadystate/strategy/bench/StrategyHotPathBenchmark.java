package io.steadystate.strategy.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.steadystate.core.event.SlotParameters;
import io.steadystate.core.event.StrategySlot;
import io.steadystate.core.event.Tick;
import io.steadystate.core.event.Timeframe;
import io.steadystate.strategy.Fixtures;
import io.steadystate.strategy.bars.BarBoundaries;
import io.steadystate.strategy.bars.BarConsolidator;
import io.steadystate.strategy.fault.FaultInjector;
import io.steadystate.strategy.params.ParameterTable;
import io.steadystate.strategy.signals.SignalSink;
import io.steadystate.strategy.signals.SlotState;
import io.steadystate.strategy.signals.StrategyMatrix;
import io.steadystate.strategy.symbol.SymbolBook;
import io.steadystate.strategy.symbol.SymbolState;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The strategy-service hot path per tick, with allocation per operation (run with {@code -prof gc}; the goal is
 * 0 B/op except where a signal is emitted). Not part of the test suite:
 * <pre>
 * ./mvnw -q -o test-compile -pl strategy-service
 * ./mvnw -q -o dependency:build-classpath -pl strategy-service -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
 * java -cp strategy-service/target/test-classes:strategy-service/target/classes:$(cat strategy-service/target/test-classpath.txt) \
 *      org.openjdk.jmh.Main StrategyHotPathBenchmark -prof gc
 * </pre>
 * <ul>
 *   <li>{@code consolidatorUpdate}: one {@link BarConsolidator} (S15), one tick per simulated second — bar
 *       boundary, close every 15th tick, OHLCV update;</li>
 *   <li>{@code symbolStateOnTick}: {@link SymbolState#onTick} — 9 consolidators and, on every closed bar, the
 *       7×3 matrix and rally detector; 64 symbols round-robin, one tick per symbol every 5 simulated s (M1 bar =
 *       12 ticks), random walk; {@code signals} = slots enabled (a signal allocates its record and id) or not;</li>
 *   <li>{@code matrixOnBarClosed}: {@link StrategyMatrix#onBarClosed} of one timeframe (3 slots) per op;</li>
 *   <li>{@code bookApplyInsideBar}: {@link SymbolBook#apply} of a decoded Tick — store lookup, event clock,
 *       counter, fault hook, 9 consolidator updates — with ticks that stay inside their bars (no closes).</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class StrategyHotPathBenchmark {

    private static final int SYMBOLS = 64;
    private static final int PRICES = 1 << 16;
    private static final long T0 = Fixtures.at("2026-11-18T09:30:00Z");

    @Param({"true", "false"})
    public boolean signals;

    private final BarConsolidator consolidator = new BarConsolidator(Timeframe.S15);
    private long consolidatorTime = T0;

    private StrategyMatrix matrix;
    private SymbolState[] states;
    private final double[] walk = new double[PRICES];
    private long tickIndex;

    private SlotState[] matrixSlots;
    private long barTime = T0;
    private int barIndex;

    private SymbolBook book;
    private Tick[] insideBar;
    private int insideIndex;

    /** Counts signals emitted per op (JMH reports it next to the time: allocation comes with signals). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Emitted {
        public long signalsEmitted;
    }

    /** One sink for all ops (a capturing lambda per op would itself allocate): counts and consumes signals. */
    static final class CountingSink implements SignalSink {
        long count;
        Blackhole bh;

        @Override
        public void emit(io.steadystate.core.event.Signal signal) {
            count++;
            bh.consume(signal);
        }
    }

    private final CountingSink sink = new CountingSink();

    @Setup(Level.Trial)
    public void setUp(Blackhole bh) {
        sink.bh = bh;
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SlotParameters[] rows = Fixtures.defaultRows();
        if (!signals) {
            for (int i = 0; i < rows.length; i++) {
                SlotParameters r = rows[i];
                rows[i] = new SlotParameters(
                        r.slotId(),
                        false,
                        r.lotSize(),
                        r.period(),
                        r.secondaryPeriod(),
                        r.threshold(),
                        r.stopLossPct(),
                        r.takeProfitPct(),
                        r.version());
            }
        }
        matrix = new StrategyMatrix(new ParameterTable(rows, registry), registry);
        states = new SymbolState[SYMBOLS];
        for (int s = 0; s < SYMBOLS; s++) {
            states[s] = new SymbolState(("SYM" + s).intern(), 0, 1.5);
        }
        SplittableRandom random = new SplittableRandom(42);
        double p = 100;
        for (int i = 0; i < PRICES; i++) {
            p *= 1 + (random.nextDouble() - 0.5) * 0.004;
            walk[i] = p;
        }
        matrixSlots = new SlotState[StrategySlot.COUNT];
        for (int i = 0; i < matrixSlots.length; i++) {
            matrixSlots[i] = StrategyMatrix.newSlotState(i);
        }
        book = Fixtures.book(registry, SYMBOLS * 2, Duration.ofDays(4), FaultInjector.off(registry));
        insideBar = new Tick[4096];
        for (int i = 0; i < insideBar.length; i++) {
            // all within one 15 s bar of the same second: every tick is an update, none closes a bar
            insideBar[i] = Fixtures.tick("SYM" + (i % SYMBOLS), T0 + 1_000, walk[i], 10);
        }
    }

    @Benchmark
    public double consolidatorUpdate() {
        long t = consolidatorTime += 1_000;
        long start = BarBoundaries.startOf(Timeframe.S15, t);
        if (consolidator.startsNewBar(start)) {
            consolidator.closeForming();
        }
        consolidator.update(start, walk[(int) (t / 1_000) & (PRICES - 1)], 10);
        return consolidator.close();
    }

    @Benchmark
    public void symbolStateOnTick(Emitted emitted) {
        long i = tickIndex++;
        int symbol = (int) (i % SYMBOLS);
        long eventTime = T0 + (i / SYMBOLS) * 5_000;
        double price = walk[(int) (i & (PRICES - 1))] * (1 + symbol * 0.01);
        long before = sink.count;
        states[symbol].onTick(eventTime, price, 10, 0, matrix, sink);
        emitted.signalsEmitted += sink.count - before;
    }

    @Benchmark
    public void matrixOnBarClosed(Emitted emitted) {
        int i = barIndex++;
        double close = walk[i & (PRICES - 1)];
        barTime += 60_000;
        long before = sink.count;
        matrix.onBarClosed("SYM0", matrixSlots, 0, barTime, close * 1.001, close * 0.999, close, barTime, 0, sink);
        emitted.signalsEmitted += sink.count - before;
    }

    @Benchmark
    public void bookApplyInsideBar() {
        book.apply(insideBar[insideIndex++ & (insideBar.length - 1)], 0, SignalSink.DISCARD);
    }
}
