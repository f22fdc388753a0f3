package io.steadystate.marketdata;

/**
 * {@code Tick.originMicros}: wall-clock epoch microseconds of the moment a tick was <em>scheduled</em>, given
 * the tick's simulated time. The driver's pacer knows which wall instant each simulated instant is due at;
 * stamping that (not the time the send returned) keeps a stalled producer visible in downstream latency
 * instead of hiding it (service-kit's {@code EpochMicros}, the one precision of every stamp). Tests pass {@link #FIXED_AT_ZERO} for a fully deterministic stream.
 */
@FunctionalInterface
public interface OriginClock {

    OriginClock FIXED_AT_ZERO = simulatedNanos -> 0L;

    long originMicros(long simulatedNanos);
}
