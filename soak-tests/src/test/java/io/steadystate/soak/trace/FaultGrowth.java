package io.steadystate.soak.trace;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.steadystate.core.event.OrderEvent;
import io.steadystate.core.event.OrderRole;
import io.steadystate.core.event.OrderStatus;
import io.steadystate.core.event.OrderType;
import io.steadystate.core.event.Side;
import io.steadystate.core.event.Tick;
import io.steadystate.core.event.TimeInForce;
import io.steadystate.core.state.Bounded;
import io.steadystate.core.state.ExitCause;
import io.steadystate.marketdata.fault.EventLogFault;
import io.steadystate.order.fault.OrderTrackingLeak;
import io.steadystate.strategy.fault.FaultInjector;
import io.steadystate.strategy.fault.FaultMode;
import io.steadystate.strategy.symbol.SymbolState;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Child JVM of {@link LeakTraceFaultsIT}: every built-in leak fault, the services' own classes built as each
 * service builds them (their constructors with the configured mode and rate 1), fed the events the services feed
 * them. Reads {@code grow N} lines on stdin (N more events into every fault) and answers {@code grown TOTAL}.
 */
public final class FaultGrowth {

    /** What a service's CDI bean would hold: the fault objects, nothing else of ours. */
    record Faults(
            FaultInjector rallyCache,
            FaultInjector symbolManagers,
            OrderTrackingLeak orderTracking,
            EventLogFault eventLog) {}

    /**
     * Not a fault: the collections a store is built from, so the tracer's entry counting is checked on each kind
     * (ConcurrentHashMap's striped counter, a concurrent key set, Caffeine bounded and unbounded) — and a window
     * kept at a fixed size, which must not be reported at all.
     */
    static final class GrowingStores {
        @Bounded("test fixture: grows on purpose")
        final ConcurrentHashMap<Long, String> byId = new ConcurrentHashMap<>();

        @Bounded("test fixture: grows on purpose")
        final Set<Long> seen = ConcurrentHashMap.newKeySet();

        @Bounded("test fixture: grows on purpose")
        final Cache<Long, String> unbounded = Caffeine.newBuilder().build();

        final Cache<Long, String> bounded =
                Caffeine.newBuilder().maximumSize(1_000_000).build();
        final ArrayDeque<Long> window = new ArrayDeque<>();

        void add(long i) {
            byId.put(i, "v" + i);
            seen.add(i);
            unbounded.put(i, "u" + i);
            bounded.put(i, "b" + i);
            bounded.cleanUp(); // Caffeine counts asynchronously; the count must be settled before a dump
            window.addLast(i);
            if (window.size() > 100) {
                window.removeFirst();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Faults faults = new Faults(
                new FaultInjector(FaultMode.parse("rally-cache"), 1, registry),
                new FaultInjector(FaultMode.parse("symbol-managers"), 1, new SimpleMeterRegistry()),
                new OrderTrackingLeak(OrderTrackingLeak.MODE, 1, new SimpleMeterRegistry()),
                new EventLogFault(EventLogFault.MODE, 1, new SimpleMeterRegistry()));
        GrowingStores stores = new GrowingStores();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        long total = 0;
        System.out.println("ready");
        for (String line; (line = in.readLine()) != null; ) {
            if (!line.startsWith("grow ")) {
                break;
            }
            int n = Integer.parseInt(line.substring(5).trim());
            for (int i = 0; i < n; i++, total++) {
                grow(faults, total);
                stores.add(total);
            }
            stores.unbounded.cleanUp();
            System.out.println("grown " + total);
        }
    }

    private static void grow(Faults f, long i) {
        String symbol = "SYM" + (i % 200);
        Tick tick = new Tick(symbol, 1_700_000_000_000L + i, i, 100 + i % 7, 99.9, 100.1, 10, 0);
        f.rallyCache().onTick(tick);
        f.eventLog().record(tick);
        f.symbolManagers().onSymbolExit(symbol, new SymbolState(symbol, 0, 2.0), ExitCause.REMOVED);
        String entry = "E" + i;
        f.orderTracking()
                .onTerminal(
                        order(entry, entry, OrderRole.ENTRY, symbol, i),
                        order(entry + "-SL", entry, OrderRole.STOP_LOSS, symbol, i),
                        order(entry + "-TP", entry, OrderRole.TAKE_PROFIT, symbol, i));
    }

    private static OrderEvent order(String id, String entry, OrderRole role, String symbol, long i) {
        return new OrderEvent(
                id,
                entry,
                "S" + i,
                symbol,
                0,
                role,
                OrderStatus.FILLED,
                Side.BUY,
                OrderType.MARKET,
                TimeInForce.values()[0],
                1,
                0,
                100,
                "filled",
                1_700_000_000_000L + i,
                0);
    }
}
