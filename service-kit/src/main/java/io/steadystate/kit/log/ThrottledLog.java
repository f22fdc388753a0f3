package io.steadystate.kit.log;

import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * Logs at most one line per interval and says how many were suppressed: hot paths (a failing send per tick, a bad
 * CSV line per row, an evicting store at capacity) must not flood the log (seed 000 flagged log floods). A
 * suppressed call costs a clock read and nothing else: arguments are formatted only for the line that is written.
 */
public final class ThrottledLog {

    private final Logger logger;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private long lastNanos;
    private long suppressed;
    private boolean logged;

    public ThrottledLog(Logger logger, long intervalMillis) {
        this(logger, intervalMillis, System::nanoTime);
    }

    ThrottledLog(Logger logger, long intervalMillis, LongSupplier nanoTime) {
        if (intervalMillis <= 0) {
            throw new IllegalArgumentException("interval must be positive, was " + intervalMillis);
        }
        this.logger = logger;
        this.intervalNanos = intervalMillis * 1_000_000L;
        this.nanoTime = nanoTime;
    }

    /** {@code message: detail}, at WARN. */
    public void warn(String message, Object detail) {
        log(Logger.Level.WARN, null, message, detail);
    }

    /** {@code message: detail} with the stack trace of {@code error}, at ERROR. */
    public void error(Throwable error, String message, Object detail) {
        log(Logger.Level.ERROR, error, message, detail);
    }

    private synchronized void log(Logger.Level level, Throwable error, String message, Object detail) {
        long now = nanoTime.getAsLong();
        if (logged && now - lastNanos < intervalNanos) {
            suppressed++;
            return;
        }
        if (suppressed > 0) {
            logger.logf(level, error, "%s: %s (%d similar messages suppressed)", message, detail, suppressed);
        } else {
            logger.logf(level, error, "%s: %s", message, detail);
        }
        logged = true;
        lastNanos = now;
        suppressed = 0;
    }

    /** Lines suppressed since the last written one. */
    public synchronized long suppressed() {
        return suppressed;
    }
}
