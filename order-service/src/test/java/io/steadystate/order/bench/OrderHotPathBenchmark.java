package io.steadystate.order.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.steadystate.core.event.OrderType;
import io.steadystate.core.event.Side;
import io.steadystate.core.event.Signal;
import io.steadystate.core.event.SymbolListed;
import io.steadystate.core.event.Tick;
import io.steadystate.core.event.TimeInForce;
import io.steadystate.order.engine.OrderEngine;
import io.steadystate.order.events.OrderSink;
import io.steadystate.order.fault.OrderTrackingLeak;
import io.steadystate.order.orders.EngineSettings;
import java.util.concurrent.TimeUnit;
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

/**
 * order-service's per-tick hot path, {@link OrderEngine#onMarketEvent} of a decoded Tick: symbol-book lookup,
 * event clock, tick counter, then for each of the symbol's 21 slots the position mark and the bracket check
 * (entry fill test; children once filled). {@code bracketsPerSymbol} = 21: every slot holds an open LIMIT BUY
 * bracket at 90 that the ticks (95…105) never fill, so every tick tests 21 brackets and nothing is emitted;
 * 0: the same without brackets. Allocation per op with {@code -prof gc} (goal: 0 B/op). Not part of the tests:
 * <pre>
 * ./mvnw -q -o test-compile -pl order-service
 * ./mvnw -q -o dependency:build-classpath -pl order-service -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
 * java -cp order-service/target/test-classes:order-service/target/classes:$(cat order-service/target/test-classpath.txt) \
 *      org.openjdk.jmh.Main OrderHotPathBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class OrderHotPathBenchmark {

    private static final int SYMBOLS = 500;
    private static final long T0 = 1_767_623_400_000L;

    @Param({"21", "0"})
    public int bracketsPerSymbol;

    private OrderEngine engine;
    private Tick[] ticks;
    private int index;

    @Setup(Level.Trial)
    public void setUp() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        EngineSettings d = EngineSettings.defaults();
        EngineSettings settings = new EngineSettings(
                SYMBOLS * 21 + 10,
                d.maxNotional(),
                100_000_000,
                SYMBOLS + 10,
                d.symbolIdleExpiry(),
                1_000_000,
                d.dedupExpiry(),
                100_000,
                d.slippageBps(),
                OrderType.LIMIT,
                TimeInForce.GTC,
                d.maxEventTimeStep());
        engine = new OrderEngine(settings, OrderSink.NONE, registry, OrderTrackingLeak.off(registry), () -> 0L);
        engine.startEmpty();
        String[] symbols = new String[SYMBOLS];
        long t = T0;
        for (int s = 0; s < SYMBOLS; s++) {
            symbols[s] = "S" + s;
            engine.onMarketEvent(new SymbolListed(symbols[s], ++t, 100));
        }
        for (int slotIndex = 0; slotIndex < bracketsPerSymbol; slotIndex++) {
            int slot = (slotIndex / 3 + 1) * 10 + slotIndex % 3 + 1;
            for (String s : symbols) {
                engine.onSignal(new Signal(Signal.idFor(s, slot, t), s, slot, Side.BUY, 90, 80, 120, 1, t, t, 0));
            }
        }
        if (engine.state().openBracketStore().size() != (long) SYMBOLS * bracketsPerSymbol) {
            throw new IllegalStateException("expected " + SYMBOLS * bracketsPerSymbol + " open brackets, have "
                    + engine.state().openBracketStore().size());
        }
        ticks = new Tick[1 << 14];
        for (int i = 0; i < ticks.length; i++) {
            double px = 95 + (i * 7919 % 1000) / 100.0;
            ticks[i] = new Tick(symbols[i % SYMBOLS], t + 1000 + i, i, px, px - 0.01, px + 0.01, 10, 0);
        }
    }

    @Benchmark
    public void tick() {
        engine.onMarketEvent(ticks[index++ & (ticks.length - 1)]);
    }
}
