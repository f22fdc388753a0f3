package io.steadystate.k8s;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Kafka users and ACLs of components/kafka-strimzi/users.yaml (Strimzi {@code KafkaUser}s), the single list of
 * who may do what on the cluster, and the same users and ACLs as a script of {@code kafka-configs}/{@code kafka-acls}
 * calls for the KRaft StatefulSet without the operator (components/kafka-kraft/kafka-users.sh).
 */
final class KafkaUsers {

    /** One ACL: Strimzi's resource type (topic, group, transactionalId, cluster), name, literal|prefix, operations. */
    record Acl(String type, String name, String pattern, Set<String> operations) {

        boolean covers(String resourceName) {
            return "prefix".equals(pattern) ? resourceName.startsWith(name) : resourceName.equals(name);
        }
    }

    record User(String name, String passwordSecret, String passwordKey, List<Acl> acls) {

        List<Acl> acls(String type) {
            return acls.stream().filter(a -> a.type().equals(type)).toList();
        }

        /** The names of {@code candidates} this user may perform {@code operation} on, by the ACLs of {@code type}. */
        Set<String> allowed(String type, String operation, Iterable<String> candidates) {
            Set<String> out = new TreeSet<>();
            for (String c : candidates) {
                if (acls(type).stream().anyMatch(a -> a.operations().contains(operation) && a.covers(c))) {
                    out.add(c);
                }
            }
            return out;
        }
    }

    static final Path USERS = K8sDir.resolve("components/kafka-strimzi/users.yaml");
    static final Path KRAFT_SCRIPT = K8sDir.resolve("components/kafka-kraft/kafka-users.sh");

    private KafkaUsers() {}

    static List<User> parse(List<Map<String, Object>> docs) {
        List<User> users = new ArrayList<>();
        for (Map<String, Object> d : docs) {
            if (!"KafkaUser".equals(d.get("kind"))) {
                continue;
            }
            List<Acl> acls = new ArrayList<>();
            for (Map<String, Object> a : Yaml.maps(d, "spec", "authorization", "acls")) {
                Map<String, Object> r = Yaml.map(a, "resource");
                String pattern = Yaml.str(r, "patternType");
                acls.add(new Acl(
                        Yaml.str(r, "type"),
                        Yaml.str(r, "name"),
                        pattern == null ? "literal" : pattern,
                        new TreeSet<>(Yaml.list(a, "operations").stream()
                                .map(String::valueOf)
                                .toList())));
            }
            users.add(new User(
                    Yaml.str(d, "metadata", "name"),
                    Yaml.str(d, "spec", "authentication", "password", "valueFrom", "secretKeyRef", "name"),
                    Yaml.str(d, "spec", "authentication", "password", "valueFrom", "secretKeyRef", "key"),
                    acls));
        }
        return users;
    }

    static List<User> declared() {
        return parse(Yaml.documents(USERS));
    }

    static User user(List<User> users, String name) {
        return users.stream()
                .filter(u -> u.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no KafkaUser " + name + " in " + USERS));
    }

    /** The KRaft equivalent of the KafkaUsers: idempotent SCRAM upserts and ACL additions. */
    static String script(List<User> users) {
        StringBuilder s = new StringBuilder("""
                #!/bin/bash
                # GENERATED from ../kafka-strimzi/users.yaml by KafkaAclsTest - do not edit; the test fails when they differ.
                # Regenerate: ./mvnw -B -q verify -pl k8s -Dk8s.regenerate=true
                # Run by the topics Job against the INTERNAL listener; /credentials/<user> holds each password (hex: no
                # ',' or ']' that the SCRAM config syntax would split on). Both commands are idempotent.
                set -euo pipefail
                B="$KAFKA_ADMIN_BOOTSTRAP"
                scram() {
                  /opt/kafka/bin/kafka-configs.sh --bootstrap-server "$B" --alter --entity-type users --entity-name "$1" \\
                    --add-config "SCRAM-SHA-512=[iterations=8192,password=$(cat "/credentials/$1")]"
                }
                acl() {
                  local user="$1"; shift
                  /opt/kafka/bin/kafka-acls.sh --bootstrap-server "$B" --add --allow-principal "User:$user" "$@"
                }
                """);
        for (User u : users) {
            s.append("\n# ").append(u.name()).append('\n');
            s.append("scram ").append(u.name()).append('\n');
            for (Acl a : u.acls()) {
                s.append("acl ").append(u.name());
                switch (a.type()) {
                    case "topic" -> s.append(" --topic ").append(a.name());
                    case "group" -> s.append(" --group ").append(a.name());
                    case "transactionalId" -> s.append(" --transactional-id ").append(a.name());
                    case "cluster" -> s.append(" --cluster");
                    default -> throw new IllegalArgumentException("ACL resource type " + a.type() + " of " + u.name());
                }
                if (!"cluster".equals(a.type())) {
                    s.append(" --resource-pattern-type ").append("prefix".equals(a.pattern()) ? "prefixed" : "literal");
                }
                for (String op : a.operations()) {
                    s.append(" --operation ").append(op);
                }
                s.append('\n');
            }
        }
        s.append("\n/opt/kafka/bin/kafka-acls.sh --bootstrap-server \"$B\" --list\n");
        return s.toString();
    }
}
