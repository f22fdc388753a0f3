package io.steadystate.soak.sampling;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer lag measured by the harness itself, so it does not depend on which Kafka client metrics a service exports:
 * per group, the <em>records</em> behind its committed offsets. A partition a group has not committed yet counts
 * whole.
 *
 * <p>Records, not offsets: {@code strategy.signals} is written in transactions, and each commit marker takes an offset
 * but is no record. order-service commits the offset after the last record it read, so once the feed stops the
 * marker behind it stays "behind" for good (end − committed = 1 per partition; the drain used to wait its whole 60 s
 * for an "order-service=3" that was three markers). A short tail (≤ {@value #COUNTED_TAIL} offsets) is therefore read
 * with a read_committed consumer and counted in records; a longer one is real backlog and counts in offsets, which is
 * cheap and within a marker per transaction of the truth.
 */
public final class ConsumerLagProbe implements AutoCloseable {

    /** The consumer groups of CONTRACTS.md. */
    public static final List<String> GROUPS = List.of("strategy-service", "strategy-service-params", "order-service");

    /** The longest tail (in offsets) read record by record; longer tails are backlog counted in offsets. */
    static final int COUNTED_TAIL = 64;

    private final Admin admin;
    private final TailCounter tails;

    public ConsumerLagProbe(String bootstrapServers) {
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                5000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5000));
        this.tails = new TailCounter(bootstrapServers);
    }

    public Map<String, Long> lagByGroup() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String group : GROUPS) {
            try {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get(5, TimeUnit.SECONDS);
                if (committed.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                        admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
                long lag = 0;
                for (var e : committed.entrySet()) {
                    long end = ends.get(e.getKey()).offset();
                    long from = e.getValue() == null ? 0 : e.getValue().offset();
                    long behind = Math.max(0, end - from);
                    lag += behind > 0 && behind <= COUNTED_TAIL ? tails.records(e.getKey(), from, end) : behind;
                }
                out.put(group, lag);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                // group not there yet (service not finished or still joining): no figure rather than a wrong one
            }
        }
        return out;
    }

    @Override
    public void close() {
        tails.close();
        admin.close(java.time.Duration.ofSeconds(2));
    }
}
