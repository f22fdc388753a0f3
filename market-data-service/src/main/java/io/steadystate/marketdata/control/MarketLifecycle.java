package io.steadystate.marketdata.control;

/**
 * The market's life cycle: IDLE → start → RUNNING ⇄ PAUSED (pause/resume); stop → STOPPED; start again
 * continues the same market (simulated time never goes backwards, as every downstream clock is monotonic).
 * A replay that reaches the end of its file is FINISHED. Wrong transitions are conflicts and change nothing.
 *
 * <p>Its own monitor guards only this state and is never held across I/O or while the source plays, so
 * status, health and transitions never wait for a send.
 */
public final class MarketLifecycle {

    public enum State {
        IDLE,
        RUNNING,
        PAUSED,
        STOPPED,
        FINISHED
    }

    private State state = State.IDLE;
    private boolean shutdown;

    public synchronized State state() {
        return state;
    }

    public synchronized void start() {
        switch (state) {
            case RUNNING -> throw MarketRequestException.conflict("the market is already running");
            case PAUSED -> throw MarketRequestException.conflict("the market is paused: POST /market/resume");
            case FINISHED -> throw MarketRequestException.conflict("the replay has finished");
            default -> {}
        }
        state = State.RUNNING;
        notifyAll();
    }

    public synchronized void pause() {
        if (state != State.RUNNING) {
            throw MarketRequestException.conflict("only a running market can pause (state " + state + ")");
        }
        state = State.PAUSED;
    }

    public synchronized void resume() {
        if (state != State.PAUSED) {
            throw MarketRequestException.conflict("only a paused market can resume (state " + state + ")");
        }
        state = State.RUNNING;
        notifyAll();
    }

    /** @return true when something was running or paused; a no-op otherwise (a harness can always call it) */
    public synchronized boolean stop() {
        if (state == State.RUNNING || state == State.PAUSED) {
            state = State.STOPPED;
            return true;
        }
        return false;
    }

    /** The source has nothing left to play. */
    public synchronized void finish() {
        state = State.FINISHED;
    }

    public synchronized void shutdown() {
        shutdown = true;
        notifyAll();
    }

    public synchronized boolean isShutdown() {
        return shutdown;
    }

    /** RUNNING and not shutting down. */
    public synchronized boolean isRunning() {
        return state == State.RUNNING && !shutdown;
    }

    /** Waits up to {@code millis} for RUNNING (or shutdown); returns {@link #isRunning()}. */
    public synchronized boolean awaitRunning(long millis) throws InterruptedException {
        if (state != State.RUNNING && !shutdown) {
            wait(millis);
        }
        return isRunning();
    }

    /** Waits up to {@code millis} unless shutting down (the pause between connection attempts). */
    public synchronized void sleepUnlessShutdown(long millis) throws InterruptedException {
        if (!shutdown) {
            wait(millis);
        }
    }
}
