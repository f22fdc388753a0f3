package io.steadystate.soak.verdict;

import io.steadystate.soak.sampling.ClassHistogram;
import io.steadystate.soak.sampling.Counter;
import io.steadystate.soak.sampling.Sample;
import io.steadystate.soak.sampling.ServiceSample;
import io.steadystate.soak.sampling.StoreSample;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;

/**
 * The whole verdict of a run from its samples: per-service heap and RSS slopes, and the checks that fail a run
 * whatever the slope says (a restart, a store over its bound, lost events).
 */
public final class Judgement {

    private static final double MB = 1024 * 1024;

    /**
     * @param histograms given a service and a sample seq, the class histogram taken then (null if none)
     */
    public record Result(List<ServiceVerdict> services, List<Check> checks, Outcome overall) {}

    private final LeakVerdictEngine engine;

    public Judgement(VerdictPolicy policy) {
        this.engine = new LeakVerdictEngine(policy);
    }

    public static HeapSeries series(String service, List<Sample> samples) {
        List<Sample> usable = usable(service, samples);
        Map<Driver, double[]> drivers = new EnumMap<>(Driver.class);
        putDriver(drivers, Driver.TICKS, values(usable, s -> ticksSeenBy(service, s)));
        putDriver(
                drivers,
                Driver.ORDERS,
                values(
                        usable,
                        s -> service.equals("strategy-service")
                                ? stackCounter(s, "strategy-service", Counter.SIGNALS)
                                : stackCounter(s, "order-service", Counter.SIGNALS_PROCESSED)));
        putDriver(
                drivers,
                Driver.LISTINGS,
                values(usable, s -> stackCounter(s, "market-data-service", Counter.LISTINGS)));
        return new HeapSeries(
                service,
                values(usable, s -> s.simDaysElapsed()),
                values(usable, s -> s.service(service).events()),
                values(usable, s -> s.service(service).postGcHeapBytes()),
                values(usable, s -> s.service(service).storeEntriesTotal()),
                values(usable, s -> s.service(service).storeCapacityTotal()),
                values(usable, Sample::elapsedSeconds),
                drivers);
    }

    /**
     * Ticks this service has itself handled: a consumer's own processed count, market-data's published count. Not
     * the stack's published count for everyone: a consumer lags (thousands of records around a forced GC), and a
     * per-tick leak follows the ticks the service processed, not the ones still waiting in Kafka.
     */
    private static double ticksSeenBy(String service, Sample s) {
        double own =
                service.equals("market-data-service") ? Double.NaN : stackCounter(s, service, Counter.TICKS_PROCESSED);
        return Double.isFinite(own) ? own : stackCounter(s, "market-data-service", Counter.TICKS_PUBLISHED);
    }

    /**
     * A counter of one service in a sample, NaN when not measured. Orders are the signals strategy emitted (for
     * strategy) or order-service processed (for the others); listings are market-data's listed + delisted events.
     */
    private static double stackCounter(Sample s, String service, Counter counter) {
        ServiceSample ss = s.service(service);
        Double v = ss == null ? null : ss.counter(counter);
        return v == null ? Double.NaN : v;
    }

    /**
     * Kept when it was measured at all: a sample taken before a service exported its counters (the first one, often)
     * lies in the warm-up, and a fit rejects a driver only when its own window has a gap. Dropping the driver for one
     * early gap made market-data's ticks vanish from its verdict.
     */
    private static void putDriver(Map<Driver, double[]> drivers, Driver d, double[] values) {
        if (java.util.Arrays.stream(values).anyMatch(Double::isFinite)) {
            drivers.put(d, values);
        }
    }

    /** Samples where the service was alive and its post-GC heap was measured. */
    public static List<Sample> usable(String service, List<Sample> samples) {
        return samples.stream()
                .filter(s -> {
                    ServiceSample ss = s.service(service);
                    return ss != null && ss.alive() && ss.postGcHeapBytes() != null;
                })
                .toList();
    }

    private static double[] values(List<Sample> samples, ToDoubleFunction<Sample> f) {
        return samples.stream().mapToDouble(f).toArray();
    }

    public Result judge(
            List<String> services,
            List<Sample> samples,
            Sample drained,
            BiFunction<String, Integer, ClassHistogram> histograms,
            List<Check> extraChecks) {
        List<ServiceVerdict> verdicts = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        for (String service : services) {
            List<Sample> usable = usable(service, samples);
            HeapSeries series = series(service, samples);
            SlopeVerdict heap = engine.heapVerdict(series);
            Projection projection = engine.projection(series);
            double[] rss = usable.stream()
                    .mapToDouble(
                            s -> Objects.requireNonNullElse(s.service(service).rssBytes(), Double.NaN))
                    .toArray();
            SlopeVerdict rssVerdict =
                    java.util.Arrays.stream(rss).anyMatch(Double::isNaN) ? null : engine.rssVerdict(series, rss);

            List<Check> own = new ArrayList<>();
            own.add(restartCheck(service, samples));
            own.addAll(storeChecks(service, usable, heap.windowStart()));
            if (rssVerdict != null) {
                own.add(new Check("rss", service, rssVerdict.outcome() != Outcome.LEAK, rssVerdict.explanation()));
            }
            checks.addAll(own);

            Outcome outcome = projection.outcome();
            if (own.stream().anyMatch(c -> !c.passed())) {
                outcome = Outcome.LEAK;
            }
            List<ClassHistogram.Growth> classes = List.of();
            String first = null;
            String last = null;
            if (!usable.isEmpty() && histograms != null) {
                int firstSeq = usable.get(Math.min(heap.windowStart(), usable.size() - 1))
                        .seq();
                int lastSeq = usable.get(usable.size() - 1).seq();
                ClassHistogram a = histograms.apply(service, firstSeq);
                ClassHistogram b = histograms.apply(service, lastSeq);
                if (a != null && b != null && firstSeq != lastSeq) {
                    classes = b.topGrowthSince(a, 15);
                    first = Integer.toString(firstSeq);
                    last = Integer.toString(lastSeq);
                }
            }
            verdicts.add(new ServiceVerdict(
                    service,
                    outcome,
                    projection,
                    heap,
                    rssVerdict,
                    classes,
                    growingStores(service, usable, heap.windowStart()),
                    first,
                    last));
        }
        if (drained != null) {
            checks.addAll(accounting(drained));
        }
        checks.addAll(extraChecks);
        Outcome overall = verdicts.stream().map(ServiceVerdict::outcome).reduce(Outcome.PASS, Outcome::worst);
        if (checks.stream().anyMatch(c -> !c.passed())) {
            overall = Outcome.LEAK;
        }
        return new Result(List.copyOf(verdicts), List.copyOf(checks), overall);
    }

    static Check restartCheck(String service, List<Sample> samples) {
        Double start = null;
        for (Sample s : samples) {
            ServiceSample ss = s.service(service);
            if (ss == null) {
                continue;
            }
            if (!ss.alive()) {
                return new Check(
                        "no-restart",
                        service,
                        false,
                        "service died at " + String.format(Locale.ROOT, "%.0f s: %s", s.elapsedSeconds(), ss.error()));
            }
            if (ss.processStartSeconds() != null) {
                if (start != null && Math.abs(ss.processStartSeconds() - start) > 1) {
                    return new Check(
                            "no-restart",
                            service,
                            false,
                            "process restarted at " + String.format(Locale.ROOT, "%.0f s", s.elapsedSeconds()));
                }
                start = ss.processStartSeconds();
            }
        }
        return new Check("no-restart", service, true, "same process for the whole run");
    }

    /** Over capacity at any time fails; capacity evictions inside the steady-state window fail too. */
    static List<Check> storeChecks(String service, List<Sample> usable, int windowStart) {
        List<Check> out = new ArrayList<>();
        if (usable.isEmpty()) {
            return out;
        }
        Map<String, StoreSample> lastStores =
                usable.get(usable.size() - 1).service(service).stores();
        if (lastStores.isEmpty()) {
            out.add(new Check("stores", service, true, "no steadystate_store_* series exported"));
            return out;
        }
        StoreSample atWindow = null;
        for (String store : lastStores.keySet()) {
            String problem = null;
            for (Sample s : usable) {
                StoreSample st = s.service(service).stores().get(store);
                if (st != null && st.capacity() > 0 && st.entries() > st.capacity()) {
                    problem = String.format(
                            Locale.ROOT,
                            "%s holds %.0f entries over its capacity %.0f at %.0f s",
                            store,
                            st.entries(),
                            st.capacity(),
                            s.elapsedSeconds());
                    break;
                }
            }
            atWindow = usable.get(Math.min(windowStart, usable.size() - 1))
                    .service(service)
                    .stores()
                    .get(store);
            StoreSample end = lastStores.get(store);
            if (problem == null && atWindow != null) {
                double evicted = end.evictions("capacity") - atWindow.evictions("capacity");
                if (evicted > 0) {
                    problem = String.format(
                            Locale.ROOT,
                            "%s evicted %.0f entries by capacity in the steady state "
                                    + "(sized too small for the profile, or keys that should have been removed)",
                            store,
                            evicted);
                }
            }
            out.add(new Check(
                    "store:" + store,
                    service,
                    problem == null,
                    problem == null
                            ? String.format(
                                    Locale.ROOT,
                                    "%s: %.0f/%.0f entries, no capacity evictions in the window",
                                    store,
                                    end.entries(),
                                    end.capacity())
                            : problem));
        }
        return out;
    }

    static List<String> growingStores(String service, List<Sample> usable, int windowStart) {
        List<String> out = new ArrayList<>();
        if (usable.size() < 2) {
            return out;
        }
        Map<String, StoreSample> start = usable.get(Math.min(windowStart, usable.size() - 1))
                .service(service)
                .stores();
        Map<String, StoreSample> end =
                usable.get(usable.size() - 1).service(service).stores();
        end.forEach((store, e) -> {
            StoreSample s = start.get(store);
            if (s != null && e.entries() > s.entries() * 1.1 + 10) {
                out.add(String.format(
                        Locale.ROOT,
                        "%s: %.0f → %.0f entries (capacity %.0f)",
                        store,
                        s.entries(),
                        e.entries(),
                        e.capacity()));
            }
        });
        return out;
    }

    /** CONTRACTS.md "Soak accounting", on a sample taken after the market stopped and lag drained. */
    static List<Check> accounting(Sample drained) {
        List<Check> out = new ArrayList<>();
        Double published = counter(drained, "market-data-service", Counter.TICKS_PUBLISHED);
        Double strategy = counter(drained, "strategy-service", Counter.TICKS_PROCESSED);
        Double order = counter(drained, "order-service", Counter.TICKS_PROCESSED);
        String lag = drained.consumerLag().isEmpty() ? "lag unknown" : "lag " + drained.consumerLag();
        if (published == null || strategy == null || order == null) {
            out.add(new Check(
                    "accounting:ticks",
                    "all",
                    false,
                    "tick counters missing (published " + published + ", strategy " + strategy + ", order " + order
                            + ") — not exported per CONTRACTS.md"));
        } else {
            boolean ok = published.equals(strategy) && published.equals(order) && published > 0;
            out.add(new Check(
                    "accounting:ticks",
                    "all",
                    ok,
                    String.format(
                            Locale.ROOT,
                            "ticks published %.0f, consumed by strategy %.0f, by order %.0f (%s)",
                            published,
                            strategy,
                            order,
                            lag)));
        }
        Double signals = counter(drained, "strategy-service", Counter.SIGNALS);
        Double processed = counter(drained, "order-service", Counter.SIGNALS_PROCESSED);
        if (signals == null || processed == null) {
            out.add(new Check(
                    "accounting:signals",
                    "all",
                    false,
                    "signal counters missing (strategy " + signals + ", order " + processed + ")"));
        } else {
            out.add(new Check(
                    "accounting:signals",
                    "all",
                    signals.equals(processed),
                    String.format(
                            Locale.ROOT, "signals emitted %.0f, processed by order-service %.0f", signals, processed)));
        }
        return out;
    }

    private static Double counter(Sample s, String service, Counter counter) {
        ServiceSample ss = s.service(service);
        return ss == null ? null : ss.counter(counter);
    }

    static String mb(double bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / MB);
    }
}
