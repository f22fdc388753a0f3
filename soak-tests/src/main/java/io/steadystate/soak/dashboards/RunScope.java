package io.steadystate.soak.dashboards;

import java.time.Instant;
import java.util.Set;

/**
 * What the dashboards and alert rules are judged against: the run's time range and services, the service whose leak
 * fault was on (null on a clean run), whether the Prometheus is the local stack's (no cluster exporters there) and the warm-up share of the
 * run (the profile's {@code warmupFraction}: JIT, class loading and caches filling grow any heap at first), and whether
 * the run disrupted the stack on purpose (chaos kills, poison records): then down, lag and dead-letter alerts are
 * expected, and the alert rules are shown but not judged. On a fault run, {@code faultTrend} (null when unknown) says
 * whether the leak is fast enough that the fast heap rule must fire; {@code compression} is how many times denser
 * than the production workload the run's events came ({@link #compression}).
 */
public record RunScope(
        Instant start,
        Instant end,
        Set<String> services,
        String faultService,
        boolean localStack,
        double warmupFraction,
        boolean disrupted,
        FaultHeapTrend faultTrend,
        double compression) {

    /**
     * Seconds of market hours in a production trading day (09:30–16:00, the simulated market's session): a
     * production day's ticks arrive over these, so they set the production tick rate a rule sees while trading.
     */
    public static final double TRADING_SECONDS = 6.5 * 3600;

    public RunScope(
            Instant start,
            Instant end,
            Set<String> services,
            String faultService,
            boolean localStack,
            double warmupFraction) {
        this(start, end, services, faultService, localStack, warmupFraction, false, null, 1);
    }

    /**
     * How many times denser than production the run was: its ticks per wall second ÷ a production day's ticks per
     * second of market hours; at least 1. A rule's threshold is a rate per production hour, and the run delivers
     * this many production hours of events per wall hour.
     */
    public static double compression(double runTicksPerSecond, double productionTicksPerDay) {
        double production = productionTicksPerDay / TRADING_SECONDS;
        return production > 0 && runTicksPerSecond > production ? runTicksPerSecond / production : 1;
    }

    public RunScope {
        services = Set.copyOf(services);
        if (!(compression >= 1)) {
            throw new IllegalArgumentException("compression must be >= 1: " + compression);
        }
        if (warmupFraction < 0 || warmupFraction >= 1) {
            throw new IllegalArgumentException("warmupFraction must be in [0, 1): " + warmupFraction);
        }
    }

    public boolean faultRun() {
        return faultService != null;
    }
}
