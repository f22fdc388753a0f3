package io.steadystate.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.steadystate.core.metrics.ProcessMemoryMetrics;
import org.junit.jupiter.api.Test;

class ProcessMemoryMetricsTest {

    @Test
    void residentMemoryIsReportedInBytesAndIsAtLeastTheUsedHeap() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new ProcessMemoryMetrics().bindTo(registry);
        double rss = registry.get(ProcessMemoryMetrics.RSS).gauge().value();
        Runtime rt = Runtime.getRuntime();
        assertThat(rss).isGreaterThan(rt.totalMemory() - rt.freeMemory());
    }

    @Test
    void aBinderNobodyHoldsStillReportsAfterGc() throws InterruptedException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new ProcessMemoryMetrics().bindTo(registry); // as the services' ProcessMemoryGauge does
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(registry.get(ProcessMemoryMetrics.RSS).gauge().value())
                .isFinite()
                .isPositive();
    }
}
