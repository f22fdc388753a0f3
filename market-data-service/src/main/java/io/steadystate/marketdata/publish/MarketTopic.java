package io.steadystate.marketdata.publish;

import io.steadystate.core.kafka.TopicProvisioner;
import io.steadystate.core.kafka.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure {@code market.events} (and the system's other topics) exist before the first send, and that a
 * topic this service just created has a leader for every partition. Why the wait: measured on the local
 * broker, publishing at full rate into a topic created a moment earlier hit NOT_LEADER_OR_FOLLOWER, then the
 * idempotent producer looped on OUT_OF_ORDER_SEQUENCE_NUMBER until delivery timed out (49 events lost).
 */
public final class MarketTopic {

    private static final Logger LOG = Logger.getLogger(MarketTopic.class);
    /** Leadership is visible in metadata slightly before the broker serves produce requests for it. */
    private static final long FRESH_TOPIC_GRACE_MILLIS = 2_000;

    private MarketTopic() {
    }

    public static void ensure(String bootstrapServers, int partitions, short replication, Duration timeout) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000)))) {
            boolean existed = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .contains(Topics.MARKET_EVENTS);
            TopicProvisioner.ensureTopics(bootstrapServers, partitions, replication, timeout);
            if (existed) {
                return;
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                TopicDescription topic = admin.describeTopics(List.of(Topics.MARKET_EVENTS)).allTopicNames()
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(Topics.MARKET_EVENTS);
                if (topic.partitions().stream().map(TopicPartitionInfo::leader).allMatch(l -> l != null && !l.isEmpty())) {
                    break;
                }
                Thread.sleep(100);
            }
            LOG.infof("created %s; waiting %d ms for its leaders to serve produce requests", Topics.MARKET_EVENTS,
                    FRESH_TOPIC_GRACE_MILLIS);
            Thread.sleep(FRESH_TOPIC_GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing " + Topics.MARKET_EVENTS, e);
        } catch (Exception e) {
            throw new IllegalStateException("could not prepare " + Topics.MARKET_EVENTS + " on " + bootstrapServers + ": " + e, e);
        }
    }
}
