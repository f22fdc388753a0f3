package io.steadystate.soak.chaos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The consumer groups' side of {@link TopicAudit}: the audit's cut (the inputs' log end, read <em>before</em> the
 * groups' committed offsets), the records each group had not consumed by then ({@link TopicAudit#unconsumed} is
 * the rule), and the re-check of those records for a late commit. Counted in records, not offsets: a
 * transaction's commit marker takes an offset and is no record.
 */
final class GroupCommits {

    private final String bootstrap;
    /** Records found after a group's committed offset: group → their coordinates (a handful at most, normally none). */
    private final Map<String, List<TopicPartition>> pendingPartitions = new LinkedHashMap<>();

    private final Map<String, List<Long>> pendingOffsets = new LinkedHashMap<>();

    /** The inputs' log end (read_committed: the LSO) when the audit began, read before the committed offsets. */
    private final Map<TopicPartition, Long> cut;

    /** group → its committed offset per input partition, read just after the cut (empty: Kafka did not answer). */
    private final Map<String, Map<TopicPartition, Long>> committed;
    /** {@code group/topic} → records before the cut that the group had not consumed (only where it committed). */
    private final Map<String, Long> unconsumed = new LinkedHashMap<>();

    private GroupCommits(
            String bootstrap, Map<TopicPartition, Long> cut, Map<String, Map<TopicPartition, Long>> committed) {
        this.bootstrap = bootstrap;
        this.cut = cut;
        this.committed = committed;
        committed.forEach((group, offsets) ->
                offsets.keySet().forEach(tp -> unconsumed.put(group + "/" + tp.topic(), 0L)));
    }

    /**
     * One cut, in this order: the inputs' log end first, then the committed offsets. Judged are only the records
     * before that end — they all existed before the groups' offsets were read (see {@link TopicAudit#unconsumed}).
     */
    static GroupCommits atCut(String bootstrap, List<String> inputs) {
        Map<TopicPartition, Long> cut = TopicReader.endOffsets(bootstrap, inputs);
        return new GroupCommits(bootstrap, cut, cut.isEmpty() ? Map.of() : committedOffsets(bootstrap));
    }

    /**
     * {@code group/topic} → records still unconsumed after the re-check (empty when Kafka did not answer);
     * each one left is named through {@code example}.
     */
    Map<String, Long> lagAfterRecheck(Consumer<String> example) {
        return committed.isEmpty() ? Map.of() : recheck(example);
    }

    /** One record of an input topic, as the audit reads it: counted for every group that has not consumed it. */
    void count(ConsumerRecord<String, byte[]> r) {
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        committed.forEach((group, offsets) -> {
            String key = group + "/" + r.topic();
            if (unconsumed.containsKey(key) && TopicAudit.unconsumed(r.offset(), cut.get(tp), offsets.get(tp))) {
                unconsumed.merge(key, 1L, Long::sum);
                if (pendingOffsets.computeIfAbsent(key, k -> new ArrayList<>()).size() < 1000) {
                    pendingOffsets.get(key).add(r.offset());
                    pendingPartitions
                            .computeIfAbsent(key, k -> new ArrayList<>())
                            .add(tp);
                }
            }
        });
    }

    /**
     * A record found after its group's committed offset may only be late (its transaction window commits on the
     * next poll): the committed offsets are read again for up to 30 s, and only what stays uncommitted counts.
     */
    private Map<String, Long> recheck(Consumer<String> example) {
        Map<String, Long> out = new LinkedHashMap<>(unconsumed);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (out.values().stream().anyMatch(n -> n > 0) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            Map<String, Map<TopicPartition, Long>> now = committedOffsets(bootstrap);
            for (String key : out.keySet()) {
                List<Long> offsets = pendingOffsets.getOrDefault(key, List.of());
                List<TopicPartition> partitions = pendingPartitions.getOrDefault(key, List.of());
                Map<TopicPartition, Long> c = now.getOrDefault(key.substring(0, key.indexOf('/')), Map.of());
                long still = 0;
                for (int i = 0; i < offsets.size(); i++) {
                    if (TopicAudit.unconsumed(offsets.get(i), cut.get(partitions.get(i)), c.get(partitions.get(i)))) {
                        still++;
                    }
                }
                out.put(key, still + Math.max(0, unconsumed.get(key) - offsets.size()));
            }
        }
        out.forEach((key, n) -> {
            if (n > 0) {
                List<Long> offsets = pendingOffsets.getOrDefault(key, List.of());
                example.accept("unconsumed by " + key + ": " + n + " records, e.g. "
                        + (offsets.isEmpty() ? "?" : pendingPartitions.get(key).get(0) + "@" + offsets.get(0)));
            }
        });
        return out;
    }

    /** Committed offsets of the services' consumer groups per input partition (empty when Kafka did not answer). */
    private static Map<String, Map<TopicPartition, Long>> committedOffsets(String bootstrap) {
        Map<String, Map<TopicPartition, Long>> out = new LinkedHashMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (String group : List.of("strategy-service", "order-service")) {
                Map<TopicPartition, OffsetAndMetadata> c = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS);
                Map<TopicPartition, Long> offsets = new HashMap<>();
                c.forEach((tp, o) -> offsets.put(tp, o == null ? 0 : o.offset()));
                out.put(group, offsets);
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            out.clear();
        }
        return out;
    }
}
