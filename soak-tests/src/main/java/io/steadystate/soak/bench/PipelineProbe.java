package io.steadystate.soak.bench;

import io.steadystate.soak.sampling.ConsumerLagProbe;
import io.steadystate.soak.sampling.MetricSnapshot;
import io.steadystate.soak.sampling.MetricsSource;
import io.steadystate.soak.stack.Http;
import io.steadystate.soak.stack.RunFailure;
import io.steadystate.soak.stack.ServiceId;
import io.steadystate.soak.stack.Stack;
import io.steadystate.soak.verdict.TheilSen;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline's counters (CONTRACTS.md: ticks published by market-data, ticks processed by strategy and by
 * order) scraped from {@code /q/metrics}, and consumer lag per group from Kafka's Admin API.
 */
public final class PipelineProbe implements AutoCloseable {

    public static final String PUBLISHED = "steadystate_marketdata_events_published_total";
    public static final String STRATEGY_TICKS = "steadystate_strategy_ticks_processed_total";
    public static final String ORDER_TICKS = "steadystate_order_ticks_processed_total";
    /** The groups that consume market.events (strategy-service-params never commits and is not a pipeline stage). */
    public static final List<String> GROUPS = List.of("strategy-service", "order-service");

    /** Cumulative ticks: published, processed by the first stage (strategy / relay), by the second (order / sink). */
    public record Counters(double published, double strategy, double order) {}

    public record Point(double seconds, Counters counters, Map<String, Long> lag) {}

    private final Stack stack;
    private final MetricsSource metrics;
    private final ConsumerLagProbe lag;
    private volatile boolean lazyCounters;

    public PipelineProbe(Stack stack, Http http, String bootstrap) {
        this.stack = stack;
        this.metrics = MetricsSource.direct(http);
        this.lag = new ConsumerLagProbe(bootstrap);
    }

    public Counters counters() {
        return new Counters(
                value(ServiceId.MARKET_DATA, PUBLISHED, Map.of("type", "tick"), true),
                value(ServiceId.STRATEGY, STRATEGY_TICKS, Map.of(), false),
                value(ServiceId.ORDER, ORDER_TICKS, Map.of(), false));
    }

    public Point point(double seconds) {
        return new Point(seconds, counters(), lag());
    }

    /** Committed-offset lag of the pipeline's consumer groups. */
    public Map<String, Long> lag() {
        Map<String, Long> byGroup = new LinkedHashMap<>();
        lag.lagByGroup().forEach((g, l) -> {
            if (GROUPS.contains(g)) {
                byGroup.put(g, l);
            }
        });
        return byGroup;
    }

    /** {@code zeroIfAbsent}: a counter a service registers only once it has counted something reads as 0. */
    private double value(ServiceId id, String name, Map<String, String> match, boolean zeroIfAbsent) {
        String death = stack.deathNotice(id);
        if (death != null) {
            throw new RunFailure(id.module() + " " + death + " during the bench");
        }
        MetricSnapshot m;
        try {
            m = metrics.snapshot(stack.service(id));
        } catch (IOException e) {
            throw new RunFailure(id.module() + ": GET /q/metrics failed: " + e.getMessage());
        }
        Double v = m.sum(name, match);
        if (v == null && zeroIfAbsent) {
            lazyCounters = true;
            return 0;
        }
        if (v == null) {
            throw new RunFailure(id.module() + " does not export " + name + " (CONTRACTS.md)");
        }
        return v;
    }

    /**
     * Rates between the first and last point, and the backlog trend per consumer: backlog = ticks published −
     * ticks processed (from the counters, so neither periodic offset commits nor a discarded backlog distort it),
     * its Theil–Sen slope in records/s. Sustained = every consumer's backlog slope is at most 2 % of the publish
     * rate (or 200 records/s, whichever is larger). Kafka's committed-offset lag at the end is kept as information.
     */
    public static BenchResult.Rate rate(long target, List<Point> points) {
        return rate(target, points, GROUPS);
    }

    /** As {@link #rate(long, List)} for any two-stage pipeline; {@code stages} name the slopes (first, second). */
    public static BenchResult.Rate rate(long target, List<Point> points, List<String> stages) {
        if (points.size() < 2) {
            throw new RunFailure("a bench step took fewer than two samples");
        }
        Point a = points.get(0);
        Point b = points.get(points.size() - 1);
        double dt = b.seconds() - a.seconds();
        double published = (b.counters().published() - a.counters().published()) / dt;
        double strategy = (b.counters().strategy() - a.counters().strategy()) / dt;
        double order = (b.counters().order() - a.counters().order()) / dt;
        double[] x = points.stream().mapToDouble(Point::seconds).toArray();
        double[] strategyBacklog = points.stream()
                .mapToDouble(p -> p.counters().published() - p.counters().strategy())
                .toArray();
        double[] orderBacklog = points.stream()
                .mapToDouble(p -> p.counters().published() - p.counters().order())
                .toArray();
        Map<String, Double> slopes = new LinkedHashMap<>();
        slopes.put(stages.get(0), TheilSen.slope(x, strategyBacklog));
        slopes.put(stages.get(1), TheilSen.slope(x, orderBacklog));
        double tolerance = Math.max(200, 0.02 * published);
        boolean sustained = slopes.values().stream().allMatch(v -> v <= tolerance);
        Map<String, Long> ends = new LinkedHashMap<>(b.lag());
        return new BenchResult.Rate(
                target, dt, published, strategy, order, Math.min(strategy, order), slopes, ends, sustained);
    }

    /** True when market-data's published counter was missing at some point (it should be registered eagerly). */
    public boolean sawLazyCounters() {
        return lazyCounters;
    }

    @Override
    public void close() {
        lag.close();
    }
}
