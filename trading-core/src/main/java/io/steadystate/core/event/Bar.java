package io.steadystate.core.event;

/** A completed OHLCV bar of one symbol on one timeframe, starting at {@code startTime} (event time). */
public record Bar(
        String symbol,
        Timeframe timeframe,
        long startTime,
        double open,
        double high,
        double low,
        double close,
        long volume) {
    public Bar {
        Validation.symbol(symbol);
        Validation.required("timeframe", timeframe);
        if (!(low <= open && open <= high && low <= close && close <= high)) {
            throw new IllegalArgumentException("inconsistent OHLC " + open + "/" + high + "/" + low + "/" + close);
        }
    }
}
