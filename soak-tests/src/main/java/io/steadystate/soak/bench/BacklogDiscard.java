package io.steadystate.soak.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;

/**
 * Ends a backlog the bench itself made: an unthrottled step publishes several times faster than the consumers
 * process, and draining that would take minutes per repetition. {@code Admin.deleteRecords} up to the end
 * offsets of a pipeline's topics moves their log start past the backlog; the consumers get "offset out of range"
 * and reset (auto.offset.reset=earliest) to the new start, i.e. the end. How many ticks that dropped is not read
 * from the offsets (they also count records already consumed, and broadcast copies): {@link DrainLedger} takes it
 * from the stage counters once the consumers have settled. Only for the bench: the soak's event accounting would
 * of course not hold afterwards.
 */
final class BacklogDiscard implements AutoCloseable {

    private final Admin admin;
    private final List<String> topics;

    BacklogDiscard(String bootstrap, List<String> topics) {
        this.topics = List.copyOf(topics);
        admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                15_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                15_000));
    }

    /** Deletes every record currently in the topics. */
    void discard() throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (String topic : topics) {
            int partitions = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(15, TimeUnit.SECONDS)
                    .get(topic)
                    .partitions()
                    .size();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
        }
        var ends = admin.listOffsets(latest).all().get(15, TimeUnit.SECONDS);
        Map<TopicPartition, RecordsToDelete> delete = new HashMap<>();
        ends.forEach((tp, end) -> delete.put(tp, RecordsToDelete.beforeOffset(end.offset())));
        admin.deleteRecords(delete).all().get(15, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        admin.close(java.time.Duration.ofSeconds(2));
    }
}
