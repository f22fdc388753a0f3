package io.steadystate.kit.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.steadystate.core.kafka.OpenPartitionTransaction;
import io.steadystate.core.kafka.Topics;
import io.steadystate.core.testkafka.RealKafka;
import io.steadystate.core.testkafka.RealKafkaExtension;
import io.steadystate.core.testkafka.TestRecords;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The check a loop makes before it writes again: a transaction of its own producer id left open on an output
 * partition (the coordinator ended it, the partition never got the marker) keeps the loop from writing, not ready,
 * until an operator aborted it.
 *
 * <p>The lookup is tested against the broker's own answer (a transaction really open on a partition). Kafka offers
 * no way to strand one on purpose — it needs a broker crash between the coordinator's decision and the partition's
 * marker, which the chaos soak makes (soak-tests README, Finding 3) — so the loop's test adds one stranded entry,
 * under the loop's real producer id, to what the real broker says.
 */
@ExtendWith(RealKafkaExtension.class)
class StrandedTransactionIT {

    @Test
    void theLookupSeesATransactionOpenOnAPartitionUnderItsProducerIdUntilItCommits(RealKafka kafka) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        try (TransactionLookup lookup = KafkaClients.PLAIN.transactions(Map.of("bootstrap.servers", bootstrap));
                KafkaProducer<String, byte[]> tx = transactional(bootstrap, "kit-it-open")) {
            tx.initTransactions();
            tx.beginTransaction();
            RecordMetadata m = tx.send(new ProducerRecord<>(Topics.STRATEGY_DLQ, "k", bytes("open")))
                    .get();
            tx.flush();
            long id = lookup.producerId("kit-it-open").orElseThrow();
            assertThat(lookup.producerId("kit-it-never-used")).isEmpty();

            assertThat(lookup.ended("kit-it-open")).as("none ended yet").isEmpty();
            List<OpenPartitionTransaction> open = lookup.openOn(List.of(Topics.STRATEGY_DLQ));
            OpenPartitionTransaction mine =
                    open.stream().filter(t -> t.producerId() == id).findFirst().orElseThrow();
            assertThat(open)
                    .filteredOn(t -> t.producerId() == id)
                    .singleElement()
                    .satisfies(t -> {
                        assertThat(t.partition()).isEqualTo(new TopicPartition(m.topic(), m.partition()));
                        assertThat(t.startOffset()).isEqualTo(m.offset());
                        assertThat(t.describe())
                                .contains(
                                        "--topic " + m.topic(),
                                        "--partition " + m.partition(),
                                        "--start-offset " + m.offset());
                    });

            tx.commitTransaction(); // returns once the coordinator decided: the marker follows a moment later
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            List<OpenPartitionTransaction> after = lookup.openOn(List.of(Topics.STRATEGY_DLQ));
            while (after.stream().anyMatch(t -> t.producerId() == id) && System.nanoTime() < deadline) {
                Thread.sleep(50);
                after = lookup.openOn(List.of(Topics.STRATEGY_DLQ));
            }
            assertThat(after).filteredOn(t -> t.producerId() == id).isEmpty();
            // transactions v2: the coordinator's decision of the records written at epoch E is held at E + 1
            assertThat(lookup.ended("kit-it-open")).contains(new EndedTransaction(id, mine.producerEpoch() + 1, true));
            assertThat(new EndedTransaction(id, mine.producerEpoch() + 1, true).committedHere(mine))
                    .isTrue();
        }
    }

    /**
     * A restarted process remembers no commit of its predecessor's, but the coordinator does, asked before the new
     * producer's initialisation bumps the epoch: decided commit at the epoch after the stranded records' — the loop
     * writes on (its next marker completes them, an abort would lose them); decided abort — it waits for the operator.
     */
    @Test
    void aRestartedLoopGoesByWhatTheCoordinatorSaysOfItsStrandedTransaction(RealKafka kafka) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        try (KafkaProducer<String, byte[]> in = TestRecords.producer(bootstrap)) {
            for (int i = 0; i < 5; i++) {
                in.send(new ProducerRecord<>(Topics.MARKET_EVENTS, "restart-" + i, bytes("input " + i)))
                        .get();
            }
        }
        for (boolean committed : new boolean[] {true, false}) {
            String topic = committed ? Topics.SIGNALS : Topics.STRATEGY_DLQ;
            String txId = "kit-it-restart-" + committed;
            AtomicBoolean stranded = new AtomicBoolean(true);
            AtomicInteger checks = new AtomicInteger();
            KafkaClients clients = clients(
                    KafkaClients.PLAIN::producer,
                    config -> new StrandingLookup(
                            KafkaClients.PLAIN.transactions(config),
                            stranded,
                            checks,
                            txId,
                            topic,
                            pid -> Optional.of(new EndedTransaction(pid, STRANDED_EPOCH + 1, committed))));
            DeliverySettings settings = settings(bootstrap, "kit-restart-" + committed, topic, txId);
            try (KafkaProducer<String, byte[]> predecessor = transactional(bootstrap, txId)) {
                predecessor.initTransactions(); // the process before the restart: the coordinator knows the id
            }
            try (DeliveryLoop loop = new DeliveryLoop(settings, new Relay(topic), clients, new SimpleMeterRegistry())) {
                loop.start();
                long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
                while (!loop.health().ready() && checks.get() < 3 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                if (committed) {
                    assertThat(own(
                                    CommittedRecords.readUntil(
                                            bootstrap,
                                            topic,
                                            rs -> own(rs, "restart-").size() >= 5,
                                            Duration.ofSeconds(30)),
                                    "restart-"))
                            .as(
                                    "decided commit: written on, each input once (%s)",
                                    loop.health().lastError())
                            .hasSize(5);
                    assertThat(loop.health().ready()).isTrue();
                } else {
                    assertThat(loop.health().ready())
                            .as("decided abort: waiting")
                            .isFalse();
                    assertThat(loop.health().lastError()).contains("stranded transaction");
                    assertThat(own(CommittedRecords.read(bootstrap, topic), "restart-"))
                            .isEmpty();
                }
            }
        }
    }

    /**
     * After a broker restart the coordinator may not answer yet (loading its log); an initialisation would wait for it
     * and bump the epoch, and the decision of the stranded transaction would be gone with it. So the loop asks again,
     * without initialising, until the coordinator answers: here it does not answer twice, says "committed" while no
     * producer has been initialised since and, like the real one, only "Empty" after — the loop must write on.
     */
    @Test
    void aCoordinatorThatDoesNotAnswerYetIsAskedAgainBeforeTheProducerIsInitialised(RealKafka kafka) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        String topic = Topics.SIGNALS;
        String txId = "kit-it-loading";
        try (KafkaProducer<String, byte[]> in = TestRecords.producer(bootstrap)) {
            for (int i = 0; i < 5; i++) {
                in.send(new ProducerRecord<>(Topics.MARKET_EVENTS, "loading-" + i, bytes("input " + i)))
                        .get();
            }
        }
        try (KafkaProducer<String, byte[]> predecessor = transactional(bootstrap, txId)) {
            predecessor.initTransactions(); // the process before the restart: the coordinator knows the id
        }
        AtomicInteger asks = new AtomicInteger();
        AtomicBoolean initialised = new AtomicBoolean(false);
        KafkaClients clients = clients(
                config -> new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()) {
                    @Override
                    public void initTransactions() {
                        initialised.set(true);
                        super.initTransactions();
                    }
                },
                config -> new StrandingLookup(
                        KafkaClients.PLAIN.transactions(config),
                        new AtomicBoolean(true),
                        new AtomicInteger(),
                        txId,
                        topic,
                        pid -> {
                            if (asks.incrementAndGet() <= 2) {
                                throw new org.apache.kafka.common.errors.TimeoutException(
                                        "test: the coordinator is loading");
                            }
                            return initialised.get()
                                    ? Optional.empty()
                                    : Optional.of(new EndedTransaction(pid, STRANDED_EPOCH + 1, true));
                        }));
        DeliverySettings settings = settings(bootstrap, "kit-loading", topic, txId);
        try (DeliveryLoop loop = new DeliveryLoop(settings, new Relay(topic), clients, new SimpleMeterRegistry())) {
            loop.start();
            assertThat(own(
                            CommittedRecords.readUntil(
                                    bootstrap, topic, rs -> own(rs, "loading-").size() >= 5, Duration.ofSeconds(45)),
                            "loading-"))
                    .as(
                            "asked until it answered, then written on (%s)",
                            loop.health().lastError())
                    .hasSize(5);
            assertThat(asks.get()).as("asked again after each refusal").isGreaterThanOrEqualTo(3);
            Await.until(
                    "the loop is ready",
                    Duration.ofSeconds(30),
                    () -> loop.health().ready());
        }
    }

    @Test
    void aLoopDoesNotWriteWhileItsProducerIdHasATransactionStrandedOnAnOutput(RealKafka kafka) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        try (KafkaProducer<String, byte[]> in = TestRecords.producer(bootstrap)) {
            for (int i = 0; i < 5; i++) {
                in.send(new ProducerRecord<>(Topics.MARKET_EVENTS, "key-" + i, bytes("input " + i)))
                        .get();
            }
        }
        AtomicBoolean stranded = new AtomicBoolean(true);
        AtomicInteger checks = new AtomicInteger();
        KafkaClients clients = clients(
                KafkaClients.PLAIN::producer,
                config -> new StrandingLookup(KafkaClients.PLAIN.transactions(config), stranded, checks));
        DeliverySettings settings = settings(bootstrap, "kit-stranded-it", Topics.SIGNALS, "kit-it-stranded");
        try (DeliveryLoop loop =
                new DeliveryLoop(settings, new Relay(Topics.SIGNALS), clients, new SimpleMeterRegistry())) {
            loop.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (checks.get() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(checks.get()).as("the loop keeps asking while stranded").isGreaterThanOrEqualTo(3);
            LoopHealth.Status waiting = loop.health();
            assertThat(waiting.ready()).isFalse();
            assertThat(waiting.lastError())
                    .contains("stranded transaction", Topics.SIGNALS + "-0", "kafka-transactions.sh");
            assertThat(own(
                            TestRecords.readUntil(
                                    bootstrap,
                                    Topics.SIGNALS,
                                    rs -> !own(rs, "key-").isEmpty(),
                                    Duration.ofSeconds(2)),
                            "key-"))
                    .as("nothing written, not even uncommitted, while stranded")
                    .isEmpty();

            stranded.set(false); // the operator aborted it
            assertThat(CommittedRecords.readUntil(
                                    bootstrap,
                                    Topics.SIGNALS,
                                    rs -> own(rs, "key-").size() >= 5,
                                    Duration.ofSeconds(60))
                            .stream()
                            .filter(r -> r.key().startsWith("key-"))
                            .toList())
                    .as("then every input is delivered once")
                    .hasSize(5);
            deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!loop.health().ready() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(loop.health().ready()).isTrue();
        }
    }

    /**
     * A commit that throws after its coordinator decided (the answer lost, as when the broker dies between the two):
     * decided commit — the group's offsets include what it sent — the loop writes on, because its next commit marker
     * completes the stranded records and an abort would lose them; decided abort, it waits for the operator.
     */
    @Test
    void aCommitThatThrewButWasCommittedLetsTheLoopWriteOnAnAbortedOneDoesNot(RealKafka kafka) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        try (KafkaProducer<String, byte[]> in = TestRecords.producer(bootstrap)) {
            for (int i = 0; i < 5; i++) {
                in.send(new ProducerRecord<>(Topics.MARKET_EVENTS, "doubt-" + i, bytes("input " + i)))
                        .get();
            }
        }
        for (boolean committed : new boolean[] {true, false}) {
            String group = "kit-in-doubt-" + committed;
            String topic = committed ? Topics.SIGNALS : Topics.STRATEGY_DLQ;
            AtomicBoolean stranded = new AtomicBoolean(false); // until the failing commit "loses" its marker
            AtomicInteger checks = new AtomicInteger();
            AtomicBoolean failNextCommit = new AtomicBoolean(true);
            String txId = "kit-it-doubt-" + committed;
            KafkaClients clients = clients(
                    config -> new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()) {
                        @Override
                        public void commitTransaction() {
                            if (!failNextCommit.getAndSet(false)) {
                                super.commitTransaction();
                                return;
                            }
                            if (committed) {
                                super.commitTransaction();
                            } else {
                                super.abortTransaction();
                            }
                            stranded.set(true);
                            throw new org.apache.kafka.common.errors.TimeoutException("test: the answer was lost");
                        }
                    },
                    config -> new StrandingLookup(
                            KafkaClients.PLAIN.transactions(config), stranded, checks, txId, topic));
            DeliverySettings settings = settings(bootstrap, group, topic, txId);
            try (DeliveryLoop loop = new DeliveryLoop(settings, new Relay(topic), clients, new SimpleMeterRegistry())) {
                loop.start();
                long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
                // after the failed commit: ready again (decided commit) or asked the lookup a few times (abort)
                int atFailure = -1;
                while (System.nanoTime() < deadline) {
                    if (stranded.get() && atFailure < 0) {
                        atFailure = checks.get();
                    }
                    if (atFailure >= 0 && (loop.health().ready() || checks.get() >= atFailure + 3)) {
                        break;
                    }
                    Thread.sleep(100);
                }
                assertThat(stranded.get()).as("the failing commit ran").isTrue();
                if (committed) {
                    assertThat(loop.health().ready())
                            .as("decided commit: writing on (%s)", loop.health().lastError())
                            .isTrue();
                    assertThat(keys(CommittedRecords.readUntil(
                                    bootstrap, topic, rs -> keys(rs).size() >= 5, Duration.ofSeconds(30))))
                            .hasSize(5);
                    Thread.sleep(
                            2_000); // a second copy, had the inputs been processed again, would be committed by now
                    assertThat(keys(CommittedRecords.read(bootstrap, topic)))
                            .as("committed once, not processed again")
                            .hasSize(5);
                } else {
                    assertThat(loop.health().ready())
                            .as("decided abort: waiting")
                            .isFalse();
                    assertThat(loop.health().lastError()).contains("stranded transaction");
                    assertThat(keys(CommittedRecords.read(bootstrap, topic))).isEmpty();
                    stranded.set(false);
                    assertThat(keys(CommittedRecords.readUntil(
                                    bootstrap, topic, rs -> keys(rs).size() >= 5, Duration.ofSeconds(60))))
                            .as("processed again once the operator aborted it")
                            .hasSize(5);
                }
            }
        }
    }

    private static final int STRANDED_EPOCH = 7;

    /**
     * The real broker's answer, plus one stranded transaction (epoch {@link #STRANDED_EPOCH}) of the asking loop's
     * producer id while told so; the coordinator's last ended transaction as {@code ended} makes it from the
     * producer id (null: the real answer; it may throw, as a coordinator that does not answer yet).
     */
    private record StrandingLookup(
            TransactionLookup real,
            AtomicBoolean stranded,
            AtomicInteger checks,
            String txId,
            String topic,
            LongFunction<Optional<EndedTransaction>> ended)
            implements TransactionLookup {
        StrandingLookup(TransactionLookup real, AtomicBoolean stranded, AtomicInteger checks) {
            this(real, stranded, checks, "kit-it-stranded", Topics.SIGNALS);
        }

        StrandingLookup(
                TransactionLookup real, AtomicBoolean stranded, AtomicInteger checks, String txId, String topic) {
            this(real, stranded, checks, txId, topic, null);
        }

        @Override
        public Optional<EndedTransaction> ended(String transactionalId) {
            if (ended == null) {
                return real.ended(transactionalId);
            }
            OptionalLong pid = real.producerId(transactionalId);
            return pid.isEmpty() ? Optional.empty() : ended.apply(pid.getAsLong());
        }

        @Override
        public OptionalLong producerId(String transactionalId) {
            return real.producerId(transactionalId);
        }

        @Override
        public List<OpenPartitionTransaction> openOn(Collection<String> topics) {
            checks.incrementAndGet();
            List<OpenPartitionTransaction> open = new ArrayList<>(real.openOn(topics));
            if (stranded.get()) {
                open.add(new OpenPartitionTransaction(
                        new TopicPartition(topic, 0),
                        real.producerId(txId).orElseThrow(),
                        STRANDED_EPOCH,
                        0,
                        Instant.now().minusSeconds(40),
                        0));
            }
            return open;
        }

        @Override
        public void close() {
            real.close();
        }
    }

    /** A transactional loop from market.events to {@code topic}, 100 ms windows. */
    private static DeliverySettings settings(String bootstrap, String group, String topic, String txId) {
        return new DeliverySettings(
                "kit-it",
                bootstrap,
                group,
                List.of(Topics.MARKET_EVENTS),
                List.of(topic),
                txId,
                true,
                Map.of(),
                Map.of(),
                Duration.ofMillis(100));
    }

    private static KafkaProducer<String, byte[]> transactional(String bootstrap, String id) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG, id),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    /** Plain consumers; producers and the transaction lookup as the test makes them. */
    private static KafkaClients clients(
            Function<Map<String, Object>, Producer<String, byte[]>> producers,
            Function<Map<String, Object>, TransactionLookup> lookups) {
        return new KafkaClients() {
            @Override
            public Consumer<String, byte[]> consumer(Map<String, Object> config) {
                return PLAIN.consumer(config);
            }

            @Override
            public Producer<String, byte[]> producer(Map<String, Object> config) {
                return producers.apply(config);
            }

            @Override
            public TransactionLookup transactions(Map<String, Object> config) {
                return lookups.apply(config);
            }
        };
    }

    /** The keys of the in-doubt test's records (the class's tests share one broker and its topics). */
    private static List<String> keys(List<ConsumerRecord<String, byte[]>> records) {
        return own(records, "doubt-");
    }

    private static List<String> own(List<ConsumerRecord<String, byte[]>> records, String prefix) {
        return records.stream()
                .map(ConsumerRecord::key)
                .filter(k -> k.startsWith(prefix))
                .toList();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
