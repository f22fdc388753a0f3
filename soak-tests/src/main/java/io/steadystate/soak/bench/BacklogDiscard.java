package io.steadystate.soak.bench;

import io.steadystate.core.kafka.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Ends a backlog the bench itself made: an unthrottled step publishes several times faster than the consumers
 * process, and draining that would take minutes per repetition. {@code Admin.deleteRecords} up to the end
 * offsets of the pipeline topics moves their log start past the backlog; the services' consumers get "offset out
 * of range" and reset (auto.offset.reset=earliest) to the new start, i.e. the end. Only for the bench: the
 * soak's event accounting would of course not hold afterwards.
 */
final class BacklogDiscard implements AutoCloseable {

    private static final List<String> TOPICS = List.of(Topics.MARKET_EVENTS, Topics.SIGNALS);

    private final Admin admin;

    BacklogDiscard(String bootstrap) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000));
    }

    /** Deletes every record currently in the pipeline topics; returns how many market events that dropped. */
    long discard() throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        for (String topic : TOPICS) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(15, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
                earliest.put(new TopicPartition(topic, p), OffsetSpec.earliest());
            }
        }
        var ends = admin.listOffsets(latest).all().get(15, TimeUnit.SECONDS);
        var starts = admin.listOffsets(earliest).all().get(15, TimeUnit.SECONDS);
        Map<TopicPartition, RecordsToDelete> delete = new HashMap<>();
        long dropped = 0;
        for (var e : ends.entrySet()) {
            delete.put(e.getKey(), RecordsToDelete.beforeOffset(e.getValue().offset()));
            if (e.getKey().topic().equals(Topics.MARKET_EVENTS)) {
                dropped += e.getValue().offset() - starts.get(e.getKey()).offset();
            }
        }
        admin.deleteRecords(delete).all().get(15, TimeUnit.SECONDS);
        return dropped;
    }

    @Override
    public void close() {
        admin.close(java.time.Duration.ofSeconds(2));
    }
}
