package io.steadystate.soak.sampling;

import io.steadystate.soak.jvm.DiagnosticCommands;
import io.steadystate.soak.stack.MarketClient;
import io.steadystate.soak.stack.MarketStatus;
import io.steadystate.soak.stack.ServiceEndpoint;
import io.steadystate.soak.stack.ServiceId;
import io.steadystate.soak.stack.Stack;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Takes one {@link Sample} of the whole stack. For a service the harness started, it first forces a full GC
 * with {@code jcmd <pid> GC.class_histogram}: the histogram's total is then the exact live heap (the signal),
 * and the histogram itself is kept (gzipped) so the report can name the classes that grew.
 */
public final class Sampler implements AutoCloseable {

    private static final double MB = 1024 * 1024;

    private final DiagnosticCommands commands;
    private final Stack stack;
    private final MetricsSource metrics;
    private final MarketClient market;
    private final Path histogramDir;
    private final ConsumerLagProbe lag;
    private final double speed;
    private final long startNanos = System.nanoTime();
    private Double firstSimEpoch;
    private final SamplingOverhead.Meter overhead = new SamplingOverhead.Meter();
    /** The highest Σ lag seen right after one service's forced GC during the current sample. */
    private Long peakLagAfterGc;

    public Sampler(Stack stack, MetricsSource metrics, MarketClient market, Path histogramDir, double speed) {
        this.commands = new DiagnosticCommands();
        this.stack = stack;
        this.metrics = metrics;
        this.market = market;
        this.histogramDir = histogramDir;
        this.speed = speed;
        this.lag = stack.bootstrapServers().map(ConsumerLagProbe::new).orElse(null);
    }

    /** Seconds since this sampler was created: the clock of {@link Sample#elapsedSeconds()}. */
    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    public MetricsSource metrics() {
        return metrics;
    }

    public Sample sample(int seq, boolean forceGc) {
        long t0 = System.nanoTime();
        peakLagAfterGc = null;
        Long lagBefore = forceGc && lag != null ? totalLag(lag.lagByGroup()) : null;
        double elapsed = (t0 - startNanos) / 1e9;
        List<ServiceSample> services = new ArrayList<>();
        MarketClock clock = MarketClock.UNKNOWN;
        for (ServiceEndpoint e : stack.services()) {
            ServiceSample s = sampleService(e, seq, forceGc);
            services.add(s);
            if (e.id() == ServiceId.MARKET_DATA) {
                clock = clock(lastSnapshot);
            }
        }
        double simDays;
        if (clock.simulatedEpochSeconds() != null) {
            if (firstSimEpoch == null) {
                firstSimEpoch = clock.simulatedEpochSeconds();
            }
            simDays = (clock.simulatedEpochSeconds() - firstSimEpoch) / 86_400.0;
        } else {
            simDays = elapsed * speed / 86_400.0; // no clock from market-data: assume it runs at the requested speed
        }
        Map<String, Long> lags = lag == null ? Map.of() : lag.lagByGroup();
        if (forceGc) {
            Long after = lag == null ? null : totalLag(lags);
            if (after != null && peakLagAfterGc != null) {
                after = Math.max(after, peakLagAfterGc);
            }
            overhead.record((System.nanoTime() - t0) / 1e6, lagBefore, after);
        }
        return new Sample(seq, Instant.now().toEpochMilli(), elapsed, clock, simDays, List.copyOf(services), lags);
    }

    private static Long totalLag(Map<String, Long> byGroup) {
        return byGroup.isEmpty()
                ? null
                : byGroup.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Time per forced-GC sample and the consumer-lag spike it caused, over the run so far. */
    public SamplingOverhead overhead() {
        return overhead.summary();
    }

    /** True when the simulated clock comes from market-data rather than being assumed from wall time × speed. */
    public boolean clockMeasured() {
        return firstSimEpoch != null;
    }

    private MetricSnapshot lastSnapshot = MetricSnapshot.EMPTY;

    private ServiceSample sampleService(ServiceEndpoint e, int seq, boolean forceGc) {
        String death = stack.deathNotice(e.id());
        if (death != null) {
            lastSnapshot = MetricSnapshot.EMPTY;
            return new ServiceSample(
                    e.id().module(),
                    false,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    0,
                    Map.of(),
                    Counters.NONE,
                    death);
        }
        List<String> errors = new ArrayList<>();
        Double postGc = null;
        if (e.local() && forceGc) {
            try {
                ClassHistogram h = histogram(e, seq);
                postGc = (double) h.totalBytes();
                if (lag != null) {
                    // right after this service's stall, before the consumers catch up during the next one's
                    Long now = totalLag(lag.lagByGroup());
                    if (now != null) {
                        peakLagAfterGc = peakLagAfterGc == null ? now : Math.max(peakLagAfterGc, now);
                    }
                }
            } catch (IOException | RuntimeException ex) {
                errors.add("jcmd: " + ex.getMessage());
            }
        }
        MetricSnapshot m;
        try {
            m = metrics.snapshot(e);
        } catch (IOException ex) {
            errors.add("metrics: " + ex.getMessage());
            m = MetricSnapshot.EMPTY;
        }
        lastSnapshot = m;
        if (postGc == null) {
            postGc = m.sum("jvm_gc_live_data_size_bytes");
        }
        Double rss = e.local() ? rss(e.pid()) : m.sum("process_resident_memory_bytes");
        Map<String, StoreSample> stores = new LinkedHashMap<>();
        Map<String, Double> entries = m.byLabel("steadystate_store_entries", "store", Map.of());
        Map<String, Double> capacity = m.byLabel("steadystate_store_capacity", "store", Map.of());
        Map<String, Double> bytes = m.byLabel("steadystate_store_bytes_estimate", "store", Map.of());
        Map<String, Double> admissions = m.byLabel("steadystate_store_admissions_total", "store", Map.of());
        for (String store : entries.keySet()) {
            stores.put(
                    store,
                    new StoreSample(
                            entries.get(store),
                            capacity.getOrDefault(store, Double.NaN),
                            bytes.getOrDefault(store, 0.0),
                            admissions.getOrDefault(store, 0.0),
                            m.byLabel("steadystate_store_evictions_total", "cause", Map.of("store", store))));
        }
        Counters counters = counters(e.id(), m);
        return new ServiceSample(
                e.id().module(),
                true,
                postGc,
                m.sum("jvm_memory_used_bytes", Map.of("area", "heap")),
                m.sum("jvm_memory_committed_bytes", Map.of("area", "heap")),
                oldGen(m),
                rss,
                m.sum("jvm_buffer_memory_used_bytes", Map.of("id", "direct")),
                m.sum("jvm_gc_pause_seconds_sum"),
                m.sum("jvm_gc_pause_seconds_count"),
                m.sum("process_start_time_seconds"),
                events(e.id(), counters),
                Map.copyOf(stores),
                counters,
                errors.isEmpty() ? null : String.join("; ", errors));
    }

    /** The accounting counters of CONTRACTS.md "Soak accounting" this service exports, as {@link Counter} lists. */
    static Counters counters(ServiceId id, MetricSnapshot m) {
        Map<Counter, Double> values = new EnumMap<>(Counter.class);
        for (Counter c : Counter.values()) {
            Double v = c.readFrom(id, m);
            if (v != null) {
                values.put(c, v);
            }
        }
        return new Counters(values, Counter.REJECTS.readFrom(id, m), Map.of());
    }

    static double events(ServiceId id, Counters c) {
        return switch (id) {
            case MARKET_DATA -> orZero(c, Counter.EVENTS_PUBLISHED);
            case STRATEGY -> orZero(c, Counter.TICKS_PROCESSED);
            case ORDER -> orZero(c, Counter.TICKS_PROCESSED) + orZero(c, Counter.SIGNALS_PROCESSED);
        };
    }

    private static double orZero(Counters c, Counter counter) {
        Double v = c.get(counter);
        return v == null ? 0 : v;
    }

    private static Double oldGen(MetricSnapshot m) {
        return m.series().stream()
                .filter(s -> s.name().equals("jvm_memory_used_bytes")
                        && s.labels().getOrDefault("id", "").contains("Old Gen"))
                .map(MetricSeries::value)
                .reduce(Double::sum)
                .orElse(null);
    }

    private MarketClock clock(MetricSnapshot m) {
        Double epoch = m.sum("steadystate_marketdata_simulated_time_seconds");
        Double days = m.sum("steadystate_marketdata_simulated_days");
        Double symbols = m.sum("steadystate_marketdata_active_symbols");
        if (epoch == null || epoch <= 0) {
            try {
                MarketStatus s = market.status();
                epoch = s.simulatedEpochSeconds();
                days = s.simulatedDays() != null ? s.simulatedDays() : days;
                symbols = s.activeSymbols() != null ? s.activeSymbols().doubleValue() : symbols;
            } catch (IOException | RuntimeException ignored) {
                // no clock: the sample falls back on wall time × speed and the report says so
            }
        }
        return new MarketClock(epoch, days, symbols);
    }

    private ClassHistogram histogram(ServiceEndpoint e, int seq) throws IOException {
        byte[] out = commands.run(e.pid(), "GC.class_histogram").getBytes(StandardCharsets.UTF_8);
        Path file = histogramFile(histogramDir, e.id().module(), seq);
        Files.createDirectories(file.getParent());
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(file))) {
            gz.write(out);
        }
        return ClassHistogram.parse(new String(out, StandardCharsets.UTF_8));
    }

    /** {@code <histogramDir>/<service>/<seq>.txt.gz}: where a run keeps (and the report re-reads) one histogram. */
    public static Path histogramFile(Path histogramDir, String service, int seq) {
        return histogramDir.resolve(service).resolve(String.format("%05d.txt.gz", seq));
    }

    public static ClassHistogram readHistogram(Path file) {
        try (var in = new GZIPInputStream(Files.newInputStream(file))) {
            return ClassHistogram.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Double rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Double.parseDouble(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process just died: RSS unknown for this sample
        }
        return null;
    }

    @Override
    public void close() {
        if (lag != null) {
            lag.close();
        }
    }

    static double mb(Double bytes) {
        return bytes == null ? Double.NaN : bytes / MB;
    }
}
