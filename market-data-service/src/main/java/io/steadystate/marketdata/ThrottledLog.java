package io.steadystate.marketdata;

import org.jboss.logging.Logger;

/**
 * Logs at most one line per interval and says how many were suppressed: hot paths (a failing send per tick,
 * a bad CSV line per row) must not flood the log (seed 000 flagged log floods).
 */
public final class ThrottledLog {

    private final Logger logger;
    private final long intervalNanos;
    private long lastNanos;
    private long suppressed;
    private boolean logged;

    public ThrottledLog(Logger logger, long intervalMillis) {
        this.logger = logger;
        this.intervalNanos = intervalMillis * 1_000_000L;
    }

    public synchronized void warn(String message, Object detail) {
        long now = System.nanoTime();
        if (logged && now - lastNanos < intervalNanos) {
            suppressed++;
            return;
        }
        if (suppressed > 0) {
            logger.warnf("%s: %s (%d similar messages suppressed)", message, detail, suppressed);
        } else {
            logger.warnf("%s: %s", message, detail);
        }
        logged = true;
        lastNanos = now;
        suppressed = 0;
    }
}
