package io.steadystate.marketdata.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.steadystate.core.kafka.Topics;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

/**
 * {@code steadystate.market.*}: the keys the soak harness sets are in docs/CONTRACTS.md; the others are local
 * tuning. Validated at start-up: a bad value stops the service instead of producing a strange market.
 *
 * <p>Every default is the {@code @WithDefault} here and nowhere else: application.properties and the README
 * quote them, and {@code DefaultsAgreeTest} fails when a quote differs. Rate bounds are {@link RateBounds}.
 */
@ConfigMapping(prefix = "steadystate.market")
public interface MarketConfig {

    enum Mode {
        SIMULATE,
        REPLAY
    }

    /** simulate (seeded random walks) or replay (a CSV file, see {@link #replay()}). */
    @WithDefault("simulate")
    Mode mode();

    /** Same seed + same config = byte-identical event stream (apart from Tick.originMicros, wall-clock metadata). */
    @WithDefault("42")
    long seed();

    /** Target size of the simulated universe; churn keeps it there. */
    @WithDefault("500")
    @Min(1)
    @Max(200_000)
    int symbols();

    /** Hard bound of the per-symbol store; 0 = twice {@link #symbols()} (room for manual listings). */
    @WithDefault("0")
    @PositiveOrZero
    int maxSymbols();

    /** Average ticks per symbol per simulated second. */
    @WithDefault("1")
    @DecimalMin(value = "0", inclusive = false)
    @DecimalMax(RateBounds.MAX_TICKS_PER_SYMBOL_PER_SECOND)
    double ticksPerSymbolPerSecond();

    /** Simulated seconds per wall second (1 = real time). Overnight gaps and weekends are skipped for free. */
    @WithDefault("60")
    @DecimalMin(value = "0", inclusive = false)
    @DecimalMax(RateBounds.MAX_SPEED)
    double speed();

    /** Cap on ticks per wall second; 0 = unthrottled (as fast as the broker takes them). */
    @WithDefault("0")
    @PositiveOrZero
    @Max(RateBounds.MAX_TICKS_PER_SECOND)
    long maxTicksPerSecond();

    /** Fraction of the universe replaced per simulated trading day (each replacement = one delisting + one listing). */
    @WithDefault("0.02")
    @DecimalMin("0")
    @DecimalMax("1")
    double churnPerDay();

    /** Start publishing at start-up; otherwise wait for POST /market/start. */
    @WithDefault("false")
    boolean autostart();

    /** First simulated calendar day (the first weekday on or after it is the first trading day). */
    @WithDefault("2026-01-05")
    LocalDate startDate();

    /** Session hours of the simulated exchange, in UTC (simulated time is UTC epoch millis). */
    @WithDefault("09:30")
    LocalTime sessionOpen();

    @WithDefault("16:00")
    LocalTime sessionClose();

    /** Partitions of the topics this service creates when they are missing. */
    @WithDefault("" + Topics.DEFAULT_PARTITIONS)
    @Min(1)
    @Max(1024)
    int partitions();

    /** Replication factor of the topics this service creates (1 on a single local broker). */
    @WithDefault("1")
    @Min(1)
    @Max(5)
    short replication();

    Replay replay();

    Producer producer();

    interface Replay {
        /** CSV to replay in mode=replay: a file path, or {@code classpath:name}. */
        Optional<String> file();
    }

    /** Producer tuning for throughput: this service is the load of the whole system. Compression off by default: on 2 shared cores the CPU is scarcer than the loopback network. */
    interface Producer {
        /**
         * 2 ms, measured: at 10k ticks/s a 10 ms linger was most of the tick→order median (./soak bench: p50
         * 15.4 ms with 10 ms here and 5 ms on signals, 7.7 ms with both at 0); at high rates batches fill by
         * size anyway.
         */
        @WithDefault("2")
        @PositiveOrZero
        int lingerMs();

        @WithDefault("262144")
        @Positive
        int batchSize();

        @WithDefault("none")
        String compressionType();

        /** Kept short: graceful shutdown must finish well inside the pod's termination grace period. */
        @WithDefault("2000")
        @PositiveOrZero
        int closeTimeoutMs();
    }
}
