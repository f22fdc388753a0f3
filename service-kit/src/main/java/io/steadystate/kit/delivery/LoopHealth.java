package io.steadystate.kit.delivery;

/**
 * Liveness and readiness of one loop, written by the loop thread (and the producer's callbacks), read by the
 * health checks. Live: the thread runs and went round its loop recently. Ready: it was assigned once, the
 * handler's state is complete, and the output is healthy (no failed send or commit since the last recovery).
 */
public final class LoopHealth {

    /** Longer than a rebuild of a partition's state or a broker-down back-off round. */
    static final long STALL_NANOS = 120_000_000_000L;

    private volatile long lastProgress = System.nanoTime();
    private volatile boolean assignedOnce;
    private volatile boolean outputFailing;
    private volatile String lastError = "";

    void progress() {
        lastProgress = System.nanoTime();
    }

    void assigned() {
        assignedOnce = true;
    }

    void sendFailed(Exception e) {
        outputFailing = true;
        lastError = String.valueOf(e);
    }

    void committed() {
        outputFailing = false;
    }

    void recovered() {
        assignedOnce = true;
        outputFailing = false;
    }

    Status status(boolean threadAlive, boolean handlerReady) {
        boolean live = threadAlive && System.nanoTime() - lastProgress < STALL_NANOS;
        boolean ready = live && assignedOnce && handlerReady && !outputFailing;
        return new Status(live, ready, assignedOnce, handlerReady, outputFailing, lastError);
    }

    /** One reading; {@code lastError} is the latest failure seen (kept after recovery, for diagnosis). */
    public record Status(
            boolean live,
            boolean ready,
            boolean assigned,
            boolean stateComplete,
            boolean outputFailing,
            String lastError) {}
}
