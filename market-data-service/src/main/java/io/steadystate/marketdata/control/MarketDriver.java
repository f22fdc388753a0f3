package io.steadystate.marketdata.control;

import io.steadystate.core.event.MarketEvent;
import io.steadystate.kit.log.ThrottledLog;
import io.steadystate.kit.time.EpochMicros;
import io.steadystate.marketdata.MarketSource;
import io.steadystate.marketdata.OriginClock;
import io.steadystate.marketdata.resume.ResumePoint;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The {@code market-driver} thread: prepares the output (retrying every 5 s), resumes the source after what
 * a previous run published, then plays it at the {@link Pacer}'s pace while the {@link MarketLifecycle} says
 * RUNNING. Every access to the source happens under the market lock, so REST listings and delistings land in
 * the stream in order with the ticks; a chunk of at most {@link Pacer#CHUNK_TICKS} ticks bounds the wait.
 *
 * <p>One wall clock ({@code clock}, microsecond precision) paces the loop and stamps ticks through the
 * {@link TickSchedule}. The {@link DriverHeartbeat} is the only thing liveness reads: the lock is held across
 * sends, so nothing a probe calls may take it.
 */
public final class MarketDriver {

    private static final Logger LOG = Logger.getLogger(MarketDriver.class);
    private static final long RETRY_MILLIS = 5_000;
    private static final long IDLE_WAIT_MILLIS = 1_000;

    private final MarketSource source;
    private final Consumer<MarketEvent> sink;
    private final MarketPreparation preparation;
    private final MarketLifecycle lifecycle;
    private final MarketRates rates;
    private final MarketSnapshot snapshot;
    private final TickSchedule schedule;
    private final DriverHeartbeat heartbeat;
    private final Clock clock;
    private final Pacer pacer = new Pacer();
    private final Object marketLock = new Object();
    private final ThrottledLog prepareLog = new ThrottledLog(LOG, 30_000);

    private volatile boolean prepared;
    private volatile String prepareError = "not yet connected";
    private Thread thread;

    /**
     * @param schedule the {@link OriginClock} the source was built with: the driver sets it before each grant
     */
    public MarketDriver(
            MarketSource source,
            Consumer<MarketEvent> publisher,
            MarketPreparation preparation,
            MarketLifecycle lifecycle,
            MarketRates rates,
            MarketSnapshot snapshot,
            TickSchedule schedule,
            DriverHeartbeat heartbeat,
            Clock clock) {
        this.source = source;
        this.preparation = preparation;
        this.lifecycle = lifecycle;
        this.rates = rates;
        this.snapshot = snapshot;
        this.schedule = schedule;
        this.heartbeat = heartbeat;
        this.clock = clock;
        // a send that returns — even after blocking on a full buffer — is progress
        this.sink = event -> {
            publisher.accept(event);
            heartbeat.beat();
        };
    }

    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("the driver runs already");
        }
        thread = new Thread(this::run, "market-driver");
        thread.setDaemon(true);
        thread.start();
    }

    /** The driver finishes its chunk (bounded by {@code joinMillis}) and exits. */
    public void shutdown(long joinMillis) {
        lifecycle.shutdown();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t == null) {
            return;
        }
        t.interrupt();
        try {
            t.join(joinMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs {@code change} on the source under the market lock (in stream order with the ticks). */
    public <T> T withMarket(Function<MarketSource, T> change) {
        synchronized (marketLock) {
            T result = change.apply(source);
            snapshot.update(source);
            return result;
        }
    }

    /**
     * Waits for the chunk in progress, if any: after a transition out of RUNNING, nothing more is played once
     * this returns (the driver checks the lifecycle under the same lock before each grant).
     */
    public void awaitChunk() {
        synchronized (marketLock) {
            assert Thread.holdsLock(marketLock); // the point is acquiring it: the chunk in progress has ended
        }
    }

    public boolean prepared() {
        return prepared;
    }

    public String prepareError() {
        return prepareError;
    }

    private void run() {
        try {
            while (!prepared && !lifecycle.isShutdown()) {
                prepare();
                heartbeat.beat();
                if (!prepared) {
                    lifecycle.sleepUnlessShutdown(RETRY_MILLIS);
                }
            }
            play();
        } catch (InterruptedException e) {
            if (!lifecycle.isShutdown()) {
                heartbeat.failed();
                LOG.error("market driver interrupted outside shutdown");
            }
        } catch (RuntimeException | Error e) {
            heartbeat.failed();
            LOG.errorf(e, "market driver died");
        }
    }

    private void prepare() {
        try {
            Optional<ResumePoint> resume = preparation.prepare();
            synchronized (marketLock) {
                resume.ifPresent(point -> {
                    source.resumeAfter(point);
                    LOG.infof(
                            "resuming after the events already on the topic (latest at %s; sequences continue above %d)",
                            point.lastEventTimeMillis() == Long.MIN_VALUE
                                    ? "-"
                                    : Instant.ofEpochMilli(point.lastEventTimeMillis())
                                            .toString(),
                            point.sequenceFloor());
                });
            }
            prepared = true;
            prepareError = "";
        } catch (RuntimeException e) {
            prepareError = String.valueOf(e.getMessage());
            prepareLog.warn("Kafka not ready, retrying every 5 s", e.toString());
        }
    }

    private void play() throws InterruptedException {
        boolean running = false;
        long lastMicros = 0;
        while (true) {
            heartbeat.beat();
            if (!lifecycle.awaitRunning(IDLE_WAIT_MILLIS)) {
                if (lifecycle.isShutdown()) {
                    return;
                }
                running = false;
                snapshot.idle(System.nanoTime());
                continue;
            }
            long nowMicros = EpochMicros.now(clock);
            if (!running) {
                // (re)started: the time spent paused or stopped is not owed
                running = true;
                lastMicros = nowMicros;
                pacer.reset();
                snapshot.idle(System.nanoTime());
            }
            long elapsedNanos = (nowMicros - lastMicros) * 1000L;
            lastMicros = nowMicros;
            int ticks = 0;
            synchronized (marketLock) {
                double speed = rates.speed();
                if (lifecycle.isRunning() && pacer.grant(elapsedNanos, speed, rates.maxTicksPerSecond())) {
                    schedule.grant(
                            source.nowNanos(), nowMicros - pacer.grantedElapsedNanos() / 1000L, nowMicros, speed);
                    ticks = source.advance(pacer.budgetNanos(), pacer.maxTicks(), sink);
                    pacer.played(ticks);
                    if (source.finished()) {
                        lifecycle.finish();
                        LOG.info("replay finished");
                    }
                    snapshot.update(source);
                }
            }
            snapshot.played(ticks, System.nanoTime());
            if (!Pacer.behind(ticks)) {
                LockSupport.parkNanos(1_000_000L); // ahead of the wall clock or of the tick cap: wait for budget
            }
        }
    }
}
