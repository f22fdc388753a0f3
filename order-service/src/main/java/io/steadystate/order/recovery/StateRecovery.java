package io.steadystate.order.recovery;

import io.steadystate.core.event.OrderEvent;
import io.steadystate.core.event.Position;
import io.steadystate.core.kafka.KafkaConnection;
import io.steadystate.core.kafka.Partitioning;
import io.steadystate.core.kafka.Topics;
import io.steadystate.core.serde.OrderEventSerde;
import io.steadystate.core.serde.PositionSerde;
import io.steadystate.core.serde.UndecodableRecordException;
import io.steadystate.core.state.Bounded;
import io.steadystate.order.engine.OrderEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Rebuilds the engine's state from Kafka, for all partitions (after a crash, one replica) or for the partitions
 * an instance has just gained in a rebalance — before any input of those partitions is processed:
 * <ol>
 *   <li>{@code order.open-orders} (compacted, tombstoned on terminal) read from the beginning → every live order;
 *       cost proportional to what is open, not to history.</li>
 *   <li>{@code order.positions} (compacted) → every position.</li>
 *   <li>The tail of {@code order.events} (the last {@code tailRecords} records of each partition — a count, not
 *       a wall-clock window, so a long outage does not shrink it to nothing) → order ids that reached a terminal
 *       state recently, so a client retrying a REST order (same clientOrderId) gets the existing order back.</li>
 * </ol>
 * Everything is read {@code read_committed}: the engine's steps are Kafka transactions, so recovery sees a
 * step whole or not at all. A signal is never redelivered after its step committed (its offset commits in the
 * same transaction), so no dedup of signals across a restart is needed; an aborted step left nothing visible.
 * All three topics are partitioned by symbol (open orders and positions by an explicit partition from
 * {@link Partitioning}, order events by the default partitioner on the symbol key), so the state of input
 * partition p lives in partition p of each: only those partitions are read. Every record is also filtered by
 * its symbol's partition, which keeps the result right if a topic ever had a different partition count (then
 * every partition is read). Uses a throwaway consumer with manual assignment (no group, nothing committed).
 */
public final class StateRecovery {

    private static final Logger LOG = Logger.getLogger(StateRecovery.class);

    private final KafkaConnection kafka;
    private final int tailRecords;

    public StateRecovery(KafkaConnection kafka, int tailRecords) {
        this.kafka = kafka;
        this.tailRecords = tailRecords;
    }

    /** Everything, for a single instance (crash test, tools): every partition, then marks the engine recovered. */
    public void recoverInto(OrderEngine engine) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            int n = consumer.partitionsFor(Topics.MARKET_EVENTS).size();
            Set<Integer> all = new HashSet<>();
            for (int p = 0; p < n; p++) {
                all.add(p);
            }
            Read read = read(consumer, all, n);
            engine.recover(read.open.values(), read.positions.values(), read.finished, read.latest);
        }
    }

    /**
     * The state of the symbols of input partitions {@code partitions} (of {@code inputPartitions}) into the
     * engine, which must not hold them yet. Returns the number of open orders read.
     */
    public int rebuildInto(OrderEngine engine, Set<Integer> partitions, int inputPartitions) {
        if (partitions.isEmpty()) {
            return 0;
        }
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            Read read = read(consumer, partitions, inputPartitions);
            engine.restore(read.open.values(), read.positions.values(), read.finished, read.latest);
            return read.open.size();
        }
    }

    /** What one rebuild read: local to one call, handed to the engine (whose stores bound it), then garbage. */
    private static final class Read {
        @Bounded("local to one rebuild call; live orders of the partitions read, bounded by max-open-orders upstream")
        final Map<String, OrderEvent> open = new LinkedHashMap<>();

        @Bounded("local to one rebuild call; the compacted positions of the partitions read")
        final Map<String, Position> positions = new HashMap<>();

        @Bounded("local to one rebuild call; terminal ids of the order.events tail of the partitions read")
        final Map<String, String> finished = new HashMap<>();

        long latest = Long.MIN_VALUE;
    }

    private Read read(KafkaConsumer<String, byte[]> consumer, Set<Integer> partitions, int inputPartitions) {
        long started = System.nanoTime();
        OrderEventSerde orderSerde = new OrderEventSerde();
        PositionSerde positionSerde = new PositionSerde();
        Predicate<String> mine = symbol -> partitions.contains(Partitioning.partitionOf(symbol, inputPartitions));
        Read read = new Read();
        readCompacted(consumer, partitions(consumer, Topics.OPEN_ORDERS, partitions, inputPartitions), r -> {
            if (r.value() == null) {
                read.open.remove(r.key());
            } else {
                decode(() -> {
                    OrderEvent e = orderSerde.decode(r.value());
                    if (mine.test(e.symbol())) {
                        read.open.put(r.key(), e);
                        read.latest = Math.max(read.latest, e.eventTime());
                    }
                });
            }
        });
        readCompacted(consumer, partitions(consumer, Topics.POSITIONS, partitions, inputPartitions), r -> {
            if (r.value() == null) {
                read.positions.remove(r.key());
            } else {
                decode(() -> {
                    Position p = positionSerde.decode(r.value());
                    if (mine.test(p.symbol())) {
                        read.positions.put(r.key(), p);
                        read.latest = Math.max(read.latest, p.eventTime());
                    }
                });
            }
        });
        readTail(
                consumer,
                partitions(consumer, Topics.ORDER_EVENTS, partitions, inputPartitions),
                tailRecords,
                r -> decode(() -> {
                    OrderEvent e = orderSerde.decode(r.value());
                    if (!mine.test(e.symbol())) {
                        return;
                    }
                    // only terminal evidence counts: a live order is known from order.open-orders
                    if (e.status().isTerminal()) {
                        read.finished.put(e.entryId(), e.symbol());
                    }
                    read.latest = Math.max(read.latest, e.eventTime());
                }));
        LOG.infof(
                "recovery of partitions %s read %d open orders, %d positions, %d finished ids in %d ms",
                new TreeSet<>(partitions),
                read.open.size(),
                read.positions.size(),
                read.finished.size(),
                (System.nanoTime() - started) / 1_000_000);
        return read;
    }

    private static void decode(Runnable r) {
        try {
            r.run();
        } catch (UndecodableRecordException e) {
            LOG.warnf("recovery skips an undecodable record: %s", e.getMessage());
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(
                kafka.clientConfig(Map.of(
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        5000,
                        ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                        15_000,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed")),
                new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    /** Partitions {@code wanted} of {@code topic} when it is co-partitioned with the input, else all of them. */
    private static List<TopicPartition> partitions(
            KafkaConsumer<?, ?> consumer, String topic, Set<Integer> wanted, int inputPartitions) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        boolean coPartitioned = infos.size() == inputPartitions;
        if (!coPartitioned) {
            LOG.warnf("%s has %d partitions, the input %d: reading all of it", topic, infos.size(), inputPartitions);
        }
        List<TopicPartition> tps = new ArrayList<>();
        for (PartitionInfo p : infos) {
            if (!coPartitioned || wanted.contains(p.partition())) {
                tps.add(new TopicPartition(topic, p.partition()));
            }
        }
        return tps;
    }

    private static void readCompacted(
            KafkaConsumer<String, byte[]> consumer,
            List<TopicPartition> tps,
            Consumer<ConsumerRecord<String, byte[]>> each) {
        consumer.assign(tps);
        consumer.seekToBeginning(tps);
        drain(consumer, tps, each);
    }

    private static void readTail(
            KafkaConsumer<String, byte[]> consumer,
            List<TopicPartition> tps,
            int records,
            Consumer<ConsumerRecord<String, byte[]>> each) {
        consumer.assign(tps);
        Map<TopicPartition, Long> begins = consumer.beginningOffsets(tps);
        Map<TopicPartition, Long> ends = consumer.endOffsets(tps);
        for (TopicPartition tp : tps) {
            consumer.seek(tp, Math.max(begins.get(tp), ends.get(tp) - records));
        }
        drain(consumer, tps, each);
    }

    /** Reads until every partition reaches the end offset it had when we started. */
    private static void drain(
            KafkaConsumer<String, byte[]> consumer,
            List<TopicPartition> tps,
            Consumer<ConsumerRecord<String, byte[]>> each) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(tps);
        while (true) {
            boolean done = true;
            for (TopicPartition tp : tps) {
                if (consumer.position(tp) < ends.get(tp)) {
                    done = false;
                    break;
                }
            }
            if (done) {
                return;
            }
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                if (r.offset() < ends.get(new TopicPartition(r.topic(), r.partition()))) {
                    each.accept(r);
                }
            }
        }
    }
}
