package io.steadystate.marketdata;

import java.time.Instant;

/**
 * {@code Tick.originMicros}: wall-clock epoch microseconds of the moment a tick was <em>scheduled</em>, given
 * the tick's simulated time. The driver's pacer knows which wall instant each simulated instant is due at;
 * stamping that (not the time the send returned) keeps a stalled producer visible in downstream latency
 * instead of hiding it. Tests pass {@link #FIXED_AT_ZERO} for a fully deterministic stream.
 */
@FunctionalInterface
public interface OriginClock {

    OriginClock FIXED_AT_ZERO = simulatedNanos -> 0L;

    long originMicros(long simulatedNanos);

    /** Epoch microseconds of an instant, at the instant's full (microsecond) precision. */
    static long epochMicros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
    }
}
