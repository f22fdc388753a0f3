package io.steadystate.core.kafka;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.common.TopicPartition;

/** Every transaction open on the partitions of some topics, as their leaders say (DescribeProducers: Read). */
public final class OpenTransactions {

    private OpenTransactions() {}

    /** Describes {@code topics}, then the producers of each of their partitions; each call waits at most {@code timeoutMs}. */
    public static List<OpenPartitionTransaction> on(Admin admin, Collection<String> topics, long timeoutMs)
            throws ExecutionException, InterruptedException, TimeoutException {
        List<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(topics)
                .allTopicNames()
                .get(timeoutMs, TimeUnit.MILLISECONDS)
                .forEach((name, d) ->
                        d.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
        List<OpenPartitionTransaction> open = new ArrayList<>();
        admin.describeProducers(partitions)
                .all()
                .get(timeoutMs, TimeUnit.MILLISECONDS)
                .forEach((tp, state) -> {
                    for (ProducerState p : state.activeProducers()) {
                        if (p.currentTransactionStartOffset().isPresent()) {
                            open.add(new OpenPartitionTransaction(
                                    tp,
                                    p.producerId(),
                                    p.producerEpoch(),
                                    p.currentTransactionStartOffset().getAsLong(),
                                    Instant.ofEpochMilli(p.lastTimestamp()),
                                    p.coordinatorEpoch().orElse(0)));
                        }
                    }
                });
        return open;
    }
}
