package io.steadystate.k8s;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which metric names a query may use: those docs/CONTRACTS.md names (backticked; "_*" is a prefix), plus
 * the few that come from outside the services, each with its source. Timers/histograms add the usual suffixes.
 */
final class MetricContract {

    /** Not exported by the services; queries using them also work without them (RSS alert needs kube-state-metrics). */
    static final Set<String> EXTERNAL = Set.of("kube_pod_container_resource_limits");

    /** Exported by the services through the Quarkus Kafka binder (quarkus.micrometer.binder.kafka.enabled), not listed in CONTRACTS.md. */
    static final Set<String> KAFKA_BINDER = Set.of("kafka_consumer_fetch_manager_records_lag_max");

    static final List<String> SUFFIXES = List.of("", "_bucket", "_count", "_sum", "_max");

    final Set<String> names = new TreeSet<>();
    final Set<String> prefixes = new TreeSet<>();

    static MetricContract fromContractsMd() {
        String md = Yaml.read(K8sDir.repo().resolve("docs/CONTRACTS.md"));
        MetricContract c = new MetricContract();
        Matcher m = Pattern.compile("`((?:steadystate|jvm|process)_[a-z0-9_]*\\*?)(?:\\{[^`]*})?`")
                .matcher(md);
        while (m.find()) {
            String n = m.group(1);
            if (n.endsWith("_*")) {
                c.prefixes.add(n.substring(0, n.length() - 1));
            } else if (n.endsWith("*")) {
                c.prefixes.add(n.substring(0, n.length() - 1));
            } else {
                c.names.add(n);
            }
        }
        c.names.addAll(KAFKA_BINDER);
        return c;
    }

    boolean allows(String metric) {
        if (EXTERNAL.contains(metric)) {
            return true;
        }
        for (String suffix : SUFFIXES) {
            if (metric.endsWith(suffix) && names.contains(metric.substring(0, metric.length() - suffix.length()))) {
                return true;
            }
        }
        return prefixes.stream().anyMatch(metric::startsWith);
    }

    List<String> unknown(Collection<String> metrics) {
        List<String> out = new ArrayList<>();
        metrics.stream().filter(n -> !allows(n)).forEach(out::add);
        return out;
    }

    /** Names that a live scrape must contain: the referenced names minus external ones, suffix-aware. */
    static List<String> missingFromScrape(Collection<String> referenced, Set<String> scraped) {
        List<String> out = new ArrayList<>();
        for (String n : new TreeSet<>(referenced)) {
            if (EXTERNAL.contains(n)) {
                continue;
            }
            if (!scraped.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }
}
