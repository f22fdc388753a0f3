package io.steadystate.soak.dashboards;

import java.time.Instant;
import java.util.Set;

/**
 * What the dashboards and alert rules are judged against: the run's time range and services, the service whose leak
 * fault was on (null on a clean run), whether the Prometheus is the local stack's (no cluster exporters there) and the warm-up share of the
 * run (the profile's {@code warmupFraction}: JIT, class loading and caches filling grow any heap at first), and whether
 * the run disrupted the stack on purpose (chaos kills, poison records): then down, lag and dead-letter alerts are
 * expected, and the alert rules are shown but not judged. On a fault run, {@code faultTrend} (null when unknown) says
 * whether the leak is fast enough that the fast heap rule must fire.
 */
public record RunScope(Instant start, Instant end, Set<String> services, String faultService, boolean localStack,
                       double warmupFraction, boolean disrupted, FaultHeapTrend faultTrend) {

    public RunScope(Instant start, Instant end, Set<String> services, String faultService, boolean localStack,
                    double warmupFraction) {
        this(start, end, services, faultService, localStack, warmupFraction, false, null);
    }

    public RunScope {
        services = Set.copyOf(services);
        if (warmupFraction < 0 || warmupFraction >= 1) {
            throw new IllegalArgumentException("warmupFraction must be in [0, 1): " + warmupFraction);
        }
    }

    public boolean faultRun() {
        return faultService != null;
    }
}
