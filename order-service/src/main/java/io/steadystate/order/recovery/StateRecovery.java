package io.steadystate.order.recovery;

import io.steadystate.core.event.OrderEvent;
import io.steadystate.core.event.Position;
import io.steadystate.core.kafka.Topics;
import io.steadystate.core.serde.OrderEventSerde;
import io.steadystate.core.serde.PositionSerde;
import io.steadystate.core.serde.UndecodableRecordException;
import io.steadystate.order.orders.OrderEngine;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Rebuilds the engine after a crash, before any new input is processed:
 * <ol>
 *   <li>{@code order.open-orders} (compacted, tombstoned on terminal) read from the beginning → every live order;
 *       cost proportional to what is open, not to history.</li>
 *   <li>{@code order.positions} (compacted) → every position.</li>
 *   <li>The tail of {@code order.events} (the last {@code lookback} of wall time) → order ids that reached a
 *       terminal state recently, so a signal redelivered because its offset was not yet committed is
 *       recognised as a duplicate rather than traded twice.</li>
 * </ol>
 * Uses a throwaway consumer with manual assignment (no group, nothing committed).
 */
public final class StateRecovery {

    private static final Logger LOG = Logger.getLogger(StateRecovery.class);

    private final String bootstrapServers;
    private final Duration lookback;

    public StateRecovery(String bootstrapServers, Duration lookback) {
        this.bootstrapServers = bootstrapServers;
        this.lookback = lookback;
    }

    public void recoverInto(OrderEngine engine) {
        long started = System.nanoTime();
        OrderEventSerde orderSerde = new OrderEventSerde();
        PositionSerde positionSerde = new PositionSerde();
        long[] latest = {Long.MIN_VALUE};
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            Map<String, OrderEvent> open = new LinkedHashMap<>();
            readCompacted(consumer, Topics.OPEN_ORDERS, r -> {
                if (r.value() == null) {
                    open.remove(r.key());
                } else {
                    decode(() -> {
                        OrderEvent e = orderSerde.decode(r.value());
                        open.put(r.key(), e);
                        latest[0] = Math.max(latest[0], e.eventTime());
                    });
                }
            });
            Map<String, Position> positions = new HashMap<>();
            readCompacted(consumer, Topics.POSITIONS, r -> {
                if (r.value() == null) {
                    positions.remove(r.key());
                } else {
                    decode(() -> {
                        Position p = positionSerde.decode(r.value());
                        positions.put(r.key(), p);
                        latest[0] = Math.max(latest[0], p.eventTime());
                    });
                }
            });
            Set<String> finished = new HashSet<>();
            readTail(consumer, Topics.ORDER_EVENTS, System.currentTimeMillis() - lookback.toMillis(), r -> decode(() -> {
                OrderEvent e = orderSerde.decode(r.value());
                // only terminal evidence counts: an id whose ACCEPTED reached the broker but whose open-order
                // record was lost in the crash window stays unseen, so its redelivered signal re-creates it
                if (e.status().isTerminal()) {
                    finished.add(e.entryId());
                }
                latest[0] = Math.max(latest[0], e.eventTime());
            }));
            engine.recover(open.values(), positions.values(), finished, latest[0]);
            LOG.infof("recovery read %d open orders, %d positions, %d finished ids in %d ms", open.size(),
                    positions.size(), finished.size(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static void decode(Runnable r) {
        try {
            r.run();
        } catch (UndecodableRecordException e) {
            LOG.warnf("recovery skips an undecodable record: %s", e.getMessage());
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        List<TopicPartition> tps = new ArrayList<>();
        for (PartitionInfo p : consumer.partitionsFor(topic)) {
            tps.add(new TopicPartition(topic, p.partition()));
        }
        return tps;
    }

    private static void readCompacted(KafkaConsumer<String, byte[]> consumer, String topic,
                                      Consumer<ConsumerRecord<String, byte[]>> each) {
        List<TopicPartition> tps = partitions(consumer, topic);
        consumer.assign(tps);
        consumer.seekToBeginning(tps);
        drain(consumer, tps, each);
    }

    private static void readTail(KafkaConsumer<String, byte[]> consumer, String topic, long sinceMillis,
                                 Consumer<ConsumerRecord<String, byte[]>> each) {
        List<TopicPartition> tps = partitions(consumer, topic);
        consumer.assign(tps);
        Map<TopicPartition, Long> query = new HashMap<>();
        tps.forEach(tp -> query.put(tp, sinceMillis));
        Map<TopicPartition, OffsetAndTimestamp> from = consumer.offsetsForTimes(query);
        Map<TopicPartition, Long> ends = consumer.endOffsets(tps);
        for (TopicPartition tp : tps) {
            OffsetAndTimestamp o = from.get(tp);
            consumer.seek(tp, o == null ? ends.get(tp) : o.offset());
        }
        drain(consumer, tps, each);
    }

    /** Reads until every partition reaches the end offset it had when we started. */
    private static void drain(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> tps,
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
