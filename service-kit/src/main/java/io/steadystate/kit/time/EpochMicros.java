package io.steadystate.kit.time;

import java.time.Clock;
import java.time.Instant;

/**
 * Wall-clock epoch microseconds, the one precision of every latency stamp ({@code Tick.originMicros}, the
 * {@code EmitTime} header): the instant's full microsecond part, never milliseconds times 1,000 — a mix would put a
 * sub-millisecond hop at 0 or at a whole millisecond depending on which service stamped it.
 */
public final class EpochMicros {

    private EpochMicros() {}

    /** Now, from the system clock (microsecond resolution on Linux JDKs). */
    public static long now() {
        return of(Instant.now());
    }

    public static long now(Clock clock) {
        return of(clock.instant());
    }

    /** Epoch microseconds of an instant; throws on overflow rather than wrap (an instant past year 294,000). */
    public static long of(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
    }
}
