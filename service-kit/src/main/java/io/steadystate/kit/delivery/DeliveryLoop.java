package io.steadystate.kit.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.steadystate.core.kafka.OpenPartitionTransaction;
import io.steadystate.core.state.Bounded;
import io.steadystate.kit.log.ThrottledLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * One consumer group's delivery: a plain {@code KafkaConsumer} and a plain transactional {@code KafkaProducer}
 * driven by one dedicated thread (README: threads, commit rule, transactions, health, metrics).
 *
 * <p>One transaction spans the polls of a {@link TransactionWindow}: queued {@link #submit commands} and the
 * handler send into it; its commit carries the merged next offsets of all it handled. So an offset is committed
 * exactly when everything produced from it is: outputs, dead letters, command output.
 * Any failure (a send the broker refused, a commit that timed out, a handler exception) aborts; the loop then
 * pauses its partitions, recreates the producer (which fences its own predecessor), waits until no output
 * partition holds a transaction of its producer id that the coordinator ended without that partition's marker
 * ({@link OpenPartitionTransaction}: its next commit would make such records visible beside their re-made copies;
 * unless its own last commit, which threw, was committed after all — then its next commit completes them),
 * drops and rebuilds every assigned partition's state through the handler and seeks back to the committed
 * offsets — the rebalance path. The same check runs before the first write after a start.
 * Readiness is DOWN from the failure until that recovery succeeded.
 */
public final class DeliveryLoop implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DeliveryLoop.class);
    static final int COMMAND_CAPACITY = 256;
    static final int COMMANDS_PER_TRANSACTION = 64;
    private static final Duration BACKOFF = Duration.ofSeconds(1);

    private final DeliverySettings settings;
    private final DeliveryHandler handler;
    private final KafkaClients clients;
    private final MeterRegistry registry;
    private final SendErrors sendErrors;
    private final Thread thread;
    private final LoopOutbox outbox;
    private final LoopHealth health = new LoopHealth();
    /** A recovery retries every second, for as long as a broker is down or a stranded transaction stays. */
    private final ThrottledLog recoveryLog = new ThrottledLog(LOG, 10_000);
    /** Bounded: a full queue refuses the command (REST answers 503) instead of buffering without limit. */
    @Bounded("ArrayBlockingQueue of COMMAND_CAPACITY")
    private final BlockingQueue<LoopCommand<?>> commands = new ArrayBlockingQueue<>(COMMAND_CAPACITY);

    @Bounded("the commands of one transaction: at most COMMANDS_PER_TRANSACTION, cleared after each")
    private final List<LoopCommand<?>> running = new ArrayList<>();

    private volatile boolean stopping;
    private Consumer<String, byte[]> consumer;
    private final LoopProducer producer;
    private KafkaClientMetrics consumerMetrics;
    private boolean recoveryNeeded;
    private final OpenTransaction open;

    public DeliveryLoop(
            DeliverySettings settings, DeliveryHandler handler, KafkaClients clients, MeterRegistry registry) {
        this.settings = settings;
        this.handler = handler;
        this.clients = clients;
        this.registry = registry;
        this.sendErrors = new SendErrors(settings.service(), settings.outputTopics(), registry);
        this.thread = new Thread(this::run, "delivery-" + settings.groupId());
        this.thread.setDaemon(true);
        this.outbox = new LoopOutbox(thread, sendErrors, health::sendFailed);
        this.producer = new LoopProducer(settings, clients, registry, outbox, health, BACKOFF);
        this.open = new OpenTransaction(
                settings.transactionWindow(), handler, ClientConfigs.maxPollRecords(settings), outbox::failures);
    }

    public DeliverySettings settings() {
        return settings;
    }

    public synchronized void start() {
        if (!thread.isAlive() && !stopping) {
            thread.start();
        }
    }

    /**
     * Runs {@code mutation} on the loop thread inside its next transaction; the future completes after that
     * transaction committed (exceptionally if it aborted or the loop is full or stopped).
     */
    public <T> CompletableFuture<T> submit(Function<Outbox, T> mutation) {
        LoopCommand<T> command = new LoopCommand<>(mutation);
        if (stopping || !settings.hasOutputs()) {
            command.aborted(new RejectedExecutionException(
                    "delivery loop " + settings.groupId() + " is not accepting commands"));
        } else if (!commands.offer(command)) {
            command.aborted(new RejectedExecutionException("delivery loop " + settings.groupId() + " is busy"));
        }
        return command.done;
    }

    public LoopHealth.Status health() {
        return health.status(thread.isAlive(), handler.ready());
    }

    /**
     * The configuration the live producer was built from, as the client resolves it ({@link ProducerConfig}
     * with its defaults and idempotence rules applied); empty before the producer exists.
     */
    public Map<String, Object> effectiveProducerConfig() {
        return producer.effectiveConfig();
    }

    private void run() {
        try {
            consumer = clients.consumer(ClientConfigs.consumer(settings));
            consumerMetrics = new KafkaClientMetrics(consumer);
            consumerMetrics.bindTo(registry);
            if (settings.hasOutputs()) {
                if (!settings.transactional()) {
                    LOG.warnf(
                            "delivery loop %s runs WITHOUT transactions (steadystate.delivery.transactions=false): "
                                    + "outputs are at least once, visible as soon as acknowledged, never atomic",
                            settings.groupId());
                }
                producer.first(() -> stopping);
            }
            consumer.subscribe(settings.topics(), new Rebalance());
            while (!stopping) {
                health.progress();
                try {
                    if (recoveryNeeded) {
                        recover();
                        continue;
                    }
                    ConsumerRecords<String, byte[]> records = consumer.poll(open.pollTimeout(settings.pollTimeout()));
                    if (recoveryNeeded) {
                        continue; // a rebuild failed inside poll: these records are re-read after recovery
                    }
                    if (settings.hasOutputs()) {
                        deliver(records);
                    } else if (!records.isEmpty()) {
                        handler.handle(records, Outbox.NONE);
                    }
                } catch (WakeupException e) {
                    // close() woke us
                } catch (RuntimeException e) {
                    failed(e);
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "delivery loop %s stopped", settings.groupId());
            health.sendFailed(e);
        } finally {
            finishOpen();
            shutdownClients();
        }
    }

    private void deliver(ConsumerRecords<String, byte[]> records) {
        commands.drainTo(running, COMMANDS_PER_TRANSACTION);
        if (records.isEmpty() && running.isEmpty() && !open.isOpen()) {
            return;
        }
        try {
            if (!records.isEmpty() || !running.isEmpty()) {
                open.beginIfClosed(producer.current());
                for (LoopCommand<?> c : running) {
                    c.run(outbox);
                }
                if (!records.isEmpty()) {
                    handler.handle(records, outbox);
                    open.handled(records);
                }
            }
            // a command answers only after the commit, so it must not wait for the window to fill
            if (records.isEmpty() || !running.isEmpty() || !commands.isEmpty() || open.due()) {
                commitOpen();
            }
        } catch (RuntimeException e) {
            abortCommands(e);
            throw e;
        }
    }

    /** Commits the open transaction with the merged next offsets of every poll handled in it. */
    private void commitOpen() {
        if (open.isOpen()) {
            open.commit(producer.current(), consumer);
            health.committed();
            running.forEach(LoopCommand::committed);
            running.clear();
        }
    }

    private void abortCommands(RuntimeException why) {
        running.forEach(c -> c.aborted(why));
        running.clear();
    }

    /** Aborts whatever the producer has open; a broken producer is replaced in recover() or closed anyway. */
    private void abortQuietly() {
        open.aborted();
        if (producer.current() != null && settings.transactional()) {
            try {
                producer.current().abortTransaction();
            } catch (RuntimeException ignored) {
                // see above
            }
        }
    }

    /**
     * Before partitions move (a rebalance callback inside poll): commit the open transaction while this member
     * still owns its partitions (its generation is still valid for sendOffsetsToTransaction); if that fails,
     * abort and rebuild from the committed offsets, as after any failure.
     */
    private void commitBeforeHandover() {
        try {
            commitOpen();
        } catch (RuntimeException e) {
            abortCommands(e);
            failed(e);
        }
    }

    /** On stop: a graceful stop commits what was handled; if that fails, abort so readers are not held back. */
    private void finishOpen() {
        if (open.isOpen() && producer.current() != null) {
            try {
                commitOpen();
            } catch (RuntimeException e) {
                LOG.warnf(
                        "delivery loop %s: committing on stop failed, aborting: %s", settings.groupId(), e.toString());
                abortCommands(e);
                abortQuietly();
            }
        }
    }

    private void failed(RuntimeException e) {
        if (stopping) {
            abortQuietly();
            return;
        }
        sendErrors.count(SendErrors.TRANSACTION);
        health.sendFailed(e);
        LOG.errorf(
                "delivery loop %s: transaction aborted, rebuilding from the committed offsets: %s",
                settings.groupId(), e.toString());
        abortQuietly();
        recoveryNeeded = true;
    }

    /** Back-pressure while the output is broken: partitions paused, the group kept alive by empty polls. */
    private void recover() {
        consumer.pause(consumer.assignment());
        consumer.poll(BACKOFF); // a rebalance may run in here: read the assignment after it
        Set<TopicPartition> assigned = consumer.assignment();
        consumer.pause(assigned);
        try {
            if (settings.hasOutputs()) {
                producer.prepare(this::inDoubtCommitted);
            }
            handler.revoked(assigned);
            handler.assigned(assigned, consumer);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assigned);
            for (TopicPartition tp : assigned) {
                OffsetAndMetadata o = committed.get(tp);
                if (o == null) {
                    consumer.seekToBeginning(List.of(tp));
                } else {
                    consumer.seek(tp, o.offset());
                }
            }
            consumer.resume(assigned);
            recoveryNeeded = false;
            health.recovered();
            LOG.infof("delivery loop %s recovered %s from the committed offsets", settings.groupId(), assigned);
        } catch (RuntimeException e) {
            health.sendFailed(e);
            recoveryLog.warn("delivery loop " + settings.groupId() + ": recovery failed, retrying", e.toString());
        }
    }

    /**
     * Whether the last commit that threw was committed after all: the group's offsets reached every offset it sent
     * (a transaction is atomic, so they reach all or none). False when no commit is in doubt or it sent no offsets.
     */
    private boolean inDoubtCommitted() {
        Map<TopicPartition, OffsetAndMetadata> sent = open.inDoubt();
        if (sent.isEmpty()) {
            return false;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(sent.keySet());
        return sent.entrySet().stream().allMatch(e -> {
            OffsetAndMetadata c = committed.get(e.getKey());
            return c != null && c.offset() >= e.getValue().offset();
        });
    }

    private void shutdownClients() {
        for (LoopCommand<?> c : commands) {
            c.aborted(new RejectedExecutionException("delivery loop stopped"));
        }
        commands.clear();
        producer.close();
        if (consumerMetrics != null) {
            consumerMetrics.close();
        }
        if (consumer != null) {
            try {
                consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(1)));
            } catch (RuntimeException e) {
                LOG.debugf("closing the consumer of %s: %s", settings.groupId(), e);
            }
        }
    }

    /** Stops polling, aborts nothing that was committed, closes the clients with short timeouts (shutdown). */
    @Override
    public void close() {
        stopping = true;
        Consumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Inside poll, maybe with a transaction open: committed before partitions move (aborted if they were lost). */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            commitBeforeHandover();
            handler.revoked(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            if (open.isOpen()) { // the generation is gone (a commit would be fenced): abort, rebuild what remains
                abortQuietly();
                recoveryNeeded = true;
            }
            handler.revoked(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            commitBeforeHandover();
            try {
                handler.assigned(partitions, consumer);
                health.assigned();
            } catch (RuntimeException e) {
                LOG.warnf("delivery loop %s: rebuilding %s failed: %s", settings.groupId(), partitions, e.toString());
                health.sendFailed(e);
                recoveryNeeded = true;
            }
        }
    }
}
