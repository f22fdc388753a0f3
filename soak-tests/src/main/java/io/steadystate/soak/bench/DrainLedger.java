package io.steadystate.soak.bench;

/**
 * The bench's tick bookkeeping across discarded backlogs. The stage counters (ticks published, ticks processed by
 * each consumer stage) are cumulative over the whole bench; {@code Admin.deleteRecords} makes the consumers skip
 * what they had not read yet, so from then on every stage's processed count stays behind the published count by
 * exactly what it skipped. Without that correction a drain never completes again (every later step waits out its
 * grace and discards once more), and counting the discard from log offsets (end − log start) also counts records
 * the consumers had already read. The ledger keeps, per stage, the ticks it skipped, taken once the consumers have
 * settled after a discard, and reports the drop as the slowest stage's skipped ticks.
 */
final class DrainLedger {

    private double skippedFirst;
    private double skippedSecond;
    private double discarded;

    /** The raw counters with every stage credited with the ticks it skipped because of a discard. */
    PipelineProbe.Counters adjust(PipelineProbe.Counters raw) {
        return new PipelineProbe.Counters(raw.published(), raw.strategy() + skippedFirst, raw.order() + skippedSecond);
    }

    /** Drained = every stage (after adjustment) has processed every published tick. */
    static boolean drained(PipelineProbe.Counters adjusted) {
        return adjusted.strategy() >= adjusted.published() && adjusted.order() >= adjusted.published();
    }

    /**
     * After a discard, with the consumers settled at the new log start ({@code raw} no longer moving): whatever a
     * stage has not processed by now it skipped. Returns the ticks dropped by this discard (the larger backlog).
     */
    double settledAfterDiscard(PipelineProbe.Counters raw) {
        double first = Math.max(skippedFirst, raw.published() - raw.strategy());
        double second = Math.max(skippedSecond, raw.published() - raw.order());
        double dropped = Math.max(first - skippedFirst, second - skippedSecond);
        skippedFirst = first;
        skippedSecond = second;
        discarded += dropped;
        return dropped;
    }

    /** Ticks dropped by all discards so far. */
    double discarded() {
        return discarded;
    }
}
