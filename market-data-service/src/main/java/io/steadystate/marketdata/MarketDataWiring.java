package io.steadystate.marketdata;

import io.micrometer.core.instrument.MeterRegistry;
import io.steadystate.core.kafka.KafkaConnection;
import io.steadystate.core.kafka.Topics;
import io.steadystate.core.state.StoreMetrics;
import io.steadystate.marketdata.calendar.SessionCalendar;
import io.steadystate.marketdata.config.MarketConfig;
import io.steadystate.marketdata.control.DriverHeartbeat;
import io.steadystate.marketdata.control.MarketControl;
import io.steadystate.marketdata.control.MarketDriver;
import io.steadystate.marketdata.control.MarketLifecycle;
import io.steadystate.marketdata.control.MarketRates;
import io.steadystate.marketdata.control.MarketSnapshot;
import io.steadystate.marketdata.control.TickSchedule;
import io.steadystate.marketdata.fault.EventLogFault;
import io.steadystate.marketdata.publish.MarketEventPublisher;
import io.steadystate.marketdata.publish.PublishMetrics;
import io.steadystate.marketdata.replay.CsvReplay;
import io.steadystate.marketdata.simulation.MarketSimulator;
import io.steadystate.marketdata.simulation.SimulationSettings;
import io.steadystate.marketdata.universe.SymbolUniverse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * Builds the plain (framework-free) market once from configuration and hands its parts to CDI: the symbol
 * universe, the source (simulation or replay), the publisher, and the {@link MarketDriver} with the state it
 * shares with the control API (lifecycle, rates, snapshot, heartbeat). {@link MarketControl} is injected with
 * them; being {@code @Startup}, it has them built at boot, starts the driver thread on the start-up event and,
 * at shutdown, stops the driver before it closes the publisher. The same classes are wired by hand in the
 * driver and restart tests.
 */
@ApplicationScoped
public class MarketDataWiring {

    /** Capacity = {@code max-symbols}, or 2 × {@code symbols} when 0; never below the target universe. */
    @Produces
    @Singleton
    SymbolUniverse universe(MarketConfig config, MeterRegistry registry) {
        int capacity = config.maxSymbols() > 0 ? config.maxSymbols() : 2 * config.symbols();
        if (capacity < config.symbols()) {
            throw new IllegalArgumentException("steadystate.market.max-symbols " + capacity
                    + " is below steadystate.market.symbols " + config.symbols());
        }
        return new SymbolUniverse(capacity, new StoreMetrics(registry));
    }

    /** The source's {@link OriginClock}; the driver sets it before each grant. */
    @Produces
    @Singleton
    TickSchedule schedule() {
        return new TickSchedule();
    }

    @Produces
    @Singleton
    MarketSource source(MarketConfig config, SymbolUniverse universe, TickSchedule schedule) {
        SessionCalendar calendar = new SessionCalendar(config.sessionOpen(), config.sessionClose());
        if (config.mode() == MarketConfig.Mode.REPLAY) {
            String file = config.replay()
                    .file()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "steadystate.market.mode=replay needs steadystate.market.replay.file"));
            return CsvReplay.open(file, calendar, universe, schedule);
        }
        return new MarketSimulator(
                new SimulationSettings(
                        config.seed(),
                        config.symbols(),
                        config.ticksPerSymbolPerSecond(),
                        config.churnPerDay(),
                        config.startDate()),
                calendar,
                universe,
                schedule);
    }

    @Produces
    @Singleton
    MarketEventPublisher publisher(
            MarketConfig config, KafkaConnection kafka, PublishMetrics publishMetrics, EventLogFault fault) {
        return new MarketEventPublisher(
                MarketEventPublisher.createProducer(kafka, config.producer()),
                Topics.MARKET_EVENTS,
                publishMetrics,
                fault,
                Duration.ofMillis(config.producer().closeTimeoutMs()));
    }

    @Produces
    @Singleton
    MarketLifecycle lifecycle() {
        return new MarketLifecycle();
    }

    @Produces
    @Singleton
    MarketRates rates(MarketConfig config) {
        return new MarketRates(config.speed(), config.maxTicksPerSecond());
    }

    @Produces
    @Singleton
    MarketSnapshot snapshot(MarketConfig config, MeterRegistry registry) {
        return new MarketSnapshot(config.startDate(), registry);
    }

    @Produces
    @Singleton
    DriverHeartbeat heartbeat() {
        return new DriverHeartbeat(System::nanoTime);
    }

    /** Built, not started: {@link MarketControl} starts its thread on the start-up event. */
    @Produces
    @Singleton
    MarketDriver driver(
            MarketConfig config,
            KafkaConnection kafka,
            MarketSource source,
            MarketEventPublisher publisher,
            MarketLifecycle lifecycle,
            MarketRates rates,
            MarketSnapshot snapshot,
            TickSchedule schedule,
            DriverHeartbeat heartbeat) {
        return new MarketDriver(
                source,
                publisher,
                MarketControl.kafkaPreparation(kafka, config.partitions(), config.replication(), publisher),
                lifecycle,
                rates,
                snapshot,
                schedule,
                heartbeat,
                Clock.systemUTC());
    }
}
