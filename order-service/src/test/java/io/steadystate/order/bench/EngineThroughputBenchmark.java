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
import java.util.Arrays;

/**
 * Not a test: {@code java -cp … EngineThroughputBenchmark [runs]}. Single thread, no Kafka (sink discards):
 * signals/s accepted into brackets, and ticks/s against books holding 21 open brackets per symbol.
 */
public final class EngineThroughputBenchmark {

    private static final int SYMBOLS = 2_000;
    private static final long T0 = 1_767_623_400_000L;

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        double[] signals = new double[runs];
        double[] ticks = new double[runs];
        for (int i = -1; i < runs; i++) { // run -1 is warm-up
            double[] r = once();
            if (i >= 0) {
                signals[i] = r[0];
                ticks[i] = r[1];
                System.out.printf("run %d: %,.0f signals/s  %,.0f ticks/s%n", i + 1, r[0], r[1]);
            }
        }
        Arrays.sort(signals);
        Arrays.sort(ticks);
        System.out.printf(
                "median of %d: %,.0f signals/s, %,.0f ticks/s (%d symbols x 21 open brackets)%n",
                runs, signals[runs / 2], ticks[runs / 2], SYMBOLS);
    }

    private static double[] once() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        EngineSettings settings =
                EngineSettings.defaults().withMaxOpenOrders(SYMBOLS * 21 + 10).withMaxOrdersPerSecond(100_000_000);
        settings = new EngineSettings(
                settings.maxOpenOrders(),
                settings.maxNotional(),
                settings.maxOrdersPerSecond(),
                SYMBOLS + 10,
                settings.symbolIdleExpiry(),
                1_000_000,
                settings.dedupExpiry(),
                100_000,
                settings.slippageBps(),
                OrderType.LIMIT,
                TimeInForce.GTC,
                settings.maxEventTimeStep());
        OrderEngine engine =
                new OrderEngine(settings, OrderSink.NONE, registry, OrderTrackingLeak.off(registry), () -> 0L);
        engine.startEmpty();
        String[] symbols = new String[SYMBOLS];
        long t = T0;
        for (int s = 0; s < SYMBOLS; s++) {
            symbols[s] = "S" + s;
            engine.onMarketEvent(new SymbolListed(symbols[s], ++t, 100));
        }
        // signals: LIMIT entries at 90 (below the market) fill only if the price falls to 90, so all stay open
        Signal[] batch = new Signal[SYMBOLS * 21];
        int n = 0;
        for (int slotIndex = 0; slotIndex < 21; slotIndex++) {
            int slot = (slotIndex / 3 + 1) * 10 + slotIndex % 3 + 1;
            for (String s : symbols) {
                batch[n++] = new Signal(Signal.idFor(s, slot, t), s, slot, Side.BUY, 90, 80, 120, 1, t, t, 0);
            }
        }
        long start = System.nanoTime();
        for (Signal s : batch) {
            engine.onSignal(s);
        }
        double signalsPerSecond = n / ((System.nanoTime() - start) / 1e9);
        if (engine.state().openBracketStore().size() != n) {
            throw new IllegalStateException("expected " + n + " open brackets, have "
                    + engine.state().openBracketStore().size());
        }
        // ticks: prices wander between 95 and 105 — every tick checks 21 brackets, none fills
        int tickCount = 2_000_000;
        Tick[] tickBatch = new Tick[10_000];
        for (int i = 0; i < tickBatch.length; i++) {
            double px = 95 + (i * 7919 % 1000) / 100.0;
            tickBatch[i] = new Tick(symbols[i % SYMBOLS], t + 1000 + i, i, px, px - 0.01, px + 0.01, 10, 0);
        }
        start = System.nanoTime();
        for (int i = 0; i < tickCount; i++) {
            engine.onMarketEvent(tickBatch[i % tickBatch.length]);
        }
        double ticksPerSecond = tickCount / ((System.nanoTime() - start) / 1e9);
        return new double[] {signalsPerSecond, ticksPerSecond};
    }
}
