package io.steadystate.soak.chaos;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.coordinator.transaction.TransactionLog;
import org.apache.kafka.coordinator.transaction.TransactionMetadata;
import org.apache.kafka.coordinator.transaction.TransactionState;

/**
 * What the transaction coordinators decided, read from their own log ({@code __transaction_state}, decoded with
 * Kafka's {@code TransactionLog}): whether a transaction that a partition still holds open was decided
 * <em>commit</em>. The one authority on it — a partition's open transaction says nothing of its outcome, and the
 * coordinator's current state ({@code describeTransactions}) has moved on by the time an operator looks.
 *
 * <p>Why the harness needs it: aborting a transaction its coordinator committed drops records whose inputs are
 * already committed — lost for good, and no read_committed count can see it, because the lost records never
 * become visible (measured: runs/chaos-1202/broker6-s5, 5 signals). So the operator step asks here before each
 * abort and leaves a committed one alone, and the end-of-run audit asks again of every abort made.
 *
 * <p>Matching one open transaction to its decision: a {@code PrepareCommit} (or {@code PrepareAbort}) record of the
 * same producer id that lists the partition and belongs to the same transaction. With transactions v2 (KIP-890, the
 * default from Kafka 4.0) the coordinator bumps the epoch when it ends a transaction, so the decision of the
 * transaction written at epoch {@code E} is logged with epoch {@code E + 1}; with v0/v1
 * the epoch stays, and the records of one producer at one epoch are told apart by the transaction's start time.
 */
final class CoordinatorDecisions {

    static final String TOPIC = "__transaction_state";
    private static final Set<TransactionState> DECIDED =
            EnumSet.of(TransactionState.PREPARE_COMMIT, TransactionState.PREPARE_ABORT);

    /** One decision as the coordinator logged it. */
    record Decision(
            String transactionalId,
            long producerId,
            int producerEpoch,
            int lastProducerEpoch,
            boolean commit,
            Set<TopicPartition> partitions,
            long startMillis,
            boolean epochBumped) {

        /** Whether this is the decision of the transaction written at {@code dataEpoch} that began by {@code byMillis}. */
        boolean decides(long pid, int dataEpoch, TopicPartition partition, long byMillis) {
            if (producerId != pid || !partitions.contains(partition)) {
                return false;
            }
            if (epochBumped) {
                return producerEpoch == dataEpoch + 1; // measured (CoordinatorDecisionsIT): last epoch is -1 here
            }
            // v0/v1: one epoch for many transactions; a later one began after this one's last write here
            return producerEpoch == dataEpoch && startMillis <= byMillis;
        }
    }

    private final List<Decision> decisions;

    CoordinatorDecisions(List<Decision> decisions) {
        this.decisions = List.copyOf(decisions);
    }

    /** Reads every coordinator's log to its current end. */
    static CoordinatorDecisions read(String bootstrap, Duration timeout) {
        List<Decision> decisions = new ArrayList<>();
        TopicReader.readAllBinaryKeys(bootstrap, TOPIC, timeout, r -> {
            if (r.key() == null || r.value() == null) {
                return; // a tombstone: an expired transactional id
            }
            if (TransactionLog.read(ByteBuffer.wrap(r.key()), ByteBuffer.wrap(r.value()))
                    instanceof TransactionLog.TxnRecord txn) {
                TransactionMetadata m = txn.metadata();
                if (DECIDED.contains(m.state())) {
                    decisions.add(new Decision(
                            txn.transactionId(),
                            m.producerId(),
                            m.producerEpoch(),
                            m.lastProducerEpoch(),
                            m.state() == TransactionState.PREPARE_COMMIT,
                            Set.copyOf(m.topicPartitions()),
                            m.txnStartTimestamp(),
                            m.clientTransactionVersion().supportsEpochBump()));
                }
            }
        });
        return new CoordinatorDecisions(decisions);
    }

    /**
     * The coordinator's decision of the transaction that producer {@code pid} wrote at {@code dataEpoch} onto
     * {@code partition}, last written there at {@code lastWriteMillis}; empty when it logged none (it never ended
     * it). Of several v0/v1 candidates, the latest that began by then is the one.
     */
    Optional<Decision> of(long pid, int dataEpoch, TopicPartition partition, long lastWriteMillis) {
        Decision latest = null;
        for (Decision d : decisions) {
            if (d.decides(pid, dataEpoch, partition, lastWriteMillis)
                    && (latest == null || d.startMillis() >= latest.startMillis())) {
                latest = d;
            }
        }
        return Optional.ofNullable(latest);
    }

    /** Whether that transaction was decided commit. */
    boolean committed(long pid, int dataEpoch, TopicPartition partition, long lastWriteMillis) {
        return of(pid, dataEpoch, partition, lastWriteMillis)
                .map(Decision::commit)
                .orElse(false);
    }

    int size() {
        return decisions.size();
    }

    @Override
    public String toString() {
        return decisions.toString();
    }
}
