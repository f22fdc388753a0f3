package io.steadystate.strategy.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.steadystate.core.event.SessionClosed;
import io.steadystate.core.event.StrategySlot;
import io.steadystate.core.event.Tick;
import io.steadystate.strategy.Fixtures;
import io.steadystate.strategy.signals.SignalSink;
import io.steadystate.strategy.signals.StrategyMatrix;
import io.steadystate.strategy.symbol.SymbolBook;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Measurement, not a test (run by hand, see README): ticks per second through {@link SymbolBook#apply} — store
 * lookup, 9 consolidators, the 7×3 matrix, rally detector — on one thread, no Kafka. Ticks are pre-built
 * (decoding is outside the measured path). Also prints how often each timeframe's slots signal per closed bar.
 * <pre>java -cp target/classes:target/test-classes:$(cat target/cp.txt) io.steadystate.strategy.bench.HotPathThroughput [symbols] [seconds]</pre>
 */
public final class HotPathThroughput {

    public static void main(String[] args) {
        int symbols = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int ticksPerSymbol = 4000;
        // one tick per symbol every 2 s of event time, random walk with 0.1 % steps; ~2.2 h of trading per pass
        Tick[] ticks = new Tick[symbols * ticksPerSymbol];
        SplittableRandom random = new SplittableRandom(42);
        double[] price = new double[symbols];
        java.util.Arrays.fill(price, 100);
        long start = Fixtures.at("2026-11-18T09:30:00Z");
        int n = 0;
        for (int i = 0; i < ticksPerSymbol; i++) {
            for (int s = 0; s < symbols; s++) {
                price[s] *= 1 + (random.nextDouble() - 0.5) * 0.002;
                ticks[n++] = Fixtures.tick("SYM" + s, start + i * 2_000L, price[s], 1 + random.nextInt(100));
            }
        }
        String[] names = new String[symbols];
        for (int s = 0; s < symbols; s++) {
            names[s] = ticks[s].symbol();
        }

        for (int run = 1; run <= 4; run++) { // run 1 is warm-up
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            SymbolBook book = Fixtures.book(
                    registry,
                    symbols * 2,
                    Duration.ofDays(4),
                    io.steadystate.strategy.fault.FaultInjector.off(registry));
            long[] emitted = new long[1];
            SignalSink sink = sig -> emitted[0]++;
            long processed = 0;
            long offset = 0;
            long began = System.nanoTime();
            long deadline = began + seconds * 1_000_000_000L;
            while (System.nanoTime() < deadline) {
                for (Tick t : ticks) {
                    book.apply(offset == 0 ? t : shift(t, offset), 0, sink);
                }
                processed += ticks.length;
                offset += Duration.ofDays(1).toMillis(); // next pass = next day: bars keep closing
                book.apply(new SessionClosed(start + offset - 3_600_000L, 0), 0, sink);
            }
            double elapsed = (System.nanoTime() - began) / 1e9;
            System.out.printf(
                    "run %d%s: %,d ticks in %.2f s = %,.0f ticks/s, %d symbols, %,d signals%n",
                    run,
                    run == 1 ? " (warm-up)" : "",
                    processed,
                    elapsed,
                    processed / elapsed,
                    book.size(),
                    emitted[0]);
            if (run == 4) {
                signalRates(registry, book, names);
            }
        }
    }

    private static Tick shift(Tick t, long offset) {
        return new Tick(
                t.symbol(),
                t.eventTime() + offset,
                t.sequence(),
                t.price(),
                t.bid(),
                t.ask(),
                t.size(),
                t.originMicros());
    }

    private static void signalRates(SimpleMeterRegistry registry, SymbolBook book, String[] names) {
        long[] barsClosed = new long[StrategySlot.TIMEFRAMES];
        for (String name : names) {
            book.peek(name).ifPresent(s -> {
                for (int tf = 0; tf < StrategySlot.TIMEFRAMES; tf++) {
                    barsClosed[tf] += s.bar(io.steadystate.core.event.Timeframe.STRATEGY_TIMEFRAMES.get(tf))
                            .barsClosed();
                }
            });
        }
        for (int i = 0; i < StrategySlot.COUNT; i++) {
            StrategySlot slot = StrategySlot.ofIndex(i);
            double count = registry.get(StrategyMatrix.SIGNALS)
                    .tag("timeframe", slot.timeframe().name())
                    .tag("strategy", slot.strategy().code())
                    .counter()
                    .count();
            long bars = barsClosed[slot.timeframeIndex()];
            System.out.printf(
                    "  %-10s signals %8.0f / %9d closed bars = %5.2f %%%n",
                    slot, count, bars, bars == 0 ? 0 : 100.0 * count / bars);
        }
    }
}
