package io.steadystate.k8s;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Schema-level checks of Strimzi KafkaUsers and KEDA TriggerAuthentications (and the Secrets they read). */
final class KafkaUserChecks {

    private static final Set<String> RESOURCE_TYPES = Set.of("topic", "group", "cluster", "transactionalId");
    private static final Set<String> PATTERNS = Set.of("literal", "prefix");
    private static final Set<String> OPERATIONS = Set.of(
            "Read",
            "Write",
            "Create",
            "Delete",
            "Alter",
            "Describe",
            "ClusterAction",
            "AlterConfigs",
            "DescribeConfigs",
            "IdempotentWrite",
            "All");

    private KafkaUserChecks() {}

    static void user(Map<String, Object> doc, List<Map<String, Object>> docs, String id, List<String> problems) {
        String cluster = Yaml.str(doc, "metadata", "labels", "strimzi.io/cluster");
        if (cluster == null
                || docs.stream()
                        .noneMatch(d ->
                                "Kafka".equals(d.get("kind")) && cluster.equals(Yaml.str(d, "metadata", "name")))) {
            problems.add(
                    id + ": label strimzi.io/cluster must name a Kafka in the same rendering (got " + cluster + ")");
        }
        Map<String, Object> ref = Yaml.map(doc, "spec", "authentication", "password", "valueFrom", "secretKeyRef");
        if (!ref.isEmpty()) {
            secretKey(Yaml.str(ref, "name"), Yaml.str(ref, "key"), docs, id, problems);
        }
        for (Map<String, Object> acl : Yaml.maps(doc, "spec", "authorization", "acls")) {
            String type = Yaml.str(acl, "resource", "type");
            if (!RESOURCE_TYPES.contains(type)) {
                problems.add(id + ": ACL resource type " + type + " is not one of " + RESOURCE_TYPES);
            }
            String pattern = Yaml.str(acl, "resource", "patternType");
            if (pattern != null && !PATTERNS.contains(pattern)) {
                problems.add(id + ": ACL patternType " + pattern + " is not one of " + PATTERNS);
            }
            if (!"cluster".equals(type) && Yaml.str(acl, "resource", "name") == null) {
                problems.add(id + ": ACL on a " + type + " needs resource.name");
            }
            List<Object> ops = Yaml.list(acl, "operations");
            if (ops.isEmpty()
                    || !OPERATIONS.containsAll(ops.stream().map(String::valueOf).toList())) {
                problems.add(id + ": ACL operations " + ops + " must be a non-empty subset of " + OPERATIONS);
            }
        }
    }

    static void triggerAuthentication(
            Map<String, Object> doc, List<Map<String, Object>> docs, String id, List<String> problems) {
        for (Map<String, Object> r : Yaml.maps(doc, "spec", "secretTargetRef")) {
            if (Yaml.str(r, "parameter") == null) {
                problems.add(id + ": secretTargetRef[].parameter is required");
            }
            secretKey(Yaml.str(r, "name"), Yaml.str(r, "key"), docs, id, problems);
        }
        String name = Yaml.str(doc, "metadata", "name");
        boolean used = docs.stream()
                .filter(d -> "ScaledObject".equals(d.get("kind")))
                .flatMap(d -> Yaml.maps(d, "spec", "triggers").stream())
                .anyMatch(t -> name.equals(Yaml.str(t, "authenticationRef", "name")));
        if (!used) {
            problems.add(id + ": no ScaledObject trigger uses it");
        }
    }

    /** Every trigger's authenticationRef names a TriggerAuthentication of the rendering. */
    static void triggerAuthenticationRefs(
            Map<String, Object> scaledObject, List<Map<String, Object>> docs, String id, List<String> problems) {
        for (Map<String, Object> t : Yaml.maps(scaledObject, "spec", "triggers")) {
            String ref = Yaml.str(t, "authenticationRef", "name");
            if (ref != null
                    && docs.stream()
                            .noneMatch(d -> "TriggerAuthentication".equals(d.get("kind"))
                                    && ref.equals(Yaml.str(d, "metadata", "name")))) {
                problems.add(id + ": authenticationRef " + ref + " names no TriggerAuthentication");
            }
        }
    }

    private static void secretKey(
            String secret, String key, List<Map<String, Object>> docs, String id, List<String> problems) {
        boolean found = docs.stream()
                .anyMatch(d -> "Secret".equals(d.get("kind"))
                        && secret != null
                        && secret.equals(Yaml.str(d, "metadata", "name"))
                        && (Yaml.strings(d, "data").containsKey(key)
                                || Yaml.strings(d, "stringData").containsKey(key)));
        if (!found) {
            problems.add(id + ": Secret " + secret + " with key " + key + " is not in the rendering");
        }
    }
}
