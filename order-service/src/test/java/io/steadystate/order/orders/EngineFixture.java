package io.steadystate.order.orders;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.steadystate.core.event.OrderType;
import io.steadystate.core.event.SessionClosed;
import io.steadystate.core.event.Side;
import io.steadystate.core.event.Signal;
import io.steadystate.core.event.SymbolDelisted;
import io.steadystate.core.event.SymbolListed;
import io.steadystate.core.event.Tick;
import io.steadystate.core.event.TimeInForce;
import io.steadystate.order.engine.OrderEngine;
import io.steadystate.order.fault.OrderTrackingLeak;
import io.steadystate.order.intake.ManualOrder;
import io.steadystate.order.intake.SubmitResult;

/** An engine without Kafka or Quarkus, on a simulated clock that moves one second per event. */
public final class EngineFixture {
    public static final long T0 = 1_767_623_400_000L; // 2026-01-05T14:30Z, a Monday

    public final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    public final RecordingSink sink = new RecordingSink();
    public final OrderEngine engine;
    public final OrderTrackingLeak fault;
    public long now = T0;
    private long seq;

    public EngineFixture() {
        this(EngineSettings.defaults(), "none");
    }

    public EngineFixture(EngineSettings settings) {
        this(settings, "none");
    }

    public EngineFixture(EngineSettings settings, String faultMode) {
        fault = new OrderTrackingLeak(faultMode, 1, registry);
        engine = new OrderEngine(settings, sink, registry, fault, () -> 0L);
        engine.startEmpty();
    }

    public EngineFixture listed(String symbol, double price) {
        engine.onMarketEvent(new SymbolListed(symbol, now += 1000, price));
        return this;
    }

    public EngineFixture tick(String symbol, double price) {
        engine.onMarketEvent(new Tick(symbol, now += 1000, ++seq, price, price, price, 100, 0));
        return this;
    }

    public EngineFixture sessionClosed() {
        engine.onMarketEvent(new SessionClosed(now += 1000, (int) (now / 86_400_000L)));
        return this;
    }

    public EngineFixture delisted(String symbol) {
        engine.onMarketEvent(new SymbolDelisted(symbol, now += 1000, "test"));
        return this;
    }

    public SubmitResult signal(String symbol, int slot, Side side, double ref, double sl, double tp, double qty) {
        long barTime = now;
        return engine.onSignal(new Signal(
                Signal.idFor(symbol, slot, barTime), symbol, slot, side, ref, sl, tp, qty, barTime, now += 1, 0));
    }

    public SubmitResult buy(String symbol, int slot, double ref) {
        return signal(symbol, slot, Side.BUY, ref, ref * 0.95, ref * 1.10, 10);
    }

    public SubmitResult limitBuy(String clientId, String symbol, int slot, double limit, TimeInForce tif) {
        return engine.submitManual(new ManualOrder(
                clientId, symbol, slot, Side.BUY, OrderType.LIMIT, 10, limit, limit * 0.95, limit * 1.10, tif));
    }

    public long openBrackets() {
        return engine.state().openBracketStore().size();
    }

    /** The exported gauge, as the soak harness reads it. */
    public double storeEntriesGauge(String store) {
        return registry.get("steadystate.store.entries")
                .tag("store", store)
                .gauge()
                .value();
    }
}
