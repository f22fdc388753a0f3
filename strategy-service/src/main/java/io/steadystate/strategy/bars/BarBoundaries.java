package io.steadystate.strategy.bars;

import io.steadystate.core.event.Timeframe;

/**
 * Start of the bar that contains an event time, for every timeframe. Intraday bars are aligned to the epoch
 * ({@link Timeframe#barStart}); a D1 bar starts at 00:00 UTC of its trading day; a W1 bar on Monday 00:00 UTC.
 */
public final class BarBoundaries {

    public static final long DAY_MILLIS = 86_400_000L;
    public static final long WEEK_MILLIS = 7 * DAY_MILLIS;
    /** 1970-01-01 was a Thursday: the Monday of its week is epoch day -3. */
    private static final long MONDAY_OFFSET_DAYS = 3;

    private BarBoundaries() {}

    public static long startOf(Timeframe timeframe, long eventTime) {
        return switch (timeframe) {
            case W1 -> weekStartOfDay(Math.floorDiv(eventTime, DAY_MILLIS));
            case D1 -> Math.floorDiv(eventTime, DAY_MILLIS) * DAY_MILLIS;
            default -> timeframe.barStart(eventTime);
        };
    }

    /** Monday 00:00 UTC (epoch millis) of the week containing {@code epochDay}. */
    public static long weekStartOfDay(long epochDay) {
        long monday = Math.floorDiv(epochDay + MONDAY_OFFSET_DAYS, 7) * 7 - MONDAY_OFFSET_DAYS;
        return monday * DAY_MILLIS;
    }

    /** ISO day of week of an epoch day: 1 = Monday … 5 = Friday … 7 = Sunday. */
    public static int dayOfWeek(long epochDay) {
        return (int) Math.floorMod(epochDay + MONDAY_OFFSET_DAYS, 7) + 1;
    }
}
