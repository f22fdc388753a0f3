package io.steadystate.marketdata.config;

/**
 * The bounds of the three market rates, in one place: {@link MarketConfig}'s validation annotations take
 * these constants and {@code PUT /market/rate} checks with the methods below, so a value the service refuses
 * at start-up is refused at run time too, and the other way round.
 */
public final class RateBounds {

    /** Simulated seconds per wall second: {@code 0 < speed ≤ MAX_SPEED}. */
    public static final String MAX_SPEED = "1e12";
    /** Ticks per wall second: a whole number, {@code 0 ≤ cap ≤ MAX_TICKS_PER_SECOND} (0 = unthrottled). */
    public static final long MAX_TICKS_PER_SECOND = 1_000_000_000L;
    /** Average ticks per symbol per simulated second: {@code 0 < rate ≤ MAX_TICKS_PER_SYMBOL_PER_SECOND}. */
    public static final String MAX_TICKS_PER_SYMBOL_PER_SECOND = "10000";

    private static final double MAX_SPEED_VALUE = Double.parseDouble(MAX_SPEED);
    private static final double MAX_TICKS_PER_SYMBOL_PER_SECOND_VALUE =
            Double.parseDouble(MAX_TICKS_PER_SYMBOL_PER_SECOND);

    private RateBounds() {}

    /** Null when valid, else why not (in the words of the REST error). */
    public static String checkSpeed(double speed) {
        return speed > 0 && speed <= MAX_SPEED_VALUE
                ? null
                : "speed must be > 0 and ≤ " + MAX_SPEED + " simulated seconds per wall second, was " + speed;
    }

    public static String checkMaxTicksPerSecond(double cap) {
        return cap >= 0 && cap <= MAX_TICKS_PER_SECOND && cap == Math.rint(cap)
                ? null
                : "maxTicksPerSecond must be a whole number ≥ 0 and ≤ " + MAX_TICKS_PER_SECOND
                        + " (0 = unthrottled), was " + cap;
    }

    public static String checkTicksPerSymbolPerSecond(double rate) {
        return rate > 0 && rate <= MAX_TICKS_PER_SYMBOL_PER_SECOND_VALUE
                ? null
                : "ticksPerSymbolPerSecond must be > 0 and ≤ " + MAX_TICKS_PER_SYMBOL_PER_SECOND + ", was " + rate;
    }
}
