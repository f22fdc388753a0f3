package io.steadystate.k8s;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks of one rendering that Kafka is not open: the listener clients use authenticates (SCRAM-SHA-512) and
 * authorises (Strimzi simple / KRaft StandardAuthorizer), Strimzi's listener names its network peers, every
 * service logs in as its own user with the password from the Secret kafka-credentials.
 */
final class KafkaAuthChecks {

    private static final Pattern SCRAM_LINE = Pattern.compile("(?m)^scram (\\S+)$");

    private KafkaAuthChecks() {}

    static List<String> check(List<Map<String, Object>> docs) {
        List<String> problems = new ArrayList<>();
        Set<String> users = new TreeSet<>();
        boolean strimzi = false;
        boolean kraft = false;
        for (Map<String, Object> d : docs) {
            String kind = String.valueOf(d.get("kind"));
            String name = Yaml.str(d, "metadata", "name");
            if ("Kafka".equals(kind)) {
                strimzi = true;
                for (Map<String, Object> l : Yaml.maps(d, "spec", "kafka", "listeners")) {
                    if (!"scram-sha-512".equals(Yaml.str(l, "authentication", "type"))) {
                        problems.add("Kafka " + name + ": listener " + l.get("name")
                                + " without SCRAM-SHA-512 authentication");
                    }
                    if (Yaml.list(l, "networkPolicyPeers").isEmpty()) {
                        problems.add("Kafka " + name + ": listener " + l.get("name")
                                + " has no networkPolicyPeers (any pod may connect)");
                    }
                }
                if (!"simple".equals(Yaml.str(d, "spec", "kafka", "authorization", "type"))) {
                    problems.add("Kafka " + name + ": no simple authorization (ACLs are not enforced)");
                }
            } else if ("KafkaUser".equals(kind)) {
                users.add(name);
                if (!"scram-sha-512".equals(Yaml.str(d, "spec", "authentication", "type"))
                        || !"simple".equals(Yaml.str(d, "spec", "authorization", "type"))) {
                    problems.add("KafkaUser " + name + ": needs authentication scram-sha-512 and authorization simple");
                }
            } else if ("ConfigMap".equals(kind) && name.startsWith("kafka-config")) {
                kraft = true;
                kraftBroker(Yaml.strings(d, "data"), problems);
            } else if ("ConfigMap".equals(kind) && name.startsWith("kafka-users")) {
                Matcher m = SCRAM_LINE.matcher(
                        String.valueOf(Yaml.strings(d, "data").get("kafka-users.sh")));
                while (m.find()) {
                    users.add(m.group(1));
                }
            } else if ("ConfigMap".equals(kind) && name.startsWith("steadystate-common")) {
                Map<String, String> data = Yaml.strings(d, "data");
                if (!"SASL_PLAINTEXT".equals(data.get("KAFKA_SECURITY_PROTOCOL"))
                        || !"SCRAM-SHA-512".equals(data.get("KAFKA_SASL_MECHANISM"))) {
                    problems.add("ConfigMap " + name
                            + ": KAFKA_SECURITY_PROTOCOL/KAFKA_SASL_MECHANISM are not SASL_PLAINTEXT/SCRAM-SHA-512");
                }
            }
        }
        if (!strimzi && !kraft) {
            return problems; // no Kafka in this rendering
        }
        Set<String> credentialKeys = new TreeSet<>();
        docs.stream()
                .filter(d ->
                        "Secret".equals(d.get("kind")) && "kafka-credentials".equals(Yaml.str(d, "metadata", "name")))
                .forEach(s -> {
                    credentialKeys.addAll(Yaml.strings(s, "data").keySet());
                    credentialKeys.addAll(Yaml.strings(s, "stringData").keySet());
                });
        for (String u : users) {
            if (!credentialKeys.contains(u)) {
                problems.add("Secret kafka-credentials has no password for the Kafka user " + u);
            }
        }
        for (Map<String, Object> d : docs) {
            if ("Deployment".equals(d.get("kind"))
                    && "service".equals(Yaml.str(d, "metadata", "labels", "app.kubernetes.io/component"))) {
                for (Map<String, Object> c : Yaml.maps(d, "spec", "template", "spec", "containers")) {
                    serviceLogin(Yaml.str(c, "name"), c, users, problems);
                }
            }
        }
        return problems;
    }

    private static void serviceLogin(
            String container, Map<String, Object> c, Set<String> users, List<String> problems) {
        Map<String, Map<String, Object>> env = new LinkedHashMap<>();
        Yaml.maps(c, "env").forEach(e -> env.put(Yaml.str(e, "name"), e));
        String user = env.containsKey("SCRAM_USERNAME") ? Yaml.str(env.get("SCRAM_USERNAME"), "value") : null;
        if (user == null || !user.equals(container)) {
            problems.add(container + ": SCRAM_USERNAME is " + user + ", not its own user " + container);
        } else if (!users.contains(user)) {
            problems.add(container + " logs in as " + user + ", which is no KafkaUser of this rendering " + users);
        }
        Map<String, Object> password = env.get("SCRAM_PASSWORD");
        if (password == null
                || !"kafka-credentials".equals(Yaml.str(password, "valueFrom", "secretKeyRef", "name"))
                || !container.equals(Yaml.str(password, "valueFrom", "secretKeyRef", "key"))) {
            problems.add(container + ": SCRAM_PASSWORD must come from Secret kafka-credentials, key " + container);
        }
        String jaas =
                env.containsKey("KAFKA_SASL_JAAS_CONFIG") ? Yaml.str(env.get("KAFKA_SASL_JAAS_CONFIG"), "value") : "";
        if (!jaas.startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required")
                || !jaas.contains("username=\"$(SCRAM_USERNAME)\"")
                || !jaas.contains("password=\"$(SCRAM_PASSWORD)\"")) {
            problems.add(container
                    + ": KAFKA_SASL_JAAS_CONFIG is not the SCRAM login of $(SCRAM_USERNAME)/$(SCRAM_PASSWORD): "
                    + jaas);
        }
    }

    /** The listener on 9092 (the one clients reach through kafka-bootstrap) must be SASL; ACLs must be enforced. */
    private static void kraftBroker(Map<String, String> cfg, List<String> problems) {
        Map<String, String> protocols = new LinkedHashMap<>();
        for (String pair :
                cfg.getOrDefault("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "").split(",")) {
            String[] kv = pair.split(":");
            if (kv.length == 2) {
                protocols.put(kv[0], kv[1]);
            }
        }
        String listeners = cfg.getOrDefault("KAFKA_LISTENERS", "");
        Arrays.stream(listeners.split(",")).filter(l -> l.endsWith(":9092")).forEach(l -> {
            String listener = l.substring(0, l.indexOf(':'));
            if (!"SASL_PLAINTEXT".equals(protocols.getOrDefault(listener, listener))
                    && !"SASL_SSL".equals(protocols.getOrDefault(listener, listener))) {
                problems.add("kafka-config: the client listener " + l + " of KAFKA_LISTENERS is not SASL");
            }
        });
        if (!String.valueOf(cfg.get("KAFKA_SASL_ENABLED_MECHANISMS")).contains("SCRAM-SHA-512")) {
            problems.add("kafka-config: KAFKA_SASL_ENABLED_MECHANISMS lacks SCRAM-SHA-512");
        }
        if (!"org.apache.kafka.metadata.authorizer.StandardAuthorizer".equals(cfg.get("KAFKA_AUTHORIZER_CLASS_NAME"))) {
            problems.add("kafka-config: KAFKA_AUTHORIZER_CLASS_NAME is not the StandardAuthorizer (ACLs not enforced)");
        }
        if ("true".equalsIgnoreCase(cfg.get("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND"))) {
            problems.add("kafka-config: KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND=true opens every resource without an ACL");
        }
    }
}
