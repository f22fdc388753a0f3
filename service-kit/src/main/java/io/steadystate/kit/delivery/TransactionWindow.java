package io.steadystate.kit.delivery;

import java.time.Duration;

/**
 * How long one Kafka transaction of a loop may stay open across polls (README, "Transaction window"). A commit
 * costs several broker round trips (AddOffsetsToTxn, TxnOffsetCommit, EndTxn and the markers) whatever the
 * transaction holds, so paying it once per poll made it the pipeline's limit; one transaction now spans polls
 * until it holds {@code maxRecords} input records or is {@code maxAge} old — or earlier, when a poll returns
 * nothing, a REST command ran in it or waits, or a rebalance starts.
 *
 * @param maxRecords input records after which the transaction commits ({@code 1} = one transaction per poll)
 * @param maxAge     age after which it commits; bounds the extra latency read_committed readers see
 */
public record TransactionWindow(int maxRecords, Duration maxAge) {

    public static final TransactionWindow DEFAULT = new TransactionWindow(5_000, Duration.ofMillis(20));

    public TransactionWindow {
        if (maxRecords < 1) {
            throw new IllegalArgumentException("transaction-max-records must be at least 1: " + maxRecords);
        }
        if (maxAge == null || maxAge.isNegative()) {
            throw new IllegalArgumentException("transaction-max-age must not be negative: " + maxAge);
        }
    }
}
