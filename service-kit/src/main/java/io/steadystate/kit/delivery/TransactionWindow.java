package io.steadystate.kit.delivery;

import java.time.Duration;

/**
 * How long one Kafka transaction of a loop may stay open across polls (README, "Transaction window"). A commit
 * costs several broker round trips (AddOffsetsToTxn, TxnOffsetCommit, EndTxn and the markers) whatever the
 * transaction holds, so paying it once per poll made it the pipeline's limit; one transaction now spans polls
 * until it holds {@code maxRecords} input records or is {@code maxAge} old — or earlier, when a poll returns
 * nothing, a REST command ran in it or waits, or a rebalance starts.
 *
 * <p>{@code transactional = false} keeps the window but drops the transactions: at the window's end the producer is
 * flushed and, only if every send of the window was acknowledged, the offsets are committed ({@code commitSync}).
 * Nothing is committed past a failed send, but nothing is atomic either: outputs are visible as soon as they are
 * acknowledged, and a crash or a failed send between acknowledgement and offset commit re-processes the inputs and
 * sends their outputs again (at least once). It exists to measure what transactions cost (the bench's
 * transactions-off runs, service-kit README "Without transactions"); order-service's steps are atomic only with
 * transactions.
 *
 * @param maxRecords    input records after which the transaction commits ({@code 1} = one transaction per poll)
 * @param maxAge        age after which it commits; bounds the extra latency read_committed readers see
 * @param transactional true (the default): one Kafka transaction per window; false: flush, then commit offsets
 */
public record TransactionWindow(int maxRecords, Duration maxAge, boolean transactional) {

    public static final TransactionWindow DEFAULT = new TransactionWindow(5_000, Duration.ofMillis(20));

    /** A transactional window. */
    public TransactionWindow(int maxRecords, Duration maxAge) {
        this(maxRecords, maxAge, true);
    }

    public TransactionWindow {
        if (maxRecords < 1) {
            throw new IllegalArgumentException("transaction-max-records must be at least 1: " + maxRecords);
        }
        if (maxAge == null || maxAge.isNegative()) {
            throw new IllegalArgumentException("transaction-max-age must not be negative: " + maxAge);
        }
    }
}
