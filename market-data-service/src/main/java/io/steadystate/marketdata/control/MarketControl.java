package io.steadystate.marketdata.control;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import io.steadystate.core.event.SymbolListed;
import io.steadystate.core.kafka.KafkaConnection;
import io.steadystate.core.kafka.TopicProvisioner;
import io.steadystate.core.kafka.Topics;
import io.steadystate.marketdata.MarketSource;
import io.steadystate.marketdata.config.MarketConfig;
import io.steadystate.marketdata.config.RateBounds;
import io.steadystate.marketdata.publish.MarketEventPublisher;
import io.steadystate.marketdata.publish.PublishMetrics;
import io.steadystate.marketdata.resume.TopicTail;
import io.steadystate.marketdata.universe.SymbolUniverse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Answers the control API (docs/CONTRACTS.md) by delegating to the parts of the market that
 * {@link io.steadystate.marketdata.MarketDataWiring} builds — source (simulation or replay), publisher,
 * {@link MarketDriver}, {@link MarketLifecycle} — and to its own {@link MarketStatusView}, built here because the
 * view reports this class's readiness. {@link Startup}, so the market is built at boot; the driver thread starts
 * on the start-up event. Requests that change the source run under the driver's market lock, so they land in the
 * stream in order with the ticks; status and health read volatile copies and never wait for that lock.
 */
@Startup
@ApplicationScoped
public class MarketControl {

    private static final Logger LOG = Logger.getLogger(MarketControl.class);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);

    private final MarketConfig config;
    private final MarketSource source;
    private final SymbolUniverse universe;
    private final MarketEventPublisher publisher;
    private final MarketLifecycle lifecycle;
    private final MarketRates rates;
    private final MarketDriver driver;
    private final DriverHeartbeat heartbeat;
    private final MarketStatusView statusView;

    public MarketControl(
            MarketConfig config,
            MarketSource source,
            SymbolUniverse universe,
            MarketEventPublisher publisher,
            MarketLifecycle lifecycle,
            MarketRates rates,
            MarketSnapshot snapshot,
            MarketDriver driver,
            DriverHeartbeat heartbeat,
            PublishMetrics publishMetrics) {
        this.config = config;
        this.source = source;
        this.universe = universe;
        this.publisher = publisher;
        this.lifecycle = lifecycle;
        this.rates = rates;
        this.driver = driver;
        this.heartbeat = heartbeat;
        this.statusView = new MarketStatusView(
                config.mode().name(), source, lifecycle, snapshot, rates, publishMetrics, this::ready);
    }

    /**
     * Topics exist (created if absent), the partition count of market.events is known, and the tails of its
     * partitions say where a previous run stopped.
     */
    public static MarketPreparation kafkaPreparation(
            KafkaConnection kafka, int partitions, short replication, MarketEventPublisher publisher) {
        return () -> {
            TopicProvisioner.ensureTopics(kafka, partitions, replication, KAFKA_TIMEOUT);
            int count = publisher.refreshPartitions();
            LOG.infof("publishing to %s (%d partitions) on %s", Topics.MARKET_EVENTS, count, kafka);
            return TopicTail.read(kafka, Topics.MARKET_EVENTS, KAFKA_TIMEOUT);
        };
    }

    void onStart(@Observes StartupEvent event) {
        driver.start();
        LOG.infof(
                "market-data-service: mode=%s symbols=%d speed=%s max-ticks/s=%d ticks/symbol/s=%s seed=%d autostart=%s",
                config.mode().name().toLowerCase(Locale.ROOT),
                config.symbols(),
                rates.speed(),
                rates.maxTicksPerSecond(),
                config.ticksPerSymbolPerSecond(),
                config.seed(),
                config.autostart());
        if (config.autostart()) {
            start();
        }
    }

    /** Graceful shutdown: the driver finishes its chunk, then the producer flushes (bounded by close-timeout). */
    void onStop(@Observes ShutdownEvent event) {
        driver.shutdown(2_000);
        publisher.close();
        LOG.infof("market stopped at %s: %s", statusView.status().simulatedTime(), statusView.published());
    }

    // ---- control requests (REST) --------------------------------------------------------------------------------

    public MarketStatus start() {
        lifecycle.start();
        LOG.info("market started");
        return status();
    }

    public MarketStatus pause() {
        lifecycle.pause();
        driver.awaitChunk();
        return status();
    }

    public MarketStatus resume() {
        lifecycle.resume();
        return status();
    }

    /** Stops publishing and flushes the producer; a no-op when nothing runs (so a harness can always call it). */
    public MarketStatus stop() {
        if (lifecycle.stop()) {
            driver.awaitChunk(); // the counts in the answer include every event of the last chunk
            if (driver.prepared()) {
                publisher.flush();
                LOG.infof("market stopped: %s", statusView.published());
            }
        }
        return status();
    }

    /** Applies all of the given changes or, when one is invalid, none of them. Null = unchanged. */
    public MarketStatus changeRate(Double newSpeed, Double newMaxTicksPerSecond, Double newTicksPerSymbolPerSecond) {
        if (newSpeed == null && newMaxTicksPerSecond == null && newTicksPerSymbolPerSecond == null) {
            throw MarketRequestException.badRequest(
                    "give at least one of speed, maxTicksPerSecond, ticksPerSymbolPerSecond");
        }
        refuse(newSpeed == null ? null : RateBounds.checkSpeed(newSpeed));
        refuse(newMaxTicksPerSecond == null ? null : RateBounds.checkMaxTicksPerSecond(newMaxTicksPerSecond));
        refuse(
                newTicksPerSymbolPerSecond == null
                        ? null
                        : RateBounds.checkTicksPerSymbolPerSecond(newTicksPerSymbolPerSecond));
        if (newTicksPerSymbolPerSecond != null && source.tickRate().isEmpty()) {
            throw MarketRequestException.conflict("ticksPerSymbolPerSecond does not apply to a replay");
        }
        driver.withMarket(market -> {
            rates.set(
                    newSpeed != null ? newSpeed : rates.speed(),
                    newMaxTicksPerSecond != null ? newMaxTicksPerSecond.longValue() : rates.maxTicksPerSecond());
            if (newTicksPerSymbolPerSecond != null) {
                market.tickRate().orElseThrow().setTicksPerSymbolPerSecond(newTicksPerSymbolPerSecond);
            }
            return null;
        });
        MarketStatus status = status();
        LOG.infof(
                "rate changed: speed=%s max-ticks/s=%d ticks/symbol/s=%s",
                status.speed(),
                status.maxTicksPerSecond(),
                status.ticksPerSymbolPerSecond() == null ? "-" : status.ticksPerSymbolPerSecond());
        return status;
    }

    private static void refuse(String problem) {
        if (problem != null) {
            throw MarketRequestException.badRequest(problem);
        }
    }

    public List<SymbolUniverse.SymbolView> symbols() {
        return driver.withMarket(market -> market.universe().snapshot());
    }

    public SymbolUniverse.SymbolView list(String symbol, Double price) {
        if (symbol == null) {
            throw MarketRequestException.badRequest("symbol is required");
        }
        if (price == null) {
            throw MarketRequestException.badRequest("price is required");
        }
        if (!(price > 0) || price.isInfinite()) {
            throw MarketRequestException.badRequest("price must be a positive finite number, was " + price);
        }
        try {
            new SymbolListed(symbol, 0, price); // the domain record's rules: symbol characters, positive price
        } catch (IllegalArgumentException e) {
            throw MarketRequestException.badRequest(e.getMessage());
        }
        return driver.withMarket(market -> {
            MarketSource.Listings listings = mutableListings(market);
            if (market.universe().contains(symbol)) {
                throw MarketRequestException.conflict(symbol + " is already listed");
            }
            if (market.universe().isFull()) {
                throw MarketRequestException.conflict(
                        "the universe is full (max-symbols " + market.universe().capacity() + ")");
            }
            listings.list(symbol, price, publisher);
            return market.universe().view(symbol);
        });
    }

    public void delist(String symbol) {
        driver.withMarket(market -> {
            MarketSource.Listings listings = mutableListings(market);
            if (!market.universe().contains(symbol)) {
                throw new MarketRequestException(MarketRequestException.Kind.NOT_FOUND, symbol + " is not listed");
            }
            listings.delist(symbol, "manual", publisher);
            return null;
        });
    }

    /** Listing and delisting on demand need the capability, a started market and a ready broker. */
    private MarketSource.Listings mutableListings(MarketSource market) {
        MarketSource.Listings listings = market.listings()
                .orElseThrow(
                        () -> MarketRequestException.conflict("symbols cannot be listed or delisted during a replay"));
        if (!listings.started()) {
            throw MarketRequestException.conflict("the market has not started yet: POST /market/start");
        }
        if (!driver.prepared()) {
            throw new MarketRequestException(
                    MarketRequestException.Kind.UNAVAILABLE, "Kafka is not ready: " + driver.prepareError());
        }
        return listings;
    }

    // ---- views ----------------------------------------------------------------------------------------------------

    public MarketStatus status() {
        return statusView.status();
    }

    /** For readiness: topics provisioned, metadata read, and no send failing right now. */
    public boolean ready() {
        return driver.prepared() && !publisher.failingSince(Duration.ofSeconds(30));
    }

    public String notReadyReason() {
        if (!driver.prepared()) {
            return driver.prepareError();
        }
        return publisher.failingSince(Duration.ofSeconds(30)) ? "sends failing: " + publisher.lastFailure() : "";
    }

    /** For liveness: the driver made progress recently; reads a volatile, never the market lock. */
    public DriverHeartbeat heartbeat() {
        return heartbeat;
    }

    public MarketLifecycle.State state() {
        return lifecycle.state();
    }

    public SymbolUniverse universe() {
        return universe;
    }
}
