package io.steadystate.marketdata.control;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import io.steadystate.core.event.SymbolListed;
import io.steadystate.core.kafka.Topics;
import io.steadystate.core.state.StoreMetrics;
import io.steadystate.marketdata.MarketSource;
import io.steadystate.marketdata.ThrottledLog;
import io.steadystate.marketdata.calendar.SessionCalendar;
import io.steadystate.marketdata.calendar.SessionCursor;
import io.steadystate.marketdata.config.MarketConfig;
import io.steadystate.marketdata.fault.EventLogFault;
import io.steadystate.marketdata.publish.EventType;
import io.steadystate.marketdata.publish.MarketEventPublisher;
import io.steadystate.core.kafka.TopicProvisioner;
import io.steadystate.marketdata.publish.PublishMetrics;
import io.steadystate.marketdata.replay.CsvReplay;
import io.steadystate.marketdata.simulation.MarketSimulator;
import io.steadystate.marketdata.simulation.SimulationSettings;
import io.steadystate.marketdata.universe.SymbolState;
import io.steadystate.marketdata.universe.SymbolUniverse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Owns the market: the source (simulation or replay), the publisher and the dedicated driver thread that
 * plays the source at the configured pace. Every access to the source happens under {@link #lock}, so REST
 * listings and delistings land in the stream in order with the ticks; status and gauges read volatile
 * snapshots and never wait for the lock.
 *
 * <p>Pacing: each loop turns elapsed wall time into a budget of simulated time ({@code speed}) and, when
 * {@code maxTicksPerSecond > 0}, a token bucket of ticks (50 ms of burst). When the tick cap binds, the
 * simulated clock slows down rather than building a backlog. Unthrottled, the loop only blocks in
 * {@code KafkaProducer.send} when its buffer is full, i.e. it publishes as fast as the broker takes it.
 *
 * <p>Life cycle: IDLE → start → RUNNING ⇄ PAUSED (pause/resume); stop → STOPPED (producer flushed); start
 * again continues the same market: simulated time never goes backwards, as every downstream clock is monotonic.
 * A replay that reaches the end of its file is FINISHED.
 */
@Startup
@ApplicationScoped
public class MarketControl {

    public enum State { IDLE, RUNNING, PAUSED, STOPPED, FINISHED }

    private static final Logger LOG = Logger.getLogger(MarketControl.class);
    /** Ticks per locked chunk: bounds how long a REST call waits for the lock (a few ms). */
    private static final int CHUNK_TICKS = 4096;
    private static final double MAX_BUDGET_NANOS = 1e18;

    private final MarketConfig config;
    private final String bootstrapServers;
    private final MarketSource source;
    private final MarketSimulator simulator;
    private final CsvReplay replay;
    private final SymbolUniverse universe;
    private final MarketEventPublisher publisher;
    private final PublishMetrics publishMetrics;
    private final ThrottledLog prepareLog = new ThrottledLog(LOG, 30_000);
    private final Object lock = new Object();

    // guarded by lock
    private State state = State.IDLE;
    private boolean shutdown;
    private Thread driver;

    // written by the owner of the lock, read by anyone
    private volatile double speed;
    private volatile long maxTicksPerSecond;
    private volatile boolean prepared;
    private volatile String prepareError = "not yet connected";
    private volatile long simulatedTimeMillis = Long.MIN_VALUE;
    private volatile long tradingDay;
    private volatile long simulatedDays;
    private volatile int activeSymbols;
    private volatile boolean sessionOpen;
    private volatile double ticksPerSecond;
    private volatile boolean driverFailed;

    public MarketControl(MarketConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                         PublishMetrics publishMetrics, EventLogFault fault, MeterRegistry registry) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.publishMetrics = publishMetrics;
        this.speed = config.speed();
        this.maxTicksPerSecond = config.maxTicksPerSecond();
        int capacity = config.maxSymbols() > 0 ? config.maxSymbols() : 2 * config.symbols();
        if (capacity < config.symbols()) {
            throw new IllegalArgumentException("steadystate.market.max-symbols " + capacity
                    + " is below steadystate.market.symbols " + config.symbols());
        }
        this.universe = new SymbolUniverse(capacity, new StoreMetrics(registry));
        SessionCalendar calendar = new SessionCalendar(config.sessionOpen(), config.sessionClose());
        if (config.mode() == MarketConfig.Mode.REPLAY) {
            String file = config.replay().file().orElseThrow(() -> new IllegalArgumentException(
                    "steadystate.market.mode=replay needs steadystate.market.replay.file"));
            this.replay = new CsvReplay(file, open(file), calendar, universe, MarketControl::wallMicros);
            this.simulator = null;
            this.source = replay;
        } else {
            this.simulator = new MarketSimulator(new SimulationSettings(config.seed(), config.symbols(),
                    config.ticksPerSymbolPerSecond(), config.churnPerDay(), config.startDate()), calendar, universe,
                    MarketControl::wallMicros);
            this.replay = null;
            this.source = simulator;
        }
        this.publisher = new MarketEventPublisher(
                MarketEventPublisher.createProducer(bootstrapServers, config.producer()), Topics.MARKET_EVENTS,
                publishMetrics, fault, Duration.ofMillis(config.producer().closeTimeoutMs()));
        this.tradingDay = config.startDate().toEpochDay();

        Gauge.builder("steadystate.marketdata.simulated.time.seconds", this,
                        c -> c.simulatedTimeMillis == Long.MIN_VALUE ? 0 : c.simulatedTimeMillis / 1000.0)
                .description("Simulated clock, epoch seconds").register(registry);
        Gauge.builder("steadystate.marketdata.simulated.days", this, c -> c.simulatedDays)
                .description("Trading days played to their close since start").register(registry);
        Gauge.builder("steadystate.marketdata.active.symbols", this, c -> c.activeSymbols)
                .description("Symbols listed now").register(registry);
    }

    private static long wallMicros() {
        return System.currentTimeMillis() * 1000L;
    }

    private static BufferedReader open(String file) {
        try {
            InputStream in;
            if (file.startsWith("classpath:")) {
                String resource = file.substring("classpath:".length());
                in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource.startsWith("/")
                        ? resource.substring(1) : resource);
                if (in == null) {
                    throw new IllegalArgumentException("replay file " + file + " not found on the classpath");
                }
            } else {
                in = Files.newInputStream(Path.of(file));
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open replay file " + file, e);
        }
    }

    void onStart(@Observes StartupEvent event) {
        synchronized (lock) {
            driver = new Thread(this::drive, "market-driver");
            driver.setDaemon(true);
            driver.start();
        }
        LOG.infof("market-data-service: mode=%s symbols=%d speed=%s max-ticks/s=%d ticks/symbol/s=%s seed=%d autostart=%s",
                config.mode().name().toLowerCase(Locale.ROOT), config.symbols(), speed, maxTicksPerSecond,
                config.ticksPerSymbolPerSecond(), config.seed(), config.autostart());
        if (config.autostart()) {
            start();
        }
    }

    /** Graceful shutdown: the driver finishes its chunk, then the producer flushes (bounded by close-timeout). */
    void onStop(@Observes ShutdownEvent event) {
        Thread thread;
        synchronized (lock) {
            shutdown = true;
            lock.notifyAll();
            thread = driver;
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        publisher.close();
        LOG.infof("market stopped at %s: %s", SessionCalendar.isoInstant(Math.max(0, simulatedTimeMillis)), published());
    }

    // ---- the driver thread ------------------------------------------------------------------------------------

    private void drive() {
        try {
            while (!prepared && !isShutdown()) {
                prepare();
                if (!prepared) {
                    sleepUnlessShutdown(5_000);
                }
            }
            play();
        } catch (RuntimeException | Error e) {
            driverFailed = true;
            LOG.errorf(e, "market driver died");
        }
    }

    /** Topics exist (created if absent) and the partition count of market.events is known. */
    private void prepare() {
        try {
            TopicProvisioner.ensureTopics(bootstrapServers, config.partitions(), config.replication(), Duration.ofSeconds(10));
            int partitions = publisher.refreshPartitions();
            prepared = true;
            prepareError = "";
            LOG.infof("publishing to %s (%d partitions) on %s", Topics.MARKET_EVENTS, partitions, bootstrapServers);
        } catch (RuntimeException e) {
            prepareError = e.getMessage();
            prepareLog.warn("Kafka not ready, retrying every 5 s", e.toString());
        }
    }

    private void play() {
        long last = System.nanoTime();
        double budgetNanos = 0;
        double tokens = 0;
        long rateWindowStart = last;
        long rateWindowTicks = 0;
        while (true) {
            boolean caughtUp;
            synchronized (lock) {
                while (state != State.RUNNING && !shutdown) {
                    ticksPerSecond = 0;
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        if (shutdown) {
                            return;
                        }
                    }
                    last = System.nanoTime();
                    budgetNanos = 0;
                    tokens = 0;
                    rateWindowStart = last;
                    rateWindowTicks = 0;
                }
                if (shutdown) {
                    return;
                }
                long now = System.nanoTime();
                long elapsed = Math.min(now - last, 1_000_000_000L); // a stall must not turn into a burst
                last = now;
                budgetNanos = Math.min(budgetNanos + elapsed * speed, MAX_BUDGET_NANOS);
                int maxTicks = CHUNK_TICKS;
                long cap = maxTicksPerSecond;
                if (cap > 0) {
                    tokens = Math.min(tokens + elapsed * cap / 1e9, Math.max(1.0, cap / 20.0));
                    maxTicks = (int) Math.min(CHUNK_TICKS, tokens);
                }
                int ticks = 0;
                if (budgetNanos >= 1 && maxTicks > 0) {
                    ticks = source.advance((long) budgetNanos, maxTicks, publisher);
                    // hitting the tick cap drops the rest of the budget: the simulated clock slows, no backlog builds
                    budgetNanos = ticks >= maxTicks ? 0 : budgetNanos - (long) budgetNanos;
                    tokens -= ticks;
                    rateWindowTicks += ticks;
                    if (source.finished()) {
                        state = State.FINISHED;
                        LOG.info("replay finished");
                    }
                    snapshot();
                }
                caughtUp = ticks < CHUNK_TICKS;
                if (now - rateWindowStart >= 1_000_000_000L) {
                    ticksPerSecond = rateWindowTicks * 1e9 / (now - rateWindowStart);
                    rateWindowStart = now;
                    rateWindowTicks = 0;
                }
            }
            if (caughtUp) {
                LockSupport.parkNanos(1_000_000L); // ahead of the wall clock or of the tick cap: wait for budget
            }
        }
    }

    /** Called under the lock after the source moved. */
    private void snapshot() {
        simulatedTimeMillis = source.nowMillis();
        SessionCursor cursor = source.cursor();
        if (cursor != null) {
            tradingDay = cursor.tradingDay();
            simulatedDays = cursor.sessionsClosed();
            sessionOpen = cursor.isOpen();
        }
        activeSymbols = universe.size();
    }

    private boolean isShutdown() {
        synchronized (lock) {
            return shutdown;
        }
    }

    private void sleepUnlessShutdown(long millis) {
        synchronized (lock) {
            if (!shutdown) {
                try {
                    lock.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    // ---- control requests (REST) --------------------------------------------------------------------------------

    public MarketStatus start() {
        synchronized (lock) {
            switch (state) {
                case RUNNING -> throw MarketRequestException.conflict("the market is already running");
                case PAUSED -> throw MarketRequestException.conflict("the market is paused: POST /market/resume");
                case FINISHED -> throw MarketRequestException.conflict("the replay has finished");
                default -> {
                }
            }
            state = State.RUNNING;
            lock.notifyAll();
        }
        LOG.info("market started");
        return status();
    }

    public MarketStatus pause() {
        synchronized (lock) {
            if (state != State.RUNNING) {
                throw MarketRequestException.conflict("only a running market can pause (state " + state + ")");
            }
            state = State.PAUSED;
        }
        return status();
    }

    public MarketStatus resume() {
        synchronized (lock) {
            if (state != State.PAUSED) {
                throw MarketRequestException.conflict("only a paused market can resume (state " + state + ")");
            }
            state = State.RUNNING;
            lock.notifyAll();
        }
        return status();
    }

    /** Stops publishing and flushes the producer; a no-op when nothing runs (so a harness can always call it). */
    public MarketStatus stop() {
        boolean stopped = false;
        synchronized (lock) {
            if (state == State.RUNNING || state == State.PAUSED) {
                state = State.STOPPED;
                stopped = true;
            }
        }
        if (stopped && prepared) {
            publisher.flush();
            LOG.infof("market stopped: %s", published());
        }
        return status();
    }

    /** Applies all of the given changes or, when one is invalid, none of them. Null = unchanged. */
    public MarketStatus changeRate(Double newSpeed, Double newMaxTicksPerSecond, Double newTicksPerSymbolPerSecond) {
        if (newSpeed == null && newMaxTicksPerSecond == null && newTicksPerSymbolPerSecond == null) {
            throw MarketRequestException.badRequest("give at least one of speed, maxTicksPerSecond, ticksPerSymbolPerSecond");
        }
        if (newSpeed != null && !(newSpeed > 0 && newSpeed <= 1e12)) {
            throw MarketRequestException.badRequest("speed must be > 0 and ≤ 1e12 simulated seconds per wall second, was " + newSpeed);
        }
        if (newMaxTicksPerSecond != null && !(newMaxTicksPerSecond >= 0 && newMaxTicksPerSecond <= 1e9
                && newMaxTicksPerSecond == Math.rint(newMaxTicksPerSecond))) {
            throw MarketRequestException.badRequest("maxTicksPerSecond must be a whole number ≥ 0 (0 = unthrottled), was "
                    + newMaxTicksPerSecond);
        }
        if (newTicksPerSymbolPerSecond != null && !(newTicksPerSymbolPerSecond > 0 && newTicksPerSymbolPerSecond <= 10_000)) {
            throw MarketRequestException.badRequest("ticksPerSymbolPerSecond must be > 0 and ≤ 10000, was " + newTicksPerSymbolPerSecond);
        }
        if (newTicksPerSymbolPerSecond != null && simulator == null) {
            throw MarketRequestException.conflict("ticksPerSymbolPerSecond does not apply to a replay");
        }
        synchronized (lock) {
            if (newSpeed != null) {
                speed = newSpeed;
            }
            if (newMaxTicksPerSecond != null) {
                maxTicksPerSecond = newMaxTicksPerSecond.longValue();
            }
            if (newTicksPerSymbolPerSecond != null) {
                simulator.setTicksPerSymbolPerSecond(newTicksPerSymbolPerSecond);
            }
        }
        LOG.infof("rate changed: speed=%s max-ticks/s=%d ticks/symbol/s=%s", speed, maxTicksPerSecond,
                simulator == null ? "-" : simulator.ticksPerSymbolPerSecond());
        return status();
    }

    public List<SymbolUniverse.SymbolView> symbols() {
        synchronized (lock) {
            return universe.snapshot();
        }
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
        synchronized (lock) {
            SymbolState existing = requireMutableUniverse(symbol);
            if (existing != null) {
                throw MarketRequestException.conflict(symbol + " is already listed");
            }
            if (universe.isFull()) {
                throw MarketRequestException.conflict("the universe is full (max-symbols " + universe.capacity() + ")");
            }
            simulator.list(symbol, price, publisher);
            snapshot();
            SymbolState state = universe.get(symbol);
            return new SymbolUniverse.SymbolView(symbol, state.lastPrice(), state.lastBid(), state.lastAsk(),
                    state.sequence(), state.regime().name().toLowerCase(Locale.ROOT));
        }
    }

    public void delist(String symbol) {
        synchronized (lock) {
            if (requireMutableUniverse(symbol) == null) {
                throw new MarketRequestException(MarketRequestException.Kind.NOT_FOUND, symbol + " is not listed");
            }
            simulator.delist(symbol, "manual", publisher);
            snapshot();
        }
    }

    /** Guards listing/delisting on demand; returns the symbol's state or null. Called under the lock. */
    private SymbolState requireMutableUniverse(String symbol) {
        if (simulator == null) {
            throw MarketRequestException.conflict("symbols cannot be listed or delisted during a replay");
        }
        if (!simulator.started()) {
            throw MarketRequestException.conflict("the market has not started yet: POST /market/start");
        }
        if (!prepared) {
            throw new MarketRequestException(MarketRequestException.Kind.UNAVAILABLE, "Kafka is not ready: " + prepareError);
        }
        return universe.get(symbol);
    }

    // ---- views ----------------------------------------------------------------------------------------------------

    public MarketStatus status() {
        State current;
        synchronized (lock) {
            current = state;
        }
        long now = simulatedTimeMillis;
        MarketStatus.ReplayStatus replayStatus = null;
        if (replay != null) {
            replayStatus = new MarketStatus.ReplayStatus(config.replay().file().orElse(""), replay.linesRead(),
                    replay.replayedTicks(), replay.malformedLines(), replay.recentErrors(), replay.finished());
        }
        return new MarketStatus(current.name(), now == Long.MIN_VALUE ? null : SessionCalendar.isoInstant(now),
                now == Long.MIN_VALUE ? 0 : now, SessionCalendar.dateOf(tradingDay).toString(), tradingDay,
                simulatedDays, activeSymbols, published(), Math.round(ticksPerSecond * 10) / 10.0, speed,
                maxTicksPerSecond, simulator == null ? null : simulator.ticksPerSymbolPerSecond(),
                config.mode().name().toLowerCase(Locale.ROOT), sessionOpen, publishMetrics.errors(), ready(),
                replayStatus);
    }

    /** One entry per EventType, in contract order; built per call. */
    private Map<String, Long> published() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (EventType type : EventType.values()) {
            counts.put(type.tag, publishMetrics.count(type));
        }
        return counts;
    }

    /** For readiness: topics provisioned, metadata read, and no send failing right now. */
    public boolean ready() {
        return prepared && !publisher.failingSince(Duration.ofSeconds(30));
    }

    public String notReadyReason() {
        if (!prepared) {
            return prepareError;
        }
        return publisher.failingSince(Duration.ofSeconds(30)) ? "sends failing: " + publisher.lastFailure() : "";
    }

    /** For liveness: the driver thread is alive (it never exits before shutdown). */
    public boolean driverAlive() {
        Thread thread;
        synchronized (lock) {
            thread = driver;
        }
        return !driverFailed && (thread == null || thread.isAlive());
    }

    public State state() {
        synchronized (lock) {
            return state;
        }
    }

    public SymbolUniverse universe() {
        return universe;
    }
}
