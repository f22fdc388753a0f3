package io.steadystate.order.ingest;

import io.steadystate.core.kafka.Partitioning;
import io.steadystate.core.kafka.Topics;
import io.steadystate.core.state.Bounded;
import io.steadystate.kit.delivery.DeliveryHandler;
import io.steadystate.kit.delivery.Outbox;
import io.steadystate.order.engine.OrderEngine;
import io.steadystate.order.events.KafkaOrderPublisher;
import io.steadystate.order.recovery.StateRecovery;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * The order-service's {@link DeliveryHandler}: ownership follows partitions (ARCHITECTURE.md, bounded state
 * rule 5). One loop reads {@code strategy.signals} and {@code market.events} together; with the range assignor
 * an instance owns partition p of both, i.e. every symbol s with {@code Partitioning.partitionOf(s, n) == p}.
 * <ul>
 *   <li>{@link #handle}: per partition, the signals and market events merged by record timestamp (market first
 *       on a tie); everything they produce joins the loop's transaction with their offsets.</li>
 *   <li>{@link #revoked}: drops every symbol of the partitions no longer owned ({@code ExitCause.REVOKED}),
 *       without cancels or tombstones — the loop commits nothing outside a transaction, so the next owner
 *       rebuilds exactly the committed state. Also after an aborted transaction (then followed by assigned).</li>
 *   <li>{@link #assigned}: rebuilds the gained partitions from order.open-orders and order.positions, read
 *       committed (readiness DOWN, mutating REST 503 meanwhile), before any record of them is returned by poll.</li>
 * </ul>
 * All calls come from the loop thread; {@link #ownedPartitions()} is read by others.
 */
public final class PartitionOwnership implements DeliveryHandler {

    private static final Logger LOG = Logger.getLogger(PartitionOwnership.class);

    private final OrderEngine engine;
    private final RecordIngest ingest;
    private final KafkaOrderPublisher publisher;
    private final StateRecovery recovery;
    /** Input partition numbers owned now (immutable snapshot). */
    @Bounded("partition numbers of the input topics: at most the partition count")
    private volatile Set<Integer> owned = Set.of();

    private volatile int inputPartitions;

    public PartitionOwnership(
            OrderEngine engine, RecordIngest ingest, KafkaOrderPublisher publisher, StateRecovery recovery) {
        this.engine = engine;
        this.ingest = ingest;
        this.publisher = publisher;
        this.recovery = recovery;
    }

    @Override
    public void handle(ConsumerRecords<String, byte[]> records, Outbox out) {
        publisher.bind(out);
        Set<Integer> done = new TreeSet<>();
        for (TopicPartition tp : records.partitions()) {
            if (!done.add(tp.partition()) || !owned.contains(tp.partition())) {
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
                        || i < market.size()
                                && market.get(i).timestamp() <= signals.get(j).timestamp();
                if (takeMarket) {
                    ingest.marketEvent(market.get(i++), out);
                } else {
                    ingest.signal(signals.get(j++), out);
                }
            }
        }
    }

    @Override
    public void assigned(Collection<TopicPartition> assigned, Consumer<?, ?> consumer) {
        int n = partitionCount(consumer);
        Set<Integer> gained = numbers(assigned);
        gained.removeAll(owned);
        engine.beginRebuild();
        try {
            if (!gained.isEmpty()) {
                recovery.rebuildInto(engine, gained, n);
            }
        } finally {
            engine.endRebuild();
        }
        Set<Integer> now = new TreeSet<>(owned);
        now.addAll(numbers(assigned));
        owned = Collections.unmodifiableSet(now);
        LOG.infof("assigned %s: owns input partitions %s of %d, rebuilt %s", assigned, owned, n, gained);
    }

    @Override
    public void revoked(Collection<TopicPartition> leaving) {
        Set<Integer> lost = numbers(leaving);
        lost.retainAll(owned);
        int n = inputPartitions;
        if (lost.isEmpty() || n == 0) {
            return;
        }
        Set<Integer> still = new TreeSet<>(owned);
        still.removeAll(lost);
        owned = Collections.unmodifiableSet(still);
        int dropped = engine.revokeSymbols(symbol -> lost.contains(Partitioning.partitionOf(symbol, n)));
        LOG.infof(
                "revoked %s: dropped %d symbols of input partitions %s, still owns %s", leaving, dropped, lost, owned);
    }

    @Override
    public void committed() {
        engine.metrics().committed();
    }

    @Override
    public void aborted() {
        engine.metrics().aborted();
    }

    @Override
    public boolean ready() {
        return engine.isRecovered();
    }

    /** Input partition numbers owned now. */
    public Set<Integer> ownedPartitions() {
        return owned;
    }

    private int partitionCount(Consumer<?, ?> consumer) {
        int market = consumer.partitionsFor(Topics.MARKET_EVENTS).size();
        int signals = consumer.partitionsFor(Topics.SIGNALS).size();
        if (market != signals) {
            LOG.errorf(
                    "%s has %d partitions but %s has %d: they are not co-partitioned, a symbol's signals and "
                            + "market events may be owned by different instances",
                    Topics.MARKET_EVENTS, market, Topics.SIGNALS, signals);
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
