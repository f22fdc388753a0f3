package io.steadystate.strategy.bars;

import io.steadystate.core.event.Timeframe;

/**
 * Builds one timeframe's OHLCV bars from ticks on event time, keeping only the bar that is forming and the last
 * one closed — primitives, no allocation per tick. The owner drives it:
 * {@code if (startsNewBar(s)) { closeForming(); …use closed bar… } update(s, price, size)}.
 *
 * <p>Gaps: a bar exists only when a tick fell into it. After a quiet stretch the next tick closes the old bar
 * and opens the bar of its own time; no empty (phantom) bars are made for the stretch in between. A late tick
 * (older bar start than the forming one) joins the forming bar: bars never reopen.
 */
public final class BarConsolidator {

    private final Timeframe timeframe;

    private boolean forming;
    private long start;
    private double open;
    private double high;
    private double low;
    private double close;
    private long volume;

    private boolean hasClosed;
    private long closedStart;
    private double closedOpen;
    private double closedHigh;
    private double closedLow;
    private double closedClose;
    private long closedVolume;
    private long barsClosed;

    public BarConsolidator(Timeframe timeframe) {
        this.timeframe = timeframe;
    }

    public Timeframe timeframe() {
        return timeframe;
    }

    /** True when a tick of bar {@code barStart} must first close the forming bar. */
    public boolean startsNewBar(long barStart) {
        return forming && barStart > start;
    }

    public void update(long barStart, double price, long size) {
        if (!forming) {
            forming = true;
            start = barStart;
            open = price;
            high = price;
            low = price;
            close = price;
            volume = size;
            return;
        }
        if (price > high) {
            high = price;
        }
        if (price < low) {
            low = price;
        }
        close = price;
        volume += size;
    }

    /** Closes the forming bar (it becomes {@code closed*}); returns false when nothing was forming. */
    public boolean closeForming() {
        if (!forming) {
            return false;
        }
        forming = false;
        hasClosed = true;
        closedStart = start;
        closedOpen = open;
        closedHigh = high;
        closedLow = low;
        closedClose = close;
        closedVolume = volume;
        barsClosed++;
        return true;
    }

    public boolean isForming() {
        return forming;
    }

    public long start() {
        return start;
    }

    public double open() {
        return open;
    }

    public double high() {
        return high;
    }

    public double low() {
        return low;
    }

    public double close() {
        return close;
    }

    public long volume() {
        return volume;
    }

    public boolean hasClosed() {
        return hasClosed;
    }

    public long closedStart() {
        return closedStart;
    }

    public double closedOpen() {
        return closedOpen;
    }

    public double closedHigh() {
        return closedHigh;
    }

    public double closedLow() {
        return closedLow;
    }

    public double closedClose() {
        return closedClose;
    }

    public long closedVolume() {
        return closedVolume;
    }

    public long barsClosed() {
        return barsClosed;
    }

    /** Object header + fields, for the per-symbol byte estimate. */
    public static long bytes() {
        return 16 + 8 * 14 + 8;
    }
}
