package io.steadystate.strategy.signals;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.steadystate.core.event.Side;
import io.steadystate.core.event.Signal;
import io.steadystate.core.event.SlotParameters;
import io.steadystate.core.event.StrategyKind;
import io.steadystate.core.event.StrategySlot;
import io.steadystate.strategy.params.ParameterTable;
import org.jboss.logging.Logger;

/**
 * The fixed 7 timeframe × 3 strategy matrix: on every closed bar of a matrix timeframe, the three slots of that
 * timeframe update their indicators and may signal. Slot states live in the symbol (a fixed array), parameters in
 * the {@link ParameterTable} (a fixed array), signal counters here (a fixed array) — nothing is keyed by a map.
 */
public final class StrategyMatrix {

    public static final String SIGNALS = "steadystate.strategy.signals";
    private static final Logger LOG = Logger.getLogger(StrategyMatrix.class);

    private final ParameterTable parameters;
    private final Counter[] signalsBySlot = new Counter[StrategySlot.COUNT];

    public StrategyMatrix(ParameterTable parameters, MeterRegistry registry) {
        this.parameters = parameters;
        for (int i = 0; i < StrategySlot.COUNT; i++) {
            StrategySlot slot = StrategySlot.ofIndex(i);
            signalsBySlot[i] = Counter.builder(SIGNALS)
                    .tag("timeframe", slot.timeframe().name())
                    .tag("strategy", slot.strategy().code())
                    .description("Signals emitted by timeframe and strategy")
                    .register(registry);
        }
    }

    /** A new, empty slot state of the strategy at {@code index}. */
    public static SlotState newSlotState(int index) {
        StrategyKind kind = StrategySlot.ofIndex(index).strategy();
        return switch (kind) {
            case TREND -> new EmaCrossover();
            case BREAKOUT -> new ChannelBreakout();
            case MEAN_REVERSION -> new RsiReversion();
        };
    }

    public ParameterTable parameters() {
        return parameters;
    }

    /**
     * Feeds a closed bar of matrix timeframe {@code tfIndex} (0 = M1 … 6 = D1) to its three slots. Allocates only
     * when a slot signals.
     */
    public void onBarClosed(
            String symbol,
            SlotState[] slots,
            int tfIndex,
            long barStart,
            double high,
            double low,
            double close,
            long eventTime,
            long originMicros,
            SignalSink sink) {
        for (int k = 0; k < StrategySlot.STRATEGIES; k++) {
            int index = tfIndex * StrategySlot.STRATEGIES + k;
            SlotParameters p = parameters.get(index);
            SlotState slot = slots[index];
            Side side = slot.onBar(close, high, low, p);
            if (side == null || !p.enabled() || slot.alreadySignalled(barStart)) {
                continue;
            }
            Signal signal = signal(symbol, p, side, barStart, close, eventTime, originMicros);
            if (signal != null) {
                slot.recordSignal(barStart, side);
                signalsBySlot[index].increment();
                sink.emit(signal);
            }
        }
    }

    private static Signal signal(
            String symbol,
            SlotParameters p,
            Side side,
            long barStart,
            double price,
            long eventTime,
            long originMicros) {
        double stop = price * (1 - side.sign() * p.stopLossPct() / 100.0);
        double target = price * (1 + side.sign() * p.takeProfitPct() / 100.0);
        try {
            return new Signal(
                    Signal.idFor(symbol, p.slotId(), barStart),
                    symbol,
                    p.slotId(),
                    side,
                    price,
                    stop,
                    target,
                    p.lotSize(),
                    barStart,
                    eventTime,
                    originMicros);
        } catch (IllegalArgumentException e) {
            // only reachable with a degenerate price (e.g. rounding at tiny prices): drop, never crash the consumer
            LOG.debugf("signal of %s slot %d not built: %s", symbol, p.slotId(), e.getMessage());
            return null;
        }
    }
}
