package io.steadystate.marketdata.control;

import io.steadystate.marketdata.OriginClock;

/**
 * Which wall instant each tick of a grant is due at: the pacer's grant covers the wall interval
 * {@code [wallStart, wallEnd]} and plays simulated time from {@code simulatedStart} at {@code speed}, so a tick
 * at simulated {@code s} is due at {@code wallStart + (s - simulatedStart) / speed}, held inside the interval
 * (a cap that slowed the clock, or a night the clock jumped over, cannot put it outside). That instant, not
 * the moment a possibly blocked send returns, is {@code Tick.originMicros}.
 *
 * <p>Set by the driver before each grant, read by the source during it: both under the market lock.
 */
public final class TickSchedule implements OriginClock {

    private long simulatedStartNanos = Long.MIN_VALUE;
    private long wallStartMicros;
    private long wallEndMicros;
    private double speed = 1;

    public void grant(long simulatedStartNanos, long wallStartMicros, long wallEndMicros, double speed) {
        if (wallEndMicros < wallStartMicros || !(speed > 0)) {
            throw new IllegalArgumentException(
                    "wall interval [" + wallStartMicros + ", " + wallEndMicros + "] at speed " + speed);
        }
        this.simulatedStartNanos = simulatedStartNanos;
        this.wallStartMicros = wallStartMicros;
        this.wallEndMicros = wallEndMicros;
        this.speed = speed;
    }

    @Override
    public long originMicros(long simulatedNanos) {
        if (simulatedStartNanos == Long.MIN_VALUE) {
            return wallEndMicros; // the first grant: the source had no clock yet, the tick is due now
        }
        double offsetMicros = (simulatedNanos - simulatedStartNanos) / speed / 1000.0;
        if (!(offsetMicros > 0)) {
            return wallStartMicros;
        }
        return (long) Math.min(wallEndMicros, wallStartMicros + offsetMicros);
    }
}
