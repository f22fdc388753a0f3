package io.steadystate.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Kafka authentication and authorisation: each service's ACLs (components/kafka-strimzi/users.yaml) allow exactly
 * the topics and groups the service's own config and code use; the KRaft script grants the same; every overlay
 * that deploys Kafka authenticates its listener and hands each Deployment its own user.
 */
class KafkaAclsTest {

    static final List<String> SERVICES = List.of("market-data-service", "strategy-service", "order-service");
    private static final Set<String> ALLOWED_OPERATIONS = Set.of("Read", "Write", "Describe", "IdempotentWrite");

    /** What is wrong with {@code user}'s ACLs for what {@code usage} does; empty when they match exactly. */
    static List<String> problems(KafkaUsers.User user, ServiceKafkaUsage usage) {
        List<String> p = new ArrayList<>();
        Set<String> topics = ServiceKafkaUsage.allTopics();
        Set<String> read = user.allowed("topic", "Read", topics);
        Set<String> write = user.allowed("topic", "Write", topics);
        if (!read.equals(usage.reads())) {
            p.add(user.name() + " may read " + read + " but its config/code reads " + usage.reads());
        }
        if (!write.equals(usage.writes())) {
            p.add(user.name() + " may write " + write + " but its config/code writes " + usage.writes());
        }
        for (String t : usage.referenced()) {
            if (!read.contains(t) && !write.contains(t)) {
                p.add(user.name() + " names topic " + t + " but has no ACL on it");
            }
        }
        for (KafkaUsers.Acl a : user.acls("topic")) {
            if (topics.stream().noneMatch(a::covers)) {
                p.add(user.name() + " has an ACL on " + a.name() + " (" + a.pattern()
                        + "), which matches no topic of Topics.ALL");
            }
        }
        Set<String> groupAcls = new TreeSet<>();
        user.acls("group")
                .forEach(a -> groupAcls.add(
                        a.pattern() + ":" + a.name() + (a.operations().contains("Read") ? "" : " (without Read)")));
        Set<String> groupsUsed = new TreeSet<>();
        usage.groups().forEach(g -> groupsUsed.add("literal:" + g));
        usage.groupPrefixes().forEach(g -> groupsUsed.add("prefix:" + g));
        if (!groupAcls.equals(groupsUsed)) {
            p.add(user.name() + " has group ACLs " + groupAcls + " but its config uses the groups " + groupsUsed);
        }
        List<KafkaUsers.Acl> tx = user.acls("transactionalId");
        if (usage.transactional() && tx.stream().noneMatch(a -> a.operations().contains("Write"))) {
            p.add(user.name() + " sets a transactional.id but has no TransactionalId Write ACL");
        }
        // granted ahead of the order-service's move to transactions, but only ever under the service's own name
        tx.stream()
                .filter(a -> !("prefix".equals(a.pattern()) && a.name().equals(usage.service())))
                .forEach(
                        a -> p.add(user.name() + " has a TransactionalId ACL " + a.name() + " outside its own prefix"));
        for (KafkaUsers.Acl a : user.acls()) {
            if (!ALLOWED_OPERATIONS.containsAll(a.operations())) {
                p.add(user.name() + " has operations " + a.operations() + " on " + a.type() + " " + a.name() + " (only "
                        + ALLOWED_OPERATIONS + " are ever needed)");
            }
            if ("cluster".equals(a.type()) && !a.operations().equals(Set.of("IdempotentWrite"))) {
                p.add(user.name() + " has cluster operations " + a.operations());
            }
            if (Set.of("delegationToken", "user").contains(a.type())) {
                p.add(user.name() + " has an ACL on " + a.type());
            }
        }
        return p;
    }

    @TestFactory
    Stream<DynamicTest> eachServiceMayDoExactlyWhatItsConfigAndCodeDo() {
        List<KafkaUsers.User> users = KafkaUsers.declared();
        return SERVICES.stream()
                .map(s -> DynamicTest.dynamicTest(
                        s,
                        () -> assertThat(problems(KafkaUsers.user(users, s), ServiceKafkaUsage.of(s)))
                                .isEmpty()));
    }

    @Test
    void theDerivationSeesWhatTheServicesDo() {
        // anchors that the source/config reading works at all (an empty derivation would match empty ACLs)
        ServiceKafkaUsage strategy = ServiceKafkaUsage.of("strategy-service");
        // its outputs too: the delivery loop's stranded-transaction check (DescribeProducers needs Read)
        assertThat(strategy.reads())
                .containsExactlyInAnyOrder("market.events", "strategy.params", "strategy.signals", "strategy.dlq");
        assertThat(strategy.writes()).containsExactlyInAnyOrder("strategy.signals", "strategy.dlq", "strategy.params");
        assertThat(strategy.groupPrefixes()).containsExactly("strategy-service-params-");
        ServiceKafkaUsage order = ServiceKafkaUsage.of("order-service");
        assertThat(order.reads()).contains("strategy.signals", "market.events", "order.open-orders", "order.dlq");
        assertThat(order.writes()).contains("order.events", "order.dlq");
        assertThat(ServiceKafkaUsage.of("market-data-service").writes()).containsExactly("market.events");
        // it resumes a restart from the tail of its own topic (resume/TopicTail): a read, without a group
        assertThat(ServiceKafkaUsage.of("market-data-service").reads()).containsExactly("market.events");
    }

    @Test
    void aBroaderOrNarrowerAclIsCaught() {
        List<KafkaUsers.User> users = KafkaUsers.declared();
        KafkaUsers.User strategy = KafkaUsers.user(users, "strategy-service");
        List<KafkaUsers.Acl> broader = new ArrayList<>(strategy.acls());
        broader.add(new KafkaUsers.Acl("topic", "market.events", "literal", Set.of("Write")));
        assertThat(problems(
                        new KafkaUsers.User(strategy.name(), null, null, broader),
                        ServiceKafkaUsage.of("strategy-service")))
                .anySatisfy(p -> assertThat(p).contains("may write [market.events"));
        List<KafkaUsers.Acl> narrower = strategy.acls().stream()
                .filter(a -> !a.pattern().equals("prefix"))
                .toList();
        assertThat(problems(
                        new KafkaUsers.User(strategy.name(), null, null, narrower),
                        ServiceKafkaUsage.of("strategy-service")))
                .anySatisfy(p -> assertThat(p).contains("prefix:strategy-service-params-"));
        List<KafkaUsers.Acl> all = List.of(new KafkaUsers.Acl("topic", "", "prefix", Set.of("All")));
        assertThat(problems(
                        new KafkaUsers.User("order-service", null, null, all), ServiceKafkaUsage.of("order-service")))
                .anySatisfy(p -> assertThat(p).contains("only ["))
                .anySatisfy(p -> assertThat(p).contains("may read"));
    }

    @Test
    void kedaMayOnlyDescribeTheGroupsAndTopicsItScalesOn() {
        Set<String> expected = new TreeSet<>();
        for (Map<String, Object> so : Yaml.documents(K8sDir.resolve("components/keda/scaledobjects.yaml"))) {
            for (Map<String, Object> t : Yaml.maps(so, "spec", "triggers")) {
                expected.add("group:" + Yaml.str(t, "metadata", "consumerGroup"));
                expected.add("topic:" + Yaml.str(t, "metadata", "topic"));
            }
        }
        expected.remove("group:null");
        Set<String> granted = new TreeSet<>();
        for (KafkaUsers.Acl a :
                KafkaUsers.user(KafkaUsers.declared(), "keda-operator").acls()) {
            assertThat(a.operations()).as(a.toString()).containsExactly("Describe");
            assertThat(a.pattern()).isEqualTo("literal");
            granted.add(a.type() + ":" + a.name());
        }
        assertThat(granted).isEqualTo(expected);
    }

    @Test
    void everyUserIsAServiceOrKedaAndReadsItsPasswordFromKafkaCredentials() {
        assertThat(KafkaUsers.declared())
                .extracting(KafkaUsers.User::name)
                .containsExactlyInAnyOrder("market-data-service", "strategy-service", "order-service", "keda-operator");
        assertThat(KafkaUsers.declared()).allSatisfy(u -> {
            assertThat(u.passwordSecret()).isEqualTo("kafka-credentials");
            assertThat(u.passwordKey()).isEqualTo(u.name());
        });
    }

    @Test
    void kraftScriptGrantsTheSameAsTheKafkaUsers() throws IOException {
        String generated = KafkaUsers.script(KafkaUsers.declared());
        if (Boolean.getBoolean("k8s.regenerate")) {
            Files.writeString(KafkaUsers.KRAFT_SCRIPT, generated);
        }
        assertThat(Files.readString(KafkaUsers.KRAFT_SCRIPT))
                .as("%s differs from %s: run with -Dk8s.regenerate=true", KafkaUsers.KRAFT_SCRIPT, KafkaUsers.USERS)
                .isEqualTo(generated);
        assertThat(generated)
                .contains("acl strategy-service --group strategy-service-params- --resource-pattern-type prefixed")
                .contains(
                        "acl order-service --transactional-id order-service --resource-pattern-type prefixed --operation Describe --operation Write")
                .contains("acl order-service --cluster --operation IdempotentWrite");
    }

    @TestFactory
    Stream<DynamicTest> everyOverlayAuthenticatesKafkaAndGivesEachServiceItsUser() {
        return K8sDir.overlays().stream()
                .map(o -> DynamicTest.dynamicTest(o.getFileName().toString(), () -> {
                    List<Map<String, Object>> docs = Kustomize.render(o).docs();
                    assertThat(KafkaAuthChecks.check(docs)).isEmpty();
                }));
    }

    @Test
    void aPlaintextListenerOrAMissingUserIsCaught() {
        List<Map<String, Object>> prod =
                Yaml.deepCopy(Kustomize.render(K8sDir.resolve("overlays/prod")).docs());
        Map<String, Object> kafka = OverlayManifestsTest.one(prod, "Kafka", "steadystate");
        Yaml.maps(kafka, "spec", "kafka", "listeners").get(0).remove("authentication");
        Yaml.maps(kafka, "spec", "kafka", "listeners").get(0).remove("networkPolicyPeers");
        prod.removeIf(
                d -> "KafkaUser".equals(d.get("kind")) && "order-service".equals(Yaml.str(d, "metadata", "name")));
        assertThat(KafkaAuthChecks.check(prod))
                .anySatisfy(p -> assertThat(p).contains("without SCRAM-SHA-512"))
                .anySatisfy(p -> assertThat(p).contains("networkPolicyPeers"))
                .anySatisfy(
                        p -> assertThat(p).contains("order-service logs in as order-service, which is no KafkaUser"));

        List<Map<String, Object>> kraft = Yaml.deepCopy(
                Kustomize.render(K8sDir.resolve("overlays/prod-kraft")).docs());
        kraft.stream()
                .filter(d -> "ConfigMap".equals(d.get("kind"))
                        && Yaml.str(d, "metadata", "name").startsWith("kafka-config"))
                .forEach(d -> Yaml.map(d, "data").put("KAFKA_LISTENERS", "PLAINTEXT://:9092,CONTROLLER://:9093"));
        assertThat(KafkaAuthChecks.check(kraft)).anySatisfy(p -> assertThat(p).contains("KAFKA_LISTENERS"));
    }
}
