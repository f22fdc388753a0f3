package io.steadystate.soak.chaos;

/**
 * What happened to one kill of the plan, in seconds since sampling began (null: did not happen).
 *
 * @param readyAt     every service answered {@code /q/health/ready} 200 again (for a service kill: that service)
 * @param drainedAt   Σ consumer lag back to at most {@code lagLimit} (the lag before the kill, doubled, at least
 *                    1,000 records): the backlog the outage built is worked off
 * @param lagBefore   Σ consumer lag just before the kill (null when unknown)
 * @param note        why a step is missing (not ready in time, …), else null
 */
public record KillRecord(
        int index,
        String target,
        long seed,
        double plannedAt,
        Double killedAt,
        Double restartedAt,
        Double readyAt,
        Double drainedAt,
        Long lagBefore,
        long lagLimit,
        String note) {

    /** Kill → ready, seconds; null when it never became ready. */
    public Double secondsToReady() {
        return killedAt == null || readyAt == null ? null : readyAt - killedAt;
    }

    /** Kill → ready and lag drained: the time to recover; null when it did not. */
    public Double secondsToRecover() {
        return killedAt == null || drainedAt == null || readyAt == null
                ? null
                : Math.max(readyAt, drainedAt) - killedAt;
    }

    public boolean recovered() {
        return secondsToRecover() != null;
    }
}
