package io.steadystate.order.ingest;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;

/**
 * The rebalance listener of channel {@code orders-in}
 * ({@code mp.messaging.incoming.orders-in.consumer-rebalance-listener.name=order-service-rebalance}). SmallRye
 * calls it on the polling thread, inside poll: after it has removed the revoked partitions' queued records and
 * committed their acknowledged offsets, and before any record of an assigned partition is fetched.
 */
@ApplicationScoped
@Identifier(OrderRebalanceListener.NAME)
public class OrderRebalanceListener implements KafkaConsumerRebalanceListener {

    public static final String NAME = "order-service-rebalance";

    private final PartitionOwnership ownership;

    public OrderRebalanceListener(PartitionOwnership ownership) {
        this.ownership = ownership;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        ownership.onAssigned(consumer, partitions);
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        ownership.onRevoked(consumer, partitions);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        ownership.onLost(partitions);
    }

    void onStop(@Observes ShutdownEvent event) {
        ownership.stop();
    }
}
