package io.steadystate.k8s;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Cross-reference checks of one rendering: selectors match pod labels, Service ports match container ports,
 * referenced ConfigMaps/Secrets/ServiceAccounts exist, probes hit the Quarkus health endpoints, every container
 * has limits with memory request = limit, restricted security contexts, explicit heap and GC for the services.
 */
final class CrossReferences {

    static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job");
    static final Map<String, String> HEALTH = Map.of(
            "livenessProbe",
            "/q/health/live",
            "readinessProbe",
            "/q/health/ready",
            "startupProbe",
            "/q/health/started");
    static final Set<String> SERVICES = Set.of("market-data-service", "strategy-service", "order-service");

    private CrossReferences() {}

    record Pod(String owner, Map<String, String> labels, Map<String, Object> spec) {
        List<Map<String, Object>> containers() {
            List<Map<String, Object>> all = new ArrayList<>(Yaml.maps(spec, "containers"));
            all.addAll(Yaml.maps(spec, "initContainers"));
            return all;
        }
    }

    static List<Pod> pods(List<Map<String, Object>> docs) {
        return docs.stream()
                .filter(d -> WORKLOADS.contains(String.valueOf(d.get("kind"))))
                .map(d -> new Pod(
                        StrictModels.id(d),
                        Yaml.strings(d, "spec", "template", "metadata", "labels"),
                        Yaml.map(d, "spec", "template", "spec")))
                .toList();
    }

    static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        return !selector.isEmpty()
                && selector.entrySet().stream().allMatch(e -> Objects.equals(labels.get(e.getKey()), e.getValue()));
    }

    static boolean exists(List<Map<String, Object>> docs, String kind, String name) {
        return docs.stream()
                .anyMatch(d -> kind.equals(d.get("kind")) && Objects.equals(name, Yaml.str(d, "metadata", "name")));
    }

    static List<String> check(List<Map<String, Object>> docs) {
        List<String> problems = new ArrayList<>();
        List<Pod> pods = pods(docs);
        for (Map<String, Object> d : docs) {
            String id = StrictModels.id(d);
            String kind = String.valueOf(d.get("kind"));
            if (WORKLOADS.contains(kind) && !kind.equals("Job")) {
                Map<String, String> sel = Yaml.strings(d, "spec", "selector", "matchLabels");
                if (!matches(sel, Yaml.strings(d, "spec", "template", "metadata", "labels"))) {
                    problems.add(id + ": spec.selector " + sel + " does not match its pod template labels");
                }
            }
            if (kind.equals("Service")) {
                service(d, id, pods, problems);
            }
            if (kind.equals("NetworkPolicy") || kind.equals("PodDisruptionBudget")) {
                String path = kind.equals("NetworkPolicy") ? "podSelector" : "selector";
                Map<String, String> sel = Yaml.strings(d, "spec", path, "matchLabels");
                boolean selectsAll = kind.equals("NetworkPolicy")
                        && Yaml.map(d, "spec", path).isEmpty();
                if (!selectsAll && pods.stream().noneMatch(p -> matches(sel, p.labels()))) {
                    problems.add(id + ": spec." + path + " " + sel + " matches no pod");
                }
            }
            if (kind.equals("RoleBinding")
                    && !exists(docs, Yaml.str(d, "roleRef", "kind"), Yaml.str(d, "roleRef", "name"))) {
                problems.add(id + ": roleRef " + Yaml.str(d, "roleRef", "name") + " does not exist");
            }
            if (kind.equals("ServiceMonitor")) {
                Map<String, String> sel = Yaml.strings(d, "spec", "selector", "matchLabels");
                List<Map<String, Object>> svcs = docs.stream()
                        .filter(s ->
                                "Service".equals(s.get("kind")) && matches(sel, Yaml.strings(s, "metadata", "labels")))
                        .toList();
                if (svcs.isEmpty()) {
                    problems.add(id + ": selector " + sel + " matches no Service");
                }
                for (Map<String, Object> ep : Yaml.maps(d, "spec", "endpoints")) {
                    for (Map<String, Object> s : svcs) {
                        if (Yaml.maps(s, "spec", "ports").stream()
                                .noneMatch(p -> Objects.equals(p.get("name"), ep.get("port")))) {
                            problems.add(id + ": endpoint port " + ep.get("port") + " is not a port of "
                                    + StrictModels.id(s));
                        }
                    }
                    if (!"/q/metrics".equals(ep.get("path"))) {
                        problems.add(id + ": endpoint path " + ep.get("path") + " is not /q/metrics");
                    }
                }
            }
        }
        for (Pod pod : pods) {
            pod(docs, pod, problems);
        }
        return problems;
    }

    private static void service(Map<String, Object> d, String id, List<Pod> pods, List<String> problems) {
        Map<String, String> sel = Yaml.strings(d, "spec", "selector");
        List<Pod> backing = pods.stream().filter(p -> matches(sel, p.labels())).toList();
        if (backing.isEmpty()) {
            problems.add(id + ": selector " + sel + " matches no pod template");
            return;
        }
        for (Map<String, Object> port : Yaml.maps(d, "spec", "ports")) {
            Object target = port.getOrDefault("targetPort", port.get("port"));
            for (Pod p : backing) {
                boolean found = Yaml.maps(p.spec(), "containers").stream()
                        .flatMap(c -> Yaml.maps(c, "ports").stream())
                        .anyMatch(cp -> Objects.equals(String.valueOf(target), String.valueOf(cp.get("name")))
                                || Objects.equals(String.valueOf(target), String.valueOf(cp.get("containerPort"))));
                if (!found) {
                    problems.add(id + ": targetPort " + target + " is not a container port of " + p.owner());
                }
            }
        }
    }

    private static void pod(List<Map<String, Object>> docs, Pod pod, List<String> problems) {
        String sa = Yaml.str(pod.spec(), "serviceAccountName");
        if (sa != null && !exists(docs, "ServiceAccount", sa)) {
            problems.add(pod.owner() + ": serviceAccountName " + sa + " does not exist");
        }
        Set<String> volumes = new HashSet<>();
        for (Map<String, Object> v : Yaml.maps(pod.spec(), "volumes")) {
            volumes.add(Yaml.str(v, "name"));
            ref(docs, pod, "ConfigMap", Yaml.str(v, "configMap", "name"), null, problems);
            ref(docs, pod, "Secret", Yaml.str(v, "secret", "secretName"), null, problems);
        }
        for (Map<String, Object> vct : Yaml.maps(
                docs.stream()
                        .filter(d -> pod.owner().equals(StrictModels.id(d)))
                        .findFirst()
                        .orElse(Map.of()),
                "spec",
                "volumeClaimTemplates")) {
            volumes.add(Yaml.str(vct, "metadata", "name"));
        }
        boolean podNonRoot = Boolean.TRUE.equals(Yaml.at(pod.spec(), "securityContext", "runAsNonRoot"));
        boolean podSeccomp = "RuntimeDefault".equals(Yaml.str(pod.spec(), "securityContext", "seccompProfile", "type"));
        for (Map<String, Object> c : pod.containers()) {
            String cid = pod.owner() + " container " + c.get("name");
            for (Map<String, Object> ef : Yaml.maps(c, "envFrom")) {
                ref(docs, pod, "ConfigMap", Yaml.str(ef, "configMapRef", "name"), null, problems);
                ref(docs, pod, "Secret", Yaml.str(ef, "secretRef", "name"), null, problems);
            }
            for (Map<String, Object> e : Yaml.maps(c, "env")) {
                ref(
                        docs,
                        pod,
                        "ConfigMap",
                        Yaml.str(e, "valueFrom", "configMapKeyRef", "name"),
                        Yaml.str(e, "valueFrom", "configMapKeyRef", "key"),
                        problems);
                ref(
                        docs,
                        pod,
                        "Secret",
                        Yaml.str(e, "valueFrom", "secretKeyRef", "name"),
                        Yaml.str(e, "valueFrom", "secretKeyRef", "key"),
                        problems);
            }
            for (Map<String, Object> m : Yaml.maps(c, "volumeMounts")) {
                if (!volumes.contains(Yaml.str(m, "name"))) {
                    problems.add(cid + ": volumeMount " + m.get("name") + " has no volume");
                }
            }
            // resources
            String memLimit = Yaml.str(c, "resources", "limits", "memory");
            if (memLimit == null || Yaml.str(c, "resources", "limits", "cpu") == null) {
                problems.add(cid + ": resources.limits.cpu and .memory are required");
            }
            if (!Objects.equals(memLimit, Yaml.str(c, "resources", "requests", "memory"))) {
                problems.add(cid + ": memory request " + Yaml.str(c, "resources", "requests", "memory") + " != limit "
                        + memLimit);
            }
            // security context
            Map<String, Object> sc = Yaml.map(c, "securityContext");
            if (!podNonRoot && !Boolean.TRUE.equals(sc.get("runAsNonRoot"))) {
                problems.add(cid + ": runAsNonRoot is not set");
            }
            if (!Boolean.FALSE.equals(sc.get("allowPrivilegeEscalation"))) {
                problems.add(cid + ": allowPrivilegeEscalation must be false");
            }
            if (!Yaml.list(sc, "capabilities", "drop").contains("ALL")) {
                problems.add(cid + ": capabilities.drop must contain ALL");
            }
            if (!podSeccomp && !"RuntimeDefault".equals(Yaml.str(sc, "seccompProfile", "type"))) {
                problems.add(cid + ": seccompProfile RuntimeDefault is not set");
            }
            Set<String> portNames = new HashSet<>();
            Yaml.maps(c, "ports").forEach(p -> {
                portNames.add(String.valueOf(p.get("name")));
                portNames.add(String.valueOf(p.get("containerPort")));
            });
            for (String probe : HEALTH.keySet()) {
                Object port = Yaml.at(c, probe, "httpGet", "port");
                if (port == null) {
                    port = Yaml.at(c, probe, "tcpSocket", "port");
                }
                if (port != null && !portNames.contains(String.valueOf(port))) {
                    problems.add(cid + ": " + probe + " port " + port + " is not a container port");
                }
            }
            if (SERVICES.contains(String.valueOf(c.get("name")))) {
                quarkusService(c, cid, problems);
            }
        }
    }

    /** The three Quarkus services: health probes, read-only root with /tmp, explicit heap and pinned GC. */
    private static void quarkusService(Map<String, Object> c, String cid, List<String> problems) {
        HEALTH.forEach((probe, path) -> {
            String actual = Yaml.str(c, probe, "httpGet", "path");
            if (!path.equals(actual)) {
                problems.add(cid + ": " + probe + " must GET " + path + " (got " + actual + ")");
            }
        });
        if (!Boolean.TRUE.equals(Yaml.at(c, "securityContext", "readOnlyRootFilesystem"))) {
            problems.add(cid + ": readOnlyRootFilesystem must be true");
        }
        if (Yaml.maps(c, "volumeMounts").stream().noneMatch(m -> "/tmp".equals(m.get("mountPath")))) {
            problems.add(cid + ": needs a writable /tmp volume (read-only root filesystem)");
        }
        String opts = Yaml.maps(c, "env").stream()
                .filter(e -> "JAVA_OPTS_APPEND".equals(e.get("name")))
                .map(e -> Yaml.str(e, "value"))
                .findFirst()
                .orElse("");
        if (!opts.contains("-XX:+UseG1GC")) {
            problems.add(cid + ": JAVA_OPTS_APPEND must pin the collector (-XX:+UseG1GC), got '" + opts + "'");
        }
        if (!opts.contains("-XX:MaxRAMPercentage=") && !opts.contains("-Xmx")) {
            problems.add(
                    cid + ": JAVA_OPTS_APPEND must size the heap (-XX:MaxRAMPercentage or -Xmx), got '" + opts + "'");
        }
    }

    private static void ref(
            List<Map<String, Object>> docs, Pod pod, String kind, String name, String key, List<String> problems) {
        if (name == null) {
            return;
        }
        Map<String, Object> target = docs.stream()
                .filter(d -> kind.equals(d.get("kind")) && name.equals(Yaml.str(d, "metadata", "name")))
                .findFirst()
                .orElse(null);
        if (target == null) {
            problems.add(pod.owner() + ": references " + kind + " " + name + ", which does not exist");
            return;
        }
        if (key != null
                && !Yaml.map(target, "data").containsKey(key)
                && !Yaml.map(target, "stringData").containsKey(key)) {
            problems.add(pod.owner() + ": references key " + key + " of " + kind + " " + name + ", which it lacks");
        }
    }
}
