package io.steadystate.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Custom resources we ship, checked without their CRDs: the apiVersion each kind is served under, required
 * fields, and the allowed top-level spec fields (so a misspelt spec key fails as it would against the CRD schema).
 */
final class CustomResourceChecks {

    record Kind(String apiVersion, Set<String> allowedSpec) {}

    static final Map<String, Kind> KINDS = Map.of(
            "Kafka",
                    new Kind(
                            "kafka.strimzi.io/v1beta2",
                            Set.of(
                                    "kafka",
                                    "zookeeper",
                                    "entityOperator",
                                    "clusterCa",
                                    "clientsCa",
                                    "cruiseControl",
                                    "kafkaExporter",
                                    "maintenanceTimeWindows")),
            "KafkaNodePool",
                    new Kind(
                            "kafka.strimzi.io/v1beta2",
                            Set.of("replicas", "roles", "storage", "resources", "jvmOptions", "template")),
            "KafkaTopic", new Kind("kafka.strimzi.io/v1beta2", Set.of("topicName", "partitions", "replicas", "config")),
            "KafkaUser",
                    new Kind(
                            "kafka.strimzi.io/v1beta2",
                            Set.of("authentication", "authorization", "quotas", "template")),
            "ServiceMonitor",
                    new Kind(
                            "monitoring.coreos.com/v1",
                            Set.of(
                                    "selector",
                                    "endpoints",
                                    "namespaceSelector",
                                    "jobLabel",
                                    "targetLabels",
                                    "podTargetLabels",
                                    "sampleLimit",
                                    "targetLimit",
                                    "attachMetadata")),
            "PodMonitor",
                    new Kind(
                            "monitoring.coreos.com/v1",
                            Set.of(
                                    "selector",
                                    "podMetricsEndpoints",
                                    "namespaceSelector",
                                    "jobLabel",
                                    "podTargetLabels",
                                    "sampleLimit",
                                    "targetLimit",
                                    "attachMetadata")),
            "PrometheusRule", new Kind("monitoring.coreos.com/v1", Set.of("groups")),
            "ScaledObject",
                    new Kind(
                            "keda.sh/v1alpha1",
                            Set.of(
                                    "scaleTargetRef",
                                    "pollingInterval",
                                    "cooldownPeriod",
                                    "initialCooldownPeriod",
                                    "idleReplicaCount",
                                    "minReplicaCount",
                                    "maxReplicaCount",
                                    "fallback",
                                    "advanced",
                                    "triggers")),
            "TriggerAuthentication",
                    new Kind(
                            "keda.sh/v1alpha1",
                            Set.of(
                                    "secretTargetRef",
                                    "env",
                                    "configMapTargetRef",
                                    "podIdentity",
                                    "hashiCorpVault",
                                    "azureKeyVault",
                                    "awsSecretManager",
                                    "gcpSecretManager",
                                    "boundServiceAccountToken")));

    private CustomResourceChecks() {}

    static boolean handles(Map<String, Object> doc) {
        return KINDS.containsKey(String.valueOf(doc.get("kind")))
                || String.valueOf(doc.get("apiVersion")).matches(".*(strimzi\\.io|coreos\\.com|keda\\.sh)/.*");
    }

    static List<String> check(List<Map<String, Object>> docs) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> doc : docs) {
            if (!handles(doc)) {
                continue;
            }
            String kind = String.valueOf(doc.get("kind"));
            String id = StrictModels.id(doc);
            Kind k = KINDS.get(kind);
            if (k == null) {
                problems.add(id + ": unknown custom resource kind " + kind + " (" + doc.get("apiVersion") + ")");
                continue;
            }
            if (!k.apiVersion().equals(doc.get("apiVersion"))) {
                problems.add(id + ": apiVersion " + doc.get("apiVersion") + ", expected " + k.apiVersion());
            }
            Map<String, Object> spec = Yaml.map(doc, "spec");
            if (spec.isEmpty()) {
                problems.add(id + ": spec is required");
                continue;
            }
            for (String key : spec.keySet()) {
                if (!k.allowedSpec().contains(key)) {
                    problems.add(id + ": unknown field spec." + key);
                }
            }
            switch (kind) {
                case "Kafka" -> kafka(doc, docs, id, problems);
                case "KafkaNodePool" -> nodePool(doc, docs, id, problems);
                case "KafkaTopic" -> topic(doc, docs, id, problems);
                case "ServiceMonitor" -> {
                    require(Yaml.at(doc, "spec", "selector") instanceof Map, id, "spec.selector", problems);
                    List<Map<String, Object>> eps = Yaml.maps(doc, "spec", "endpoints");
                    require(!eps.isEmpty(), id, "spec.endpoints (non-empty)", problems);
                    eps.forEach(ep -> require(
                            ep.get("port") != null || ep.get("targetPort") != null,
                            id,
                            "spec.endpoints[].port or targetPort",
                            problems));
                    releaseLabel(doc, id, problems);
                }
                case "PodMonitor" -> {
                    require(Yaml.at(doc, "spec", "selector") instanceof Map, id, "spec.selector", problems);
                    List<Map<String, Object>> eps = Yaml.maps(doc, "spec", "podMetricsEndpoints");
                    require(!eps.isEmpty(), id, "spec.podMetricsEndpoints (non-empty)", problems);
                    eps.forEach(ep -> require(
                            ep.get("port") != null || ep.get("portNumber") != null,
                            id,
                            "spec.podMetricsEndpoints[].port",
                            problems));
                    releaseLabel(doc, id, problems);
                }
                case "PrometheusRule" -> {
                    List<Map<String, Object>> groups = Yaml.maps(doc, "spec", "groups");
                    require(!groups.isEmpty(), id, "spec.groups (non-empty)", problems);
                    for (Map<String, Object> g : groups) {
                        require(g.get("name") != null, id, "spec.groups[].name", problems);
                        List<Map<String, Object>> rules = Yaml.maps(g, "rules");
                        require(!rules.isEmpty(), id, "spec.groups[].rules (non-empty)", problems);
                        for (Map<String, Object> r : rules) {
                            require(r.get("expr") != null, id, "rules[].expr", problems);
                            require(
                                    r.containsKey("alert") ^ r.containsKey("record"),
                                    id,
                                    "exactly one of rules[].alert / record",
                                    problems);
                        }
                    }
                    releaseLabel(doc, id, problems);
                }
                case "ScaledObject" -> scaledObject(doc, docs, id, problems);
                case "KafkaUser" -> KafkaUserChecks.user(doc, docs, id, problems);
                case "TriggerAuthentication" -> KafkaUserChecks.triggerAuthentication(doc, docs, id, problems);
                default -> {}
            }
        }
        return problems;
    }

    private static void kafka(
            Map<String, Object> doc, List<Map<String, Object>> docs, String id, List<String> problems) {
        List<Map<String, Object>> listeners = Yaml.maps(doc, "spec", "kafka", "listeners");
        require(!listeners.isEmpty(), id, "spec.kafka.listeners (non-empty)", problems);
        for (Map<String, Object> l : listeners) {
            for (String f : List.of("name", "port", "type", "tls")) {
                require(l.get(f) != null, id, "spec.kafka.listeners[]." + f, problems);
            }
        }
        require(
                "enabled".equals(Yaml.str(doc, "metadata", "annotations", "strimzi.io/kraft")),
                id,
                "annotation strimzi.io/kraft: enabled",
                problems);
        require(
                "enabled".equals(Yaml.str(doc, "metadata", "annotations", "strimzi.io/node-pools")),
                id,
                "annotation strimzi.io/node-pools: enabled",
                problems);
        String name = Yaml.str(doc, "metadata", "name");
        require(
                docs.stream()
                        .anyMatch(d -> "KafkaNodePool".equals(d.get("kind"))
                                && name.equals(Yaml.str(d, "metadata", "labels", "strimzi.io/cluster"))),
                id,
                "a KafkaNodePool labelled strimzi.io/cluster=" + name,
                problems);
    }

    private static void nodePool(
            Map<String, Object> doc, List<Map<String, Object>> docs, String id, List<String> problems) {
        require(Yaml.at(doc, "spec", "replicas") instanceof Integer, id, "spec.replicas (integer)", problems);
        List<Object> roles = Yaml.list(doc, "spec", "roles");
        require(
                !roles.isEmpty() && Set.of("controller", "broker").containsAll(roles),
                id,
                "spec.roles within [controller, broker]",
                problems);
        require(Yaml.str(doc, "spec", "storage", "type") != null, id, "spec.storage.type", problems);
        clusterExists(doc, docs, id, problems);
    }

    private static void topic(
            Map<String, Object> doc, List<Map<String, Object>> docs, String id, List<String> problems) {
        require(
                Yaml.at(doc, "spec", "partitions") instanceof Integer p && p > 0,
                id,
                "spec.partitions (> 0)",
                problems);
        require(Yaml.at(doc, "spec", "replicas") instanceof Integer r && r > 0, id, "spec.replicas (> 0)", problems);
        clusterExists(doc, docs, id, problems);
        int brokers = docs.stream()
                .filter(d -> "KafkaNodePool".equals(d.get("kind"))
                        && Yaml.list(d, "spec", "roles").contains("broker"))
                .mapToInt(d -> Yaml.at(d, "spec", "replicas") instanceof Integer i ? i : 0)
                .sum();
        if (Yaml.at(doc, "spec", "replicas") instanceof Integer r && brokers > 0 && r > brokers) {
            problems.add(id + ": spec.replicas " + r + " exceeds the " + brokers + " broker nodes");
        }
    }

    private static void clusterExists(
            Map<String, Object> doc, List<Map<String, Object>> docs, String id, List<String> problems) {
        String cluster = Yaml.str(doc, "metadata", "labels", "strimzi.io/cluster");
        require(
                cluster != null
                        && docs.stream()
                                .anyMatch(d -> "Kafka".equals(d.get("kind"))
                                        && cluster.equals(Yaml.str(d, "metadata", "name"))),
                id,
                "label strimzi.io/cluster naming a Kafka in the same rendering (got " + cluster + ")",
                problems);
    }

    private static void scaledObject(
            Map<String, Object> doc, List<Map<String, Object>> docs, String id, List<String> problems) {
        String target = Yaml.str(doc, "spec", "scaleTargetRef", "name");
        require(
                target != null
                        && docs.stream()
                                .anyMatch(d -> "Deployment".equals(d.get("kind"))
                                        && target.equals(Yaml.str(d, "metadata", "name"))),
                id,
                "spec.scaleTargetRef.name naming a Deployment (got " + target + ")",
                problems);
        List<Map<String, Object>> triggers = Yaml.maps(doc, "spec", "triggers");
        require(!triggers.isEmpty(), id, "spec.triggers (non-empty)", problems);
        KafkaUserChecks.triggerAuthenticationRefs(doc, docs, id, problems);
        for (Map<String, Object> t : triggers) {
            require(t.get("type") != null, id, "spec.triggers[].type", problems);
            if ("kafka".equals(t.get("type"))) {
                Map<String, Object> md = Yaml.map(t, "metadata");
                require(
                        md.get("bootstrapServers") != null || md.get("bootstrapServersFromEnv") != null,
                        id,
                        "kafka trigger bootstrapServers or bootstrapServersFromEnv",
                        problems);
                require(md.get("consumerGroup") != null, id, "kafka trigger consumerGroup", problems);
                require(
                        md.get("lagThreshold") instanceof String,
                        id,
                        "kafka trigger lagThreshold (a string)",
                        problems);
                String topic = Yaml.str(md, "topic");
                Object max = Yaml.at(doc, "spec", "maxReplicaCount");
                docs.stream()
                        .filter(d -> "KafkaTopic".equals(d.get("kind"))
                                && topic != null
                                && topic.equals(Yaml.str(d, "spec", "topicName")))
                        .forEach(d -> {
                            if (max instanceof Integer m
                                    && Yaml.at(d, "spec", "partitions") instanceof Integer p
                                    && m > p) {
                                problems.add(id + ": maxReplicaCount " + m + " exceeds the " + p + " partitions of "
                                        + topic);
                            }
                        });
            }
        }
    }

    private static void releaseLabel(Map<String, Object> doc, String id, List<String> problems) {
        require(
                "kube-prometheus-stack".equals(Yaml.str(doc, "metadata", "labels", "release")),
                id,
                "label release: kube-prometheus-stack (the chart's default selectors)",
                problems);
    }

    private static void require(boolean ok, String id, String what, List<String> problems) {
        if (!ok) {
            problems.add(id + ": missing or invalid " + what);
        }
    }
}
