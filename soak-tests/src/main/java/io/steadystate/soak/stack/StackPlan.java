package io.steadystate.soak.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link LocalStack} is made of — the one recipe {@code ./soak run} and {@code ./soak bench} share: the
 * services' jars (via the launcher), their heap, the market they simulate, every system property each JVM gets, the
 * token, Prometheus or not, and how long start-up may take. Immutable; the {@code with…} methods return a new plan.
 *
 * @param overrides per service, set after the plan's own properties (a fault, the bench's risk limits, {@code --set})
 */
public record StackPlan(
        Path runDir,
        Path kafkaLibs,
        ServiceLauncher launcher,
        String heap,
        Market market,
        Map<ServiceId, Map<String, String>> overrides,
        String apiToken,
        Optional<Path> prometheusBinary,
        Duration readyTimeout) {

    /** The default of {@link #readyTimeout}: a loaded 2-core machine starts a Quarkus JVM in 50–100 s. */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    /** Seeded: the same plan publishes the same market (symbols, prices) every run. */
    static final String SEED = "42";

    /**
     * market-data's simulation. {@code autostart} is always off: the harness starts the market once every service is
     * ready and its metrics are checked, so no tick is published to a consumer that is not there yet.
     *
     * @param maxTicksPerSecond 0 = uncapped
     */
    public record Market(
            int symbols, double ticksPerSymbolPerSecond, double speed, long maxTicksPerSecond, double churnPerDay) {}

    public StackPlan {
        Map<ServiceId, Map<String, String>> copy = new EnumMap<>(ServiceId.class);
        overrides.forEach((id, p) -> copy.put(id, Collections.unmodifiableMap(new LinkedHashMap<>(p))));
        overrides = Collections.unmodifiableMap(copy);
    }

    /** The plan of a stack in {@code runDir} of the services built in {@code repoRoot}; no Prometheus, no overrides. */
    public static StackPlan of(
            Path repoRoot, Path runDir, ServiceLauncher launcher, String heap, Market market, String apiToken) {
        return new StackPlan(
                runDir,
                repoRoot.resolve("soak-tests/target/kafka-libs"),
                launcher,
                heap,
                market,
                Map.of(),
                apiToken,
                Optional.empty(),
                READY_TIMEOUT);
    }

    /** {@code properties} set on {@code id}'s JVM after (over) the plan's own. */
    public StackPlan with(ServiceId id, Map<String, String> properties) {
        Map<ServiceId, Map<String, String>> next = new EnumMap<>(ServiceId.class);
        next.putAll(overrides);
        Map<String, String> merged = new LinkedHashMap<>(overrides.getOrDefault(id, Map.of()));
        merged.putAll(properties);
        next.put(id, merged);
        return new StackPlan(runDir, kafkaLibs, launcher, heap, market, next, apiToken, prometheusBinary, readyTimeout);
    }

    public StackPlan with(Map<ServiceId, Map<String, String>> properties) {
        StackPlan plan = this;
        for (var e : properties.entrySet()) {
            plan = plan.with(e.getKey(), e.getValue());
        }
        return plan;
    }

    /** The leak fault switched on in its service (CONTRACTS.md "Leak faults"). */
    public StackPlan withFault(Fault fault) {
        return with(
                fault.service(),
                linked(
                        "steadystate.fault.mode",
                        fault.mode(),
                        "steadystate.fault.rate",
                        Integer.toString(fault.rate())));
    }

    public StackPlan withPrometheus(Optional<Path> binary) {
        return new StackPlan(runDir, kafkaLibs, launcher, heap, market, overrides, apiToken, binary, readyTimeout);
    }

    public StackPlan readyWithin(Duration timeout) {
        return new StackPlan(runDir, kafkaLibs, launcher, heap, market, overrides, apiToken, prometheusBinary, timeout);
    }

    /** Every service's system properties but where it listens and which broker it uses (those are the stack's). */
    public Map<ServiceId, Map<String, String>> serviceProperties() {
        Map<ServiceId, Map<String, String>> props = new EnumMap<>(ServiceId.class);
        Map<String, String> md = new LinkedHashMap<>();
        md.put("steadystate.market.seed", SEED);
        md.put("steadystate.market.symbols", Integer.toString(market.symbols()));
        md.put("steadystate.market.ticks-per-symbol-per-second", num(market.ticksPerSymbolPerSecond()));
        md.put("steadystate.market.speed", num(market.speed()));
        md.put("steadystate.market.max-ticks-per-second", Long.toString(market.maxTicksPerSecond()));
        md.put("steadystate.market.churn-per-day", num(market.churnPerDay()));
        md.put("steadystate.market.autostart", "false");
        props.put(ServiceId.MARKET_DATA, md);
        // room for churn: listings arrive before the delisted symbols' state expires
        props.put(
                ServiceId.STRATEGY,
                linked("steadystate.strategy.max-symbols", Integer.toString(market.symbols() * 2 + 50)));
        props.put(ServiceId.ORDER, new LinkedHashMap<>());
        overrides.forEach((id, p) -> props.get(id).putAll(p));
        return props;
    }

    /** The command line of {@code id}'s JVM listening on 127.0.0.1:{@code port}; a restart runs the same one. */
    public List<String> command(ServiceId id, int port, String bootstrapServers) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("quarkus.http.host", "127.0.0.1");
        props.put("quarkus.http.port", Integer.toString(port));
        props.put("kafka.bootstrap.servers", bootstrapServers);
        props.putAll(serviceProperties().get(id));
        return List.copyOf(launcher.command(id, heap, props));
    }

    /** Integral values without ".0": a service may declare the key as an integer (fault.rate did). */
    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static Map<String, String> linked(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
