package io.steadystate.core.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates the system's topics when missing (idempotent): used by the local stack, the services and tests.
 *
 * <p>When it creates a topic it returns only once every partition has a leader, plus a short grace. Why:
 * measured on the local broker, producing at full rate into a topic created a moment earlier hit
 * NOT_LEADER_OR_FOLLOWER, then the idempotent producer looped on OUT_OF_ORDER_SEQUENCE_NUMBER until delivery
 * timed out (49 events lost). Leadership shows in metadata slightly before the broker serves produce requests.
 */
public final class TopicProvisioner {

    private static final long FRESH_TOPIC_GRACE_MILLIS = 2_000;

    private TopicProvisioner() {}

    /** Returns true when it created at least one topic (and waited for it to be writable). */
    public static boolean ensureTopics(String bootstrapServers, int partitions, short replication, Duration timeout) {
        return ensureTopics(KafkaConnection.plaintext(bootstrapServers), partitions, replication, timeout);
    }

    /** As above, through {@code kafka}'s listener and credentials. */
    public static boolean ensureTopics(KafkaConnection kafka, int partitions, short replication, Duration timeout) {
        String bootstrapServers = kafka.bootstrapServers();
        try (Admin admin = Admin.create(kafka.clientConfig(Map.of(
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000))))) {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (Topics.TopicSpec spec : Topics.ALL) {
                if (!existing.contains(spec.name())) {
                    NewTopic topic = new NewTopic(spec.name(), spec.keyedBySymbol() ? partitions : 1, replication);
                    if (spec.compacted()) {
                        topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                    }
                    missing.add(topic);
                }
            }
            if (missing.isEmpty()) {
                return false;
            }
            try {
                admin.createTopics(missing).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicAuthorizationException) {
                    // a cluster with ACLs (k8s/): nobody may create topics, its operator or topics Job provisions
                    // them, and listTopics only showed those this client may describe
                    return false;
                }
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e; // a concurrent creator won the race otherwise: fine
                }
            }
            awaitLeaders(admin, missing.stream().map(NewTopic::name).toList(), timeout);
            Thread.sleep(FRESH_TOPIC_GRACE_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics on " + bootstrapServers, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create topics on " + bootstrapServers + ": " + e, e);
        }
    }

    private static void awaitLeaders(Admin admin, List<String> topics, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, TopicDescription> described;
            try {
                described = admin.describeTopics(topics).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                // created, but the broker answering has not seen the new topic's metadata yet (seen in CI on a loaded
                // 2-core machine right after createTopics returned): the same wait as for a missing leader
                Thread.sleep(100);
                continue;
            }
            boolean led = described.values().stream()
                    .flatMap(d -> d.partitions().stream())
                    .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
            if (led) {
                return;
            }
            Thread.sleep(100);
        }
        throw new TimeoutException("partitions of " + topics + " have no leader after " + timeout);
    }
}
