package io.steadystate.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Offline half of "every query uses metrics the services export": names in dashboards and rules are in the
 * contract (docs/CONTRACTS.md). {@link LiveServiceMetricsIT} checks the same names against live scrapes.
 */
class MetricNamesTest {

    @Test
    void extractsMetricNamesNotFunctionsLabelsOrVariables() {
        assertThat(PromQl.metricNames(
                        "histogram_quantile(0.99, sum by (le) (rate(steadystate_order_tick_to_order_seconds_bucket"
                                + "{namespace=\"$namespace\", service=~\"${service}\"}[$__rate_interval])))"))
                .containsExactly("steadystate_order_tick_to_order_seconds_bucket");
        assertThat(PromQl.metricNames("max by (namespace, pod) (process_resident_memory_bytes) / on (namespace, pod) "
                        + "max by (namespace, pod) (kube_pod_container_resource_limits{resource=\"memory\"}) > 0.9"))
                .containsExactlyInAnyOrder("process_resident_memory_bytes", "kube_pod_container_resource_limits");
        assertThat(PromQl.metricNames("deriv(jvm_gc_live_data_size_bytes[2h]) * 3600 > 8.3e6 and up offset 5m"))
                .containsExactlyInAnyOrder("jvm_gc_live_data_size_bytes", "up");
        assertThat(PromQl.metricNames("label_values(jvm_memory_used_bytes{namespace=\"$namespace\"}, service)"))
                .containsExactly("jvm_memory_used_bytes");
    }

    @Test
    void dashboardsAndRulesUseOnlyContractMetrics() {
        Map<String, Set<String>> uses = PromQl.shippedReferences();
        assertThat(uses).isNotEmpty();
        assertThat(MetricContract.fromContractsMd().unknown(uses.keySet()))
                .as("metric names used by dashboards/rules but not in docs/CONTRACTS.md: %s", uses)
                .isEmpty();
    }

    @Test
    void aMisspeltMetricInADashboardQueryIsReported() {
        var fixture = Yaml.json(K8sDir.root().resolve("src/test/resources/broken/dashboards/broken-structure.json"));
        Set<String> names = new java.util.TreeSet<>();
        PromQl.dashboardQueries(fixture).forEach(q -> names.addAll(PromQl.metricNames(q)));
        assertThat(MetricContract.fromContractsMd().unknown(names)).containsExactly("steadystate_store_entires");
        assertThat(MetricContract.missingFromScrape(
                        names, Set.of("jvm_memory_used_bytes", "steadystate_store_entries")))
                .containsExactly("steadystate_store_entires");
    }

    @Test
    void aMisspeltMetricInARuleIsReported() {
        assertThat(MetricContract.fromContractsMd()
                        .unknown(PromQl.metricNames("increase(steadystate_dead_letter_total[5m]) > 0")))
                .containsExactly("steadystate_dead_letter_total");
    }
}
