package io.steadystate.soak.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import io.steadystate.core.kafka.LocalKafkaBroker;
import io.steadystate.core.kafka.Topics;
import io.steadystate.soak.ModuleBroker;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lag probe on a real broker: a transaction's commit marker behind the last consumed record is no lag (the drain
 * waited 60 s for "order-service=3" — three markers on strategy.signals), while records behind, committed or still
 * in an open transaction, are.
 */
class ConsumerLagProbeIT {

    private static final String GROUP = "order-service";
    private static final TopicPartition P0 = new TopicPartition(Topics.SIGNALS, 0);

    private static LocalKafkaBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = ModuleBroker.start("lag-probe", 1);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void countsRecordsBehindNotTheCommitMarkers() throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = transactional("lag-probe-it");
                Admin admin =
                        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
                ConsumerLagProbe probe = new ConsumerLagProbe(broker.bootstrapServers())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(P0.topic(), P0.partition(), null, new byte[] {(byte) i}))
                        .get();
            }
            producer.commitTransaction(); // records at offsets 0..4, the commit marker at 5: log end 6

            commit(admin, 5); // what a transactional consumer commits after the last record: the marker's offset
            assertThat(probe.lagByGroup()).containsEntry(GROUP, 0L);

            commit(admin, 3); // two records not consumed, then the marker
            assertThat(probe.lagByGroup()).containsEntry(GROUP, 2L);

            commit(admin, 5);
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(P0.topic(), P0.partition(), null, new byte[] {9}))
                    .get();
            producer.send(new ProducerRecord<>(P0.topic(), P0.partition(), null, new byte[] {10}))
                    .get();
            producer.flush(); // open, not committed: behind, though no read_committed reader sees them yet
            assertThat(probe.lagByGroup()).containsEntry(GROUP, 2L);
            producer.abortTransaction();
            // aborted records and their marker are nothing a consumer has to read
            assertThat(probe.lagByGroup()).containsEntry(GROUP, 0L);
        }
    }

    private static void commit(Admin admin, long offset) throws Exception {
        admin.alterConsumerGroupOffsets(GROUP, Map.of(P0, new OffsetAndMetadata(offset)))
                .all()
                .get();
    }

    private static KafkaProducer<byte[], byte[]> transactional(String id) {
        return ModuleBroker.transactional(broker, id);
    }
}
