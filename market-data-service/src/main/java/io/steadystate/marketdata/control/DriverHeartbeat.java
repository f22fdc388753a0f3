package io.steadystate.marketdata.control;

import java.util.function.LongSupplier;

/**
 * Liveness without a lock: the driver beats after every chunk, every send that returns and every idle wait
 * (at least once a second), and the probe compares a volatile timestamp. A send blocked on a full producer
 * buffer returns within {@code max.block.ms} (10 s), so only a real hang — not a slow or absent broker,
 * which is readiness's business — goes quiet for {@link #STALE_AFTER_NANOS}. Two minutes, because one
 * preparation attempt against a broker that answers slowly can take ~50 s (several 10 s client timeouts)
 * without a beat in between.
 */
public final class DriverHeartbeat {

    public static final long STALE_AFTER_NANOS = 120_000_000_000L;

    private final LongSupplier nanoTime;
    private volatile long lastBeatNanos;
    private volatile boolean failed;

    public DriverHeartbeat(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.lastBeatNanos = nanoTime.getAsLong();
    }

    public void beat() {
        lastBeatNanos = nanoTime.getAsLong();
    }

    /** The driver died of an exception: only a restart helps. */
    public void failed() {
        failed = true;
    }

    public boolean live() {
        return !failed && nanoTime.getAsLong() - lastBeatNanos < STALE_AFTER_NANOS;
    }

    public long silentForNanos() {
        return nanoTime.getAsLong() - lastBeatNanos;
    }
}
