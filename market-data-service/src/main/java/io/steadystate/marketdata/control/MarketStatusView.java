package io.steadystate.marketdata.control;

import io.steadystate.marketdata.MarketSource;
import io.steadystate.marketdata.calendar.SessionCalendar;
import io.steadystate.marketdata.publish.EventType;
import io.steadystate.marketdata.publish.PublishMetrics;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /market/status}, built from volatile copies and the source's capabilities: it never takes the
 * market lock, so it answers while a send blocks. Replay progress is read without that lock too: counters
 * a chunk behind at worst.
 */
public final class MarketStatusView {

    private final String mode;
    private final MarketSource source;
    private final MarketLifecycle lifecycle;
    private final MarketSnapshot snapshot;
    private final MarketRates rates;
    private final PublishMetrics publishMetrics;
    private final BooleanSupplier ready;

    public MarketStatusView(
            String mode,
            MarketSource source,
            MarketLifecycle lifecycle,
            MarketSnapshot snapshot,
            MarketRates rates,
            PublishMetrics publishMetrics,
            BooleanSupplier ready) {
        this.mode = mode;
        this.source = source;
        this.lifecycle = lifecycle;
        this.snapshot = snapshot;
        this.rates = rates;
        this.publishMetrics = publishMetrics;
        this.ready = ready;
    }

    public MarketStatus status() {
        long now = snapshot.simulatedTimeMillis();
        boolean clockStarted = now != Long.MIN_VALUE;
        MarketStatus.ReplayStatus replay = source.replayProgress()
                .map(p -> new MarketStatus.ReplayStatus(
                        p.file(),
                        p.linesRead(),
                        p.replayedTicks(),
                        p.malformedLines(),
                        p.resumedPastLines(),
                        p.recentErrors(),
                        source.finished()))
                .orElse(null);
        Double ticksPerSymbolPerSecond = source.tickRate()
                .map(MarketSource.TickRate::ticksPerSymbolPerSecond)
                .orElse(null);
        long tradingDay = snapshot.tradingDay();
        return new MarketStatus(
                lifecycle.state().name(),
                clockStarted ? SessionCalendar.isoInstant(now) : null,
                clockStarted ? now : 0,
                SessionCalendar.dateOf(tradingDay).toString(),
                tradingDay,
                snapshot.simulatedDays(),
                snapshot.activeSymbols(),
                published(),
                Math.round(snapshot.ticksPerSecond() * 10) / 10.0,
                rates.speed(),
                rates.maxTicksPerSecond(),
                ticksPerSymbolPerSecond,
                mode.toLowerCase(Locale.ROOT),
                snapshot.sessionOpen(),
                publishMetrics.errors(),
                ready.getAsBoolean(),
                replay);
    }

    /** One entry per EventType, in contract order; built per call. */
    public Map<String, Long> published() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (EventType type : EventType.values()) {
            counts.put(type.tag, publishMetrics.count(type));
        }
        return counts;
    }
}
