package io.steadystate.kit.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.steadystate.core.kafka.OpenPartitionTransaction;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.jboss.logging.Logger;

/**
 * The delivery loop's one transactional producer over its lifetime: the first one, retried until the broker's
 * transaction coordinator answers; a fresh one after every failure ({@code initTransactions} fences and aborts
 * what its predecessor left open); before either writes, a check that no partition of the outputs still holds a
 * transaction of its producer id that the coordinator ended ({@link #prepare}); its client metrics bound and closed with it; and the configuration it was built
 * from, as the client resolved it. Used on the loop thread only, except {@link #effectiveConfig()}.
 */
final class LoopProducer {

    /** Logged under the loop's category, beside its other lines. */
    private static final Logger LOG = Logger.getLogger(DeliveryLoop.class);

    private final DeliverySettings settings;
    private final KafkaClients clients;
    private final MeterRegistry registry;
    private final LoopOutbox outbox;
    private final LoopHealth health;
    private final Duration backoff;
    private volatile Map<String, Object> effectiveConfig = Map.of();
    private Producer<String, byte[]> producer;
    private KafkaClientMetrics metrics;
    private TransactionLookup transactions;
    /** Initialised, but its outputs not yet found free of a transaction it left stranded there. */
    private boolean unchecked;
    /**
     * What the coordinator said of the transactional id's last ended transaction before a producer was initialised
     * (null: nothing known). Kept until a later initialisation learns more: a retry after an initialisation that
     * failed half-way may see only the bumped epoch.
     */
    private EndedTransaction endedBeforeInit;

    LoopProducer(
            DeliverySettings settings,
            KafkaClients clients,
            MeterRegistry registry,
            LoopOutbox outbox,
            LoopHealth health,
            Duration backoff) {
        this.settings = settings;
        this.clients = clients;
        this.registry = registry;
        this.outbox = outbox;
        this.health = health;
        this.backoff = backoff;
    }

    /** The live producer; null before the first one exists and after {@link #close()}. */
    Producer<String, byte[]> current() {
        return producer;
    }

    /**
     * The configuration the live producer was built from, as the client resolves it ({@link ProducerConfig}
     * with its defaults and idempotence rules applied); empty before the producer exists.
     */
    Map<String, Object> effectiveConfig() {
        return effectiveConfig;
    }

    /** The broker may be slow or not up yet (the transaction coordinator is created on first use): retry. */
    void first(BooleanSupplier stopping) {
        for (int attempt = 1; !stopping.getAsBoolean(); attempt++) {
            health.progress();
            try {
                prepare(() -> false); // a new process remembers no commit of its predecessor's
                health.committed(); // the output works: nothing failing any more
                return;
            } catch (RuntimeException e) {
                health.sendFailed(e);
                if (attempt == 1 || attempt % 10 == 0) {
                    LOG.warnf(
                            "delivery loop %s: transactional producer not ready (attempt %d), retrying: %s",
                            settings.groupId(), attempt, e.toString());
                }
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Ready to write: a fresh producer, and none of its producer id's transactions left open on an output partition
     * unless they were committed. Throws while one is (the loop stays not ready and asks again): after a check that
     * failed, the producer made for it is kept, so waiting does not bump its epoch every round.
     *
     * <p>Committed, said either way: by {@code committedAfterAll} — the loop's last commit threw, yet the group's
     * offsets include what it sent — or by the coordinator itself, asked before the producer was initialised
     * ({@link EndedTransaction}: decided commit at the epoch after the stranded records'), which a restarted
     * process can ask too. Either way its coordinator decided commit and only the partitions' markers were lost
     * (measured: a broker kill logged PrepareCommit, then CompleteCommit after the restart, and
     * {@code strategy.signals-0} never got the marker). Those records are meant to be visible: this loop's next
     * commit marker on the partition closes them as committed (measured in Finding 3, where it did so to an aborted
     * one), and nothing is processed again. An abort would lose them. Decided abort, or not known: only an
     * operator's abort makes writing safe.
     */
    void prepare(BooleanSupplier committedAfterAll) {
        if (!unchecked) {
            renew();
        }
        if (!settings.transactional()) {
            unchecked = false; // no transactions, none stranded: a fresh idempotent producer is all it takes
            return;
        }
        List<OpenPartitionTransaction> stranded = stranded();
        if (!stranded.isEmpty()) {
            String which =
                    stranded.stream().map(OpenPartitionTransaction::describe).collect(Collectors.joining("; "));
            EndedTransaction ended = endedBeforeInit;
            boolean coordinatorSaysCommitted =
                    ended != null && stranded.stream().allMatch(ended::committedHere);
            if (!coordinatorSaysCommitted && !committedAfterAll.getAsBoolean()) {
                throw new IllegalStateException("delivery loop " + settings.groupId() + " does not write until "
                        + stranded.size() + " stranded transaction(s) are aborted: " + which);
            }
            LOG.warnf(
                    "delivery loop %s: %d stranded transaction(s) were committed by their coordinator (%s): the next "
                            + "commit marker on each partition closes them as committed; do not abort them: %s",
                    settings.groupId(),
                    stranded.size(),
                    coordinatorSaysCommitted
                            ? "it ended epoch " + ended.producerEpoch() + " with a commit"
                            : "the group's offsets include them",
                    which);
        }
        unchecked = false;
    }

    /**
     * This producer id's transactions open on the outputs. Called when the loop has none open itself, so any found is
     * one its coordinator ended without the partition's marker (see {@link OpenPartitionTransaction}): the next
     * commit marker of the same producer id would close it as committed.
     */
    private List<OpenPartitionTransaction> stranded() {
        OptionalLong id = lookup().producerId(settings.transactionalId());
        if (id.isEmpty()) {
            return List.of();
        }
        return transactions.openOn(settings.outputTopics()).stream()
                .filter(t -> t.producerId() == id.getAsLong())
                .toList();
    }

    private TransactionLookup lookup() {
        if (transactions == null) {
            transactions = clients.transactions(ClientConfigs.admin(settings));
        }
        return transactions;
    }

    /**
     * A fresh transactional producer: {@code initTransactions} aborts whatever the previous one left open. First the
     * coordinator is asked how it ended the last transaction, which the initialisation's epoch bump would hide: no
     * initialisation until it answered. A coordinator still loading its log after a broker restart does not answer
     * yet while the initialisation would wait for it and then bump the epoch; the decision, and with it a stranded
     * committed transaction's only way out, would be lost (measured: chaos CI run, broker kill #4, the loop then
     * waited for an operator to abort a committed transaction). The lookup throws; the caller retries.
     */
    private void renew() {
        unchecked = false;
        closeProducer();
        boolean transactional = settings.transactional();
        if (transactional) {
            lookup().ended(settings.transactionalId()).ifPresent(e -> endedBeforeInit = e);
        }
        Map<String, Object> config = ClientConfigs.producer(settings);
        producer = clients.producer(config);
        metrics = new KafkaClientMetrics(producer);
        metrics.bindTo(registry);
        outbox.use(producer);
        if (transactional) {
            producer.initTransactions();
        } else {
            producer.partitionsFor(settings.outputTopics().get(0)); // the broker answers: the output works
        }
        effectiveConfig = ClientConfigs.effective(config);
        unchecked = true;
    }

    void close() {
        closeProducer();
        if (transactions != null) {
            transactions.close();
            transactions = null;
        }
    }

    private void closeProducer() {
        if (metrics != null) {
            metrics.close();
            metrics = null;
        }
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException ignored) {
                // closing a broken producer
            }
            producer = null;
        }
    }
}
