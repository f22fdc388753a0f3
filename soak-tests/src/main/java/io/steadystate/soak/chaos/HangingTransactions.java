package io.steadystate.soak.chaos;

import io.steadystate.core.kafka.OpenPartitionTransaction;
import io.steadystate.core.kafka.OpenTransactions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;

/**
 * The operator's step after a broker crash that Kafka can need: abort a transaction left open on a partition that
 * its coordinator no longer runs ("hanging", KIP-664 — what {@code kafka-transactions.sh find-hanging} and
 * {@code abort} do by hand).
 *
 * <p>Why the harness does it: measured in a chaos run at 18,000 ticks/s (runs/chaos-1201/chaos-1), the broker was
 * killed within milliseconds of order-service's transaction (producer 1, epoch 3459) writing its partitions and the
 * coordinator logging {@code PrepareCommit}. After the restart the coordinator logged {@code CompleteCommit} while
 * its marker sender could not reach the restarting broker, and no partition that was dumped got the marker: each
 * held the transaction open, every offset fetch of the group answered {@code UNSTABLE_OFFSET_COMMIT}, and order-service retried
 * its recovery for 5 minutes and would have for ever. A service
 * cannot clear it itself — the abort writes transaction markers, which needs {@code Alter} on the cluster
 * (KIP-1037), an operator's right, not an application's. So the chaos supervisor plays the operator, and the kill's
 * record says that it had to.
 *
 * <p>Only for a writer that waits for it: {@code writerWaits} is asked with the transaction's transactional id (the
 * supervisor answers "not ready"). A delivery loop that found a stranded transaction of its own and is ready judged
 * it committed (its failed commit's offsets are in the group, service-kit README "Stranded transactions") and
 * completes it with its next commit marker; an abort would lose it. Measured before this rule
 * (runs/chaos-1202/broker6-s5, kill 5): the coordinator logged PrepareCommit then CompleteCommit for
 * strategy-service's epoch 4833, {@code strategy.signals-0} and {@code -2} never got the marker, and the abort here
 * dropped their records (5 signals on partition 0, never made again: their ticks' offsets were committed).
 * And never part of a commit, whoever waits: a transaction its coordinator decided commit is aborted only while
 * none of its partitions got the marker ({@link #abortHanging}), and the end of the run asks the coordinators' log
 * again of every abort made ({@code chaos:no-committed-transaction-aborted}).
 *
 * <p>Hanging, here: open on the partition for longer than {@link #openLongerThan} (three transaction time-outs of the
 * producer, at least 30 s: a live transaction is aborted by its coordinator within one) and its coordinator either
 * runs no transaction for that producer or runs a later epoch (transactions v2 bump the epoch per transaction).
 */
final class HangingTransactions implements AutoCloseable {

    private static final Set<TransactionState> LIVE = EnumSet.of(
            TransactionState.ONGOING,
            TransactionState.PREPARE_COMMIT,
            TransactionState.PREPARE_ABORT,
            TransactionState.PREPARE_EPOCH_FENCE);
    static final Duration MIN_OPEN = Duration.ofSeconds(30);

    static final Duration DECISIONS_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrap;
    private final Admin admin;

    HangingTransactions(String bootstrap) {
        this.bootstrap = bootstrap;
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5_000));
    }

    /** What a partition says of one open transaction and what its coordinator says of that producer (null: nothing). */
    record Open(
            TopicPartition partition,
            String transactionalId,
            long producerId,
            int producerEpoch,
            long startOffset,
            Instant lastWrite,
            int coordinatorEpoch,
            TransactionDescription coordinator) {

        boolean hanging(Instant now) {
            if (lastWrite.plus(openLongerThan(coordinator)).isAfter(now)) {
                return false;
            }
            return coordinator == null
                    || !LIVE.contains(coordinator.state())
                    || coordinator.producerEpoch() > producerEpoch;
        }

        long lastWriteMillis() {
            return lastWrite.toEpochMilli();
        }

        String describe() {
            return String.format(
                    "producer %d epoch %d on %s from offset %d, last written %s, coordinator %s",
                    producerId,
                    producerEpoch,
                    partition,
                    startOffset,
                    lastWrite,
                    coordinator == null
                            ? "knows no transaction of it"
                            : coordinator.state() + " at epoch " + coordinator.producerEpoch());
        }
    }

    static Duration openLongerThan(TransactionDescription coordinator) {
        Duration three = coordinator == null ? MIN_OPEN : Duration.ofMillis(3 * coordinator.transactionTimeoutMs());
        return three.compareTo(MIN_OPEN) > 0 ? three : MIN_OPEN;
    }

    /** One operator round: what it aborted, and what it left because an abort would lose committed records. */
    record Step(List<Open> aborted, List<Open> leftCommitted) {
        static final Step NOTHING = new Step(List.of(), List.of());
    }

    /**
     * Finds the hanging transactions on every partition of the cluster and aborts them, the offsets
     * ({@code __consumer_offsets}) last — one transaction everywhere, or not at all.
     *
     * <p>Every partition, and the offsets last — measured: the same crash left the transaction open on
     * {@code order.events-2} (records 164049–164069, epoch 3459, no marker) as well as on {@code __consumer_offsets-0}.
     * Aborting only the offsets (by hand, in that run) let order-service resume, and its next commit marker on
     * {@code order.events-2} (producer 1, epoch 3466) closed the old records together with its own: 47 order events and 7
     * fills appeared twice.
     *
     * <p>A transaction its coordinator decided commit ({@link CoordinatorDecisions}, read from its log before each
     * round) is aborted only while it is still open on <em>every</em> partition the decision names, the group's
     * offsets partition included: then no reader has seen any of it, the writer's inputs are not committed, and the
     * abort is what the coordinator could have decided (the writer processes them again). If any of its partitions
     * got the commit marker — its input offsets, above all — the others' records are committed data, an abort drops
     * them for good, and Kafka has no operator command that writes a commit marker: it is left open, named in the
     * round's result (measured: runs/chaos-1202/broker6-s5). If the log cannot be read, nothing is aborted this round.
     */
    Step abortHanging(Predicate<String> writerWaits) {
        List<Open> aborted = new ArrayList<>();
        List<Open> left = new ArrayList<>();
        try {
            List<Open> hanging = openTransactions().stream()
                    .filter(o -> o.hanging(Instant.now()))
                    .filter(o -> o.transactionalId() == null || writerWaits.test(o.transactionalId()))
                    .toList();
            if (hanging.isEmpty()) {
                return Step.NOTHING;
            }
            CoordinatorDecisions decisions = CoordinatorDecisions.read(bootstrap, DECISIONS_TIMEOUT);
            List<Open> abort = new ArrayList<>();
            for (List<Open> txn : byTransaction(hanging)) {
                if (losesCommitted(decisions, txn)) {
                    left.addAll(txn);
                } else {
                    abort.addAll(txn);
                }
            }
            abort.sort(Comparator.comparing((Open o) -> o.partition().topic().startsWith("__consumer_offsets")));
            for (Open open : abort) {
                admin.abortTransaction(new AbortTransactionSpec(
                                open.partition(),
                                open.producerId(),
                                (short) open.producerEpoch(),
                                open.coordinatorEpoch()))
                        .all()
                        .get(10, TimeUnit.SECONDS);
                aborted.add(open);
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // the broker is still coming up: the supervisor asks again on its next round
        }
        return new Step(aborted, left);
    }

    /** The open partitions of one transaction (one producer id and epoch) together. */
    static Collection<List<Open>> byTransaction(List<Open> open) {
        Map<String, List<Open>> txns = new LinkedHashMap<>();
        open.forEach(o -> txns.computeIfAbsent(o.producerId() + "/" + o.producerEpoch(), k -> new ArrayList<>())
                .add(o));
        return txns.values();
    }

    /**
     * Whether aborting {@code partitions} (one transaction's) would drop committed records: its coordinator decided
     * commit and some partition it names is not among them (it got its marker).
     */
    static boolean losesCommitted(CoordinatorDecisions decisions, List<Open> partitions) {
        Open first = partitions.get(0);
        Set<TopicPartition> aborting = partitions.stream().map(Open::partition).collect(Collectors.toSet());
        return decisions
                .of(first.producerId(), first.producerEpoch(), first.partition(), first.lastWriteMillis())
                .filter(CoordinatorDecisions.Decision::commit)
                .map(d -> !aborting.containsAll(d.partitions()))
                .orElse(false);
    }

    /**
     * The end-of-run proof that the operator lost nothing: every transaction it aborted, asked again of the
     * coordinators' log as it is now; those it aborted on only part of a commit (empty: none).
     */
    static List<Open> committedAmong(String bootstrap, List<Open> aborts) {
        if (aborts.isEmpty()) {
            return List.of();
        }
        CoordinatorDecisions decisions = CoordinatorDecisions.read(bootstrap, DECISIONS_TIMEOUT);
        List<Open> lost = new ArrayList<>();
        for (List<Open> txn : byTransaction(aborts)) {
            if (losesCommitted(decisions, txn)) {
                lost.addAll(txn);
            }
        }
        return lost;
    }

    private List<Open> openTransactions() throws Exception {
        Map<Long, TransactionDescription> byProducer = new HashMap<>();
        Map<Long, String> idByProducer = new HashMap<>();
        Collection<TransactionListing> listings = admin.listTransactions().all().get(10, TimeUnit.SECONDS);
        listings.forEach(l -> idByProducer.put(l.producerId(), l.transactionalId()));
        List<String> ids =
                listings.stream().map(TransactionListing::transactionalId).toList();
        if (!ids.isEmpty()) {
            admin.describeTransactions(ids)
                    .all()
                    .get(10, TimeUnit.SECONDS)
                    .values()
                    .forEach(d -> byProducer.put(d.producerId(), d));
        }
        Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true))
                .names()
                .get(10, TimeUnit.SECONDS);
        List<Open> open = new ArrayList<>();
        for (OpenPartitionTransaction t : OpenTransactions.on(admin, topics, 10_000)) {
            open.add(new Open(
                    t.partition(),
                    idByProducer.get(t.producerId()),
                    t.producerId(),
                    t.producerEpoch(),
                    t.startOffset(),
                    t.lastWrite(),
                    t.coordinatorEpoch(),
                    byProducer.get(t.producerId())));
        }
        return open;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
