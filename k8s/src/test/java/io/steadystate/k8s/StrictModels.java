package io.steadystate.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strict parsing of rendered objects. Built-in kinds go into fabric8's typed models: a wrong type fails
 * deserialisation, and an unknown or misspelt field — which fabric8 quietly keeps in "additionalProperties" —
 * is reported with its path. Custom resources (Strimzi, Prometheus Operator, KEDA) have no typed model here;
 * {@link CustomResourceChecks} checks their apiVersion, kind, required and allowed fields.
 */
final class StrictModels {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private StrictModels() {}

    static String id(Map<String, Object> doc) {
        return doc.get("kind") + "/" + Yaml.str(doc, "metadata", "name");
    }

    /** Problems of every document; empty when all parse strictly. */
    static List<String> check(List<Map<String, Object>> docs) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> doc : docs) {
            if (doc.get("apiVersion") == null || doc.get("kind") == null || Yaml.str(doc, "metadata", "name") == null) {
                problems.add(id(doc) + ": apiVersion, kind and metadata.name are required");
                continue;
            }
            if (CustomResourceChecks.handles(doc)) {
                continue;
            }
            KubernetesResource typed;
            try {
                typed = SERIALIZATION.unmarshal(Yaml.JSON.writeValueAsString(doc), KubernetesResource.class);
            } catch (Exception e) {
                problems.add(id(doc) + ": does not parse into its model: " + rootMessage(e));
                continue;
            }
            if (typed instanceof GenericKubernetesResource) {
                problems.add(id(doc) + ": no typed model for " + doc.get("apiVersion") + " " + doc.get("kind")
                        + " (misspelt kind/apiVersion, or a custom resource without checks)");
                continue;
            }
            unknownFields(typed, id(doc), problems);
        }
        problems.addAll(CustomResourceChecks.check(docs));
        return problems;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    /** Walks the typed object graph; every non-empty additionalProperties map is an unknown field. */
    static void unknownFields(Object node, String path, List<String> problems) {
        if (node == null
                || node instanceof String
                || node instanceof Number
                || node instanceof Boolean
                || node instanceof Enum<?>
                || node.getClass().isPrimitive()) {
            return;
        }
        if (node instanceof Collection<?> c) {
            int i = 0;
            for (Object o : c) {
                unknownFields(o, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                unknownFields(e.getValue(), path + "." + e.getKey(), problems);
            }
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        try {
            Method extra = node.getClass().getMethod("getAdditionalProperties");
            Object v = extra.invoke(node);
            if (v instanceof Map<?, ?> m && !m.isEmpty()) {
                problems.add(path + ": unknown field(s) " + m.keySet() + " in "
                        + node.getClass().getSimpleName());
            }
        } catch (NoSuchMethodException e) {
            // types without additional properties cannot hold unknown fields
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        for (Class<?> c = node.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || SKIP.contains(f.getName())) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    unknownFields(f.get(node), path + "." + f.getName(), problems);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // inaccessible field: nothing to check
                }
            }
        }
    }

    private static final Set<String> SKIP = Set.of("additionalProperties");
}
