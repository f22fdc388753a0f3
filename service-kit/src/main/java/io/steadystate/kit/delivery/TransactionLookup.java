package io.steadystate.kit.delivery;

import io.steadystate.core.kafka.OpenPartitionTransaction;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** What the brokers say of transactions, for the loop's check before it writes again ({@link OpenPartitionTransaction}). */
public interface TransactionLookup extends AutoCloseable {

    /** The producer id the coordinator holds for {@code transactionalId}; empty when it knows none. */
    OptionalLong producerId(String transactionalId);

    /**
     * The last transaction the coordinator of {@code transactionalId} ended, when it has ended one and the cluster
     * runs transactions v2 (an epoch per transaction, so the decision names its records); else empty.
     */
    Optional<EndedTransaction> ended(String transactionalId);

    /** Every transaction open on a partition of {@code topics}, whoever's (DescribeProducers: Read on the topic). */
    List<OpenPartitionTransaction> openOn(Collection<String> topics);

    @Override
    void close();
}
