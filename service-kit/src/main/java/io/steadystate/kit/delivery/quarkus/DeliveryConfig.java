package io.steadystate.kit.delivery.quarkus;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.steadystate.kit.delivery.TransactionWindow;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * {@code steadystate.delivery.*}: the tunable client settings of a service's delivery loops. The {@code @WithDefault}
 * values here are the only place these defaults are written (service-kit README, "Client settings"); a service's
 * {@code application.properties} may override them. The delivery rules (acks=all, idempotence, transactions,
 * read_committed, no auto-commit) are not settings: {@code ClientConfigs} fixes them after these are applied.
 */
@ConfigMapping(prefix = "steadystate.delivery")
public interface DeliveryConfig {

    /** Part of the transactional id ({@code <service>-<instance-id>}); stable per instance, unique between them. */
    String instanceId();

    /** Input records after which the open transaction commits ({@code 1} = one transaction per poll). */
    @WithDefault("5000")
    int transactionMaxRecords();

    /** Age after which the open transaction commits; bounds what read_committed readers wait on top of a hop. */
    @WithDefault("20ms")
    Duration transactionMaxAge();

    /**
     * {@code false}: the loop runs without Kafka transactions — each window flushes its sends, then commits its
     * offsets if every send was acknowledged (at least once: a crash in between re-sends; nothing atomic). Only for
     * measuring what transactions cost (the bench); order-service's steps are atomic only with {@code true}.
     */
    @WithDefault("true")
    boolean transactions();

    /**
     * Records one poll hands the handler. A commit costs the same round trips whatever the transaction holds and
     * the window closes by age after the first poll under load, so this is what one commit is spread over.
     */
    @WithDefault("5000")
    int maxPollRecords();

    /** Consumer {@code fetch.min.bytes}: 1 = answer as soon as anything is there (latency at low rates). */
    @WithDefault("1")
    int fetchMinBytes();

    /** Consumer {@code fetch.max.wait.ms}: how long the broker may hold a fetch for {@code fetch-min-bytes}. */
    @WithDefault("500ms")
    Duration fetchMaxWait();

    /** Consumer {@code max.partition.fetch.bytes}: what one fetch may bring per partition (≈ 10k ticks at 1 MiB). */
    @WithDefault("1048576")
    int maxPartitionFetchBytes();

    /** Producer {@code linger.ms}: the commit flushes anyway, so this only groups sends within a window. */
    @WithDefault("1ms")
    Duration linger();

    /** Producer {@code batch.size} in bytes. */
    @WithDefault("16384")
    int batchSize();

    /** Producer {@code compression.type}: none, gzip, snappy, lz4, zstd. */
    @WithDefault("none")
    String compression();

    /**
     * Test hook read by the loop's outbox from the system property of the same name (kill tests: halt the
     * process after the k-th send); mapped here only so the key is a known one. 0 = off.
     */
    @WithDefault("0")
    long haltAfterSends();

    default TransactionWindow transactionWindow() {
        return new TransactionWindow(transactionMaxRecords(), transactionMaxAge(), transactions());
    }

    /** The consumer side, as DeliverySettings consumer overrides (a loop's own overrides are put over it). */
    default Map<String, Object> consumerProperties() {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords());
        c.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, fetchMinBytes());
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) fetchMaxWait().toMillis());
        c.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, maxPartitionFetchBytes());
        return c;
    }

    /** The producer side, as DeliverySettings producer overrides. */
    default Map<String, Object> producerProperties() {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.LINGER_MS_CONFIG, (int) linger().toMillis());
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, batchSize());
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression());
        return p;
    }
}
