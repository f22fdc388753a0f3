package io.steadystate.kit.delivery;

import io.steadystate.core.kafka.OpenPartitionTransaction;
import io.steadystate.core.kafka.OpenTransactions;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TransactionalIdNotFoundException;

/**
 * {@link TransactionLookup} through the Admin API: DescribeTransactions, DescribeFeatures, DescribeTopics,
 * DescribeProducers.
 */
final class AdminTransactionLookup implements TransactionLookup {

    private static final long TIMEOUT_MS = 10_000;
    private final Admin admin;

    AdminTransactionLookup(Admin admin) {
        this.admin = admin;
    }

    @Override
    public OptionalLong producerId(String transactionalId) {
        return describe(transactionalId)
                .map(d -> OptionalLong.of(d.producerId()))
                .orElse(OptionalLong.empty());
    }

    @Override
    public Optional<EndedTransaction> ended(String transactionalId) {
        try {
            if (!epochPerTransaction()) {
                return Optional.empty();
            }
        } catch (ExecutionException | InterruptedException | TimeoutException e) {
            throw failed("describing the cluster's features", e);
        }
        return describe(transactionalId).flatMap(d -> switch (d.state()) {
            case PREPARE_COMMIT, COMPLETE_COMMIT ->
                Optional.of(new EndedTransaction(d.producerId(), d.producerEpoch(), true));
            case PREPARE_ABORT, COMPLETE_ABORT ->
                Optional.of(new EndedTransaction(d.producerId(), d.producerEpoch(), false));
            default -> Optional.empty(); // none ended yet, or one running: nothing decided to go by
        });
    }

    /** What the coordinator holds for {@code transactionalId}; empty when it knows none. */
    private Optional<TransactionDescription> describe(String transactionalId) {
        try {
            return Optional.of(admin.describeTransactions(List.of(transactionalId))
                    .description(transactionalId)
                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TransactionalIdNotFoundException) {
                return Optional.empty();
            }
            throw failed("describing transaction " + transactionalId, e);
        } catch (InterruptedException | TimeoutException e) {
            throw failed("describing transaction " + transactionalId, e);
        }
    }

    /** Transactions v2 finalised on the cluster: Kafka 4 clients then bump the epoch per transaction. */
    private boolean epochPerTransaction() throws ExecutionException, InterruptedException, TimeoutException {
        FinalizedVersionRange v = admin.describeFeatures()
                .featureMetadata()
                .get(TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .finalizedFeatures()
                .get("transaction.version");
        return v != null && v.maxVersionLevel() >= 2;
    }

    @Override
    public List<OpenPartitionTransaction> openOn(Collection<String> topics) {
        try {
            return OpenTransactions.on(admin, topics, TIMEOUT_MS);
        } catch (ExecutionException | InterruptedException | TimeoutException e) {
            throw failed("describing the producers of " + topics, e);
        }
    }

    private static KafkaException failed(String what, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return new KafkaException(what + " failed: " + cause, cause);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(1));
    }
}
