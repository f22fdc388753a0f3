package io.steadystate.soak.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.steadystate.core.kafka.LocalKafkaBroker;
import io.steadystate.core.kafka.OpenPartitionTransaction;
import io.steadystate.core.kafka.OpenTransactions;
import io.steadystate.core.kafka.Topics;
import io.steadystate.soak.ModuleBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The coordinator's decisions read from its own log on a real broker (transactions v2, this Kafka's default): a
 * transaction seen open on a partition is found decided commit after its commit, and not after an abort — the
 * question the chaos operator asks before it aborts a hanging transaction.
 */
class CoordinatorDecisionsIT {

    private static final TopicPartition SIGNALS_0 = new TopicPartition(Topics.SIGNALS, 0);
    private static final TopicPartition SIGNALS_1 = new TopicPartition(Topics.SIGNALS, 1);

    private static LocalKafkaBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = ModuleBroker.start("decisions", 2);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aCommittedTransactionIsFoundCommittedAndAnAbortedOneIsNot() throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = transactional("decisions-it");
                Admin admin =
                        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            producer.initTransactions();

            OpenPartitionTransaction committed = openOn(producer, admin, SIGNALS_0);
            producer.commitTransaction();
            OpenPartitionTransaction aborted = openOn(producer, admin, SIGNALS_0);
            producer.abortTransaction();
            // a later committed transaction of the same producer on another partition decides nothing of the above
            openOn(producer, admin, SIGNALS_1);
            producer.commitTransaction();

            CoordinatorDecisions decisions =
                    CoordinatorDecisions.read(broker.bootstrapServers(), Duration.ofSeconds(30));

            assertThat(decisions.size()).isGreaterThanOrEqualTo(3);
            assertThat(committedPerLog(decisions, committed)).isTrue();
            assertThat(committedPerLog(decisions, aborted)).isFalse();
            assertThat(decisions.committed(
                            committed.producerId(),
                            committed.producerEpoch(),
                            SIGNALS_1,
                            committed.lastWrite().toEpochMilli()))
                    .as("the committed transaction did not write to partition 1")
                    .isFalse();
        }
    }

    @Test
    void aCommitIsAbortedOnlyWhereNoneOfItsPartitionsGotTheMarker() throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = transactional("decisions-it-offsets");
                Admin admin =
                        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            producer.initTransactions();
            OpenPartitionTransaction data = openOn(producer, admin, SIGNALS_1);
            // the input offsets go to the group's __consumer_offsets partition, in the same transaction
            producer.sendOffsetsToTransaction(
                    Map.of(new TopicPartition(Topics.MARKET_EVENTS, 0), new OffsetAndMetadata(7)),
                    new ConsumerGroupMetadata("decisions-it-group"));
            List<OpenPartitionTransaction> open =
                    OpenTransactions.on(admin, List.of(Topics.SIGNALS, "__consumer_offsets"), 10_000);
            producer.commitTransaction();

            CoordinatorDecisions decisions =
                    CoordinatorDecisions.read(broker.bootstrapServers(), Duration.ofSeconds(30));
            CoordinatorDecisions.Decision decision = decisions
                    .of(
                            data.producerId(),
                            data.producerEpoch(),
                            data.partition(),
                            data.lastWrite().toEpochMilli())
                    .orElseThrow();
            assertThat(decision.commit()).isTrue();
            assertThat(decision.partitions())
                    .contains(SIGNALS_1)
                    .anyMatch(tp -> tp.topic().equals("__consumer_offsets"));
            List<HangingTransactions.Open> everywhere = open.stream()
                    .filter(t -> t.producerId() == data.producerId())
                    .map(CoordinatorDecisionsIT::hanging)
                    .toList();
            assertThat(everywhere).hasSize(2);
            // open on every partition of the decision: no reader saw any of it, an abort loses nothing
            assertThat(HangingTransactions.losesCommitted(decisions, everywhere))
                    .isFalse();
            // the offsets got their marker (committed), the data did not: aborting the data loses committed records
            assertThat(HangingTransactions.losesCommitted(decisions, List.of(hanging(data))))
                    .isTrue();
        }
    }

    private static HangingTransactions.Open hanging(OpenPartitionTransaction t) {
        return new HangingTransactions.Open(
                t.partition(),
                null,
                t.producerId(),
                t.producerEpoch(),
                t.startOffset(),
                t.lastWrite(),
                t.coordinatorEpoch(),
                null);
    }

    private static boolean committedPerLog(CoordinatorDecisions decisions, OpenPartitionTransaction open) {
        return decisions.committed(
                open.producerId(),
                open.producerEpoch(),
                open.partition(),
                open.lastWrite().toEpochMilli());
    }

    /** Begins a transaction, writes two records to {@code partition} and returns what its leader says of it. */
    private static OpenPartitionTransaction openOn(
            KafkaProducer<byte[], byte[]> producer, Admin admin, TopicPartition partition) throws Exception {
        producer.beginTransaction();
        for (int i = 0; i < 2; i++) {
            producer.send(new ProducerRecord<>(partition.topic(), partition.partition(), null, new byte[] {(byte) i}))
                    .get();
        }
        List<OpenPartitionTransaction> open = OpenTransactions.on(admin, List.of(partition.topic()), 10_000).stream()
                .filter(t -> t.partition().equals(partition))
                .toList();
        assertThat(open).hasSize(1);
        return open.get(0);
    }

    private static KafkaProducer<byte[], byte[]> transactional(String id) {
        return ModuleBroker.transactional(broker, id);
    }
}
