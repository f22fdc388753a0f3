package io.steadystate.strategy.ingest;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import io.steadystate.core.kafka.Topics;
import io.steadystate.strategy.symbol.SymbolBook;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.util.Collection;

/**
 * Ownership follows partitions: when the {@code market-events} consumer loses partitions (revoked or lost), the
 * state of every symbol hashing to them leaves the store (cause=revoked); gained partitions warm up from new
 * ticks. Runs on the Kafka polling thread; the store is thread-safe.
 */
@ApplicationScoped
@Identifier(PartitionOwnership.NAME)
public class PartitionOwnership implements KafkaConsumerRebalanceListener {

    public static final String NAME = "strategy-partition-ownership";
    private static final Logger LOG = Logger.getLogger(PartitionOwnership.class);

    private final SymbolBook book;

    public PartitionOwnership(SymbolBook book) {
        this.book = book;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        LOG.infof("market.events partitions assigned: %s (symbols warm up from new ticks)", partitions);
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        drop(consumer, partitions, "revoked");
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        drop(consumer, partitions, "lost");
    }

    private void drop(Consumer<?, ?> consumer, Collection<TopicPartition> partitions, String how) {
        if (partitions.isEmpty()) {
            return;
        }
        int count = consumer.partitionsFor(Topics.MARKET_EVENTS).size();
        boolean[] gone = new boolean[count];
        for (TopicPartition tp : partitions) {
            if (Topics.MARKET_EVENTS.equals(tp.topic()) && tp.partition() < count) {
                gone[tp.partition()] = true;
            }
        }
        int removed = book.revoke(gone, count);
        LOG.infof("market.events partitions %s: %s — %d symbols dropped", how, partitions, removed);
    }
}
