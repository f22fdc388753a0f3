package io.steadystate.order.ingest;

import io.steadystate.core.kafka.Partitioning;
import io.steadystate.core.kafka.Topics;
import io.steadystate.core.state.Bounded;
import io.steadystate.order.events.KafkaOrderPublisher;
import io.steadystate.order.orders.OrderEngine;
import io.steadystate.order.recovery.StateRecovery;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Ownership follows partitions (ARCHITECTURE.md, bounded state rule 5), independent of the messaging framework:
 * the Quarkus channel ({@link KafkaIngest} + {@link OrderRebalanceListener}) and the scale-out test's plain
 * consumers both drive it.
 *
 * <p>One consumer reads {@code strategy.signals} and {@code market.events} together; with the range assignor
 * an instance owns partition p of both, i.e. every symbol s with {@code Partitioning.partitionOf(s, n) == p}.
 * <ul>
 *   <li>{@link #process}: applies a batch under the batch lock, skipping records of partitions not (or no longer)
 *       owned and records below the next expected offset (a batch fetched before a rebalance and delivered
 *       after it), then flushes the producer.</li>
 *   <li>{@link #onRevoked}: waits for the batch in flight (the lock), flushes, commits the offsets processed for
 *       the revoked partitions (so the next owner starts exactly after them), and drops every symbol of the
 *       partitions no longer owned with {@code ExitCause.REVOKED} — without cancels or tombstones.</li>
 *   <li>{@link #onAssigned}: rebuilds the gained partitions from order.open-orders, order.positions and the tail
 *       of order.events (readiness DOWN, mutating REST 503 meanwhile), before any record of them is returned
 *       by poll — the listener runs inside poll, on the polling thread.</li>
 *   <li>{@link #onLost}: the member was fenced and another one may already own the partitions: drop, no commit.</li>
 * </ul>
 */
public final class PartitionOwnership {

    private static final Logger LOG = Logger.getLogger(PartitionOwnership.class);
    private static final long RETRY_MILLIS = 1_000;

    private final OrderEngine engine;
    private final RecordIngest ingest;
    private final KafkaOrderPublisher publisher;
    private final StateRecovery recovery;
    /** Held while a batch is applied and while ownership changes: a rebalance never cuts a batch in half. */
    private final ReentrantLock lock = new ReentrantLock();
    @Bounded("one entry per assigned input partition: at most 2 x the partition count")
    private final Map<TopicPartition, Long> nextOffset = new HashMap<>();
    /** Input partition numbers owned now (immutable snapshot). */
    @Bounded("partition numbers of the input topics: at most the partition count")
    private volatile Set<Integer> owned = Set.of();
    private volatile int inputPartitions;
    private volatile boolean stopping;

    public PartitionOwnership(OrderEngine engine, RecordIngest ingest, KafkaOrderPublisher publisher,
                              StateRecovery recovery) {
        this.engine = engine;
        this.ingest = ingest;
        this.publisher = publisher;
        this.recovery = recovery;
    }

    // ---- records ---------------------------------------------------------------------------------------------

    /**
     * Applies a batch of both topics: per partition, the signals and market events merged by record timestamp
     * (market first on a tie), then flushes, so the batch's output is on the broker before its offsets can be
     * committed. Returns the number of records applied.
     */
    public int process(ConsumerRecords<String, byte[]> records) {
        lock.lock();
        try {
            int applied = 0;
            Set<Integer> done = new TreeSet<>();
            for (TopicPartition tp : records.partitions()) {
                if (!done.add(tp.partition())) {
                    continue;
                }
                List<ConsumerRecord<String, byte[]>> market =
                        records.records(new TopicPartition(Topics.MARKET_EVENTS, tp.partition()));
                List<ConsumerRecord<String, byte[]>> signals =
                        records.records(new TopicPartition(Topics.SIGNALS, tp.partition()));
                int i = 0;
                int j = 0;
                while (i < market.size() || j < signals.size()) {
                    boolean takeMarket = j >= signals.size()
                            || i < market.size() && market.get(i).timestamp() <= signals.get(j).timestamp();
                    ConsumerRecord<String, byte[]> r = takeMarket ? market.get(i++) : signals.get(j++);
                    if (apply(r)) {
                        applied++;
                    }
                }
            }
            publisher.flush();
            return applied;
        } finally {
            lock.unlock();
        }
    }

    private boolean apply(ConsumerRecord<String, byte[]> r) {
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        Long next = nextOffset.get(tp);
        if (next == null || r.offset() < next) {
            return false; // not ours (any more), or already applied in this ownership
        }
        if (Topics.MARKET_EVENTS.equals(r.topic())) {
            ingest.marketEvent(r);
        } else {
            ingest.signal(r);
        }
        nextOffset.put(tp, r.offset() + 1);
        return true;
    }

    // ---- rebalance -------------------------------------------------------------------------------------------

    public void onAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> assigned) {
        lock.lock();
        try {
            int n = partitionCount(consumer);
            Set<Integer> gained = new TreeSet<>(numbers(assigned));
            gained.removeAll(owned);
            engine.beginRebuild();
            try {
                rebuild(gained, n);
            } finally {
                engine.endRebuild();
            }
            for (TopicPartition tp : assigned) {
                long position;
                try {
                    position = consumer.position(tp);
                } catch (RuntimeException e) {
                    position = -1; // unknown: accept whatever comes first
                }
                nextOffset.put(tp, position);
            }
            Set<Integer> now = new TreeSet<>(owned);
            now.addAll(numbers(assigned));
            owned = Collections.unmodifiableSet(now);
            LOG.infof("assigned %s: owns input partitions %s of %d, rebuilt %s", assigned, owned, n, gained);
        } finally {
            lock.unlock();
        }
    }

    public void onRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> revoked) {
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        lock.lock();
        try {
            publisher.flush(); // what was applied is on the broker before the next owner reads the compacted topics
            for (TopicPartition tp : revoked) {
                Long next = nextOffset.get(tp);
                if (next != null && next >= 0) {
                    commit.put(tp, new OffsetAndMetadata(next));
                }
            }
            drop(revoked, "revoked");
        } finally {
            lock.unlock();
        }
        if (!commit.isEmpty()) {
            try {
                consumer.commitSync(commit);
            } catch (RuntimeException e) {
                LOG.warnf("committing the processed offsets of revoked partitions failed (they will be redelivered "
                        + "to the next owner and applied idempotently): %s", e.toString());
            }
        }
    }

    public void onLost(Collection<TopicPartition> lost) {
        lock.lock();
        try {
            drop(lost, "lost");
        } finally {
            lock.unlock();
        }
    }

    /** Stops rebuild retries (shutdown). */
    public void stop() {
        stopping = true;
    }

    /** Input partition numbers owned now. */
    public Set<Integer> ownedPartitions() {
        return owned;
    }

    private void drop(Collection<TopicPartition> leaving, String how) {
        for (TopicPartition tp : leaving) {
            nextOffset.remove(tp);
        }
        Set<Integer> still = numbers(nextOffset.keySet());
        Set<Integer> lost = new TreeSet<>(owned);
        lost.removeAll(still);
        owned = Collections.unmodifiableSet(new TreeSet<>(still));
        int n = inputPartitions;
        if (lost.isEmpty() || n == 0) {
            return;
        }
        int dropped = engine.revokeSymbols(symbol -> lost.contains(Partitioning.partitionOf(symbol, n)));
        LOG.infof("%s %s: dropped %d symbols of input partitions %s, still owns %s", how, leaving, dropped, lost, owned);
    }

    private void rebuild(Set<Integer> gained, int n) {
        for (int attempt = 1; !gained.isEmpty(); attempt++) {
            try {
                recovery.rebuildInto(engine, gained, n);
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    throw e;
                }
                if (attempt == 1 || attempt % 10 == 0) {
                    LOG.warnf("rebuilding partitions %s failed (attempt %d), retrying: %s", gained, attempt, e.toString());
                }
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private int partitionCount(Consumer<?, ?> consumer) {
        int market = consumer.partitionsFor(Topics.MARKET_EVENTS).size();
        int signals = consumer.partitionsFor(Topics.SIGNALS).size();
        if (market != signals) {
            LOG.errorf("%s has %d partitions but %s has %d: they are not co-partitioned, a symbol's signals and "
                    + "market events may be owned by different instances", Topics.MARKET_EVENTS, market,
                    Topics.SIGNALS, signals);
        }
        inputPartitions = market;
        return market;
    }

    private static Set<Integer> numbers(Collection<TopicPartition> tps) {
        Set<Integer> numbers = new TreeSet<>();
        for (TopicPartition tp : tps) {
            numbers.add(tp.partition());
        }
        return numbers;
    }
}
