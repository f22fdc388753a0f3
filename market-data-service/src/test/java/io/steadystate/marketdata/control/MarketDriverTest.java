package io.steadystate.marketdata.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.steadystate.core.event.MarketEvent;
import io.steadystate.core.event.Tick;
import io.steadystate.marketdata.MarketSource;
import io.steadystate.marketdata.publish.PublishMetrics;
import io.steadystate.marketdata.resume.ResumePoint;
import io.steadystate.marketdata.simulation.Markets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The driver thread with a sink that blocks like {@code KafkaProducer.send} on a full buffer, and a wall clock
 * the test moves by hand. The hang guards ({@code assertTimeoutPreemptively}) are there so that a probe that
 * waits for the market lock fails the test instead of hanging it; they time nothing.
 */
class MarketDriverTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(20);
    private static final long T0_MICROS = 1_800_000_000_000_000L;

    private final ManualClock clock = new ManualClock(T0_MICROS);
    private final MarketLifecycle lifecycle = new MarketLifecycle();
    private final TickSchedule schedule = new TickSchedule();
    private final DriverHeartbeat heartbeat = new DriverHeartbeat(System::nanoTime);
    private final BlockingSink sink = new BlockingSink(110); // after the 100 listings and the open: in the first ticks
    private final MarketSource source = Markets.simulator(5, 100, 1, 0, 200, schedule);
    private final MarketSnapshot snapshot = new MarketSnapshot(Markets.MONDAY, new SimpleMeterRegistry());
    private final MarketRates rates = new MarketRates(1, 0);
    private final MarketDriver driver = new MarketDriver(
            source, sink, Optional::<ResumePoint>empty, lifecycle, rates, snapshot, schedule, heartbeat, clock);
    private final MarketStatusView status = new MarketStatusView(
            "SIMULATE", source, lifecycle, snapshot, rates, new PublishMetrics(new SimpleMeterRegistry()), () -> true);

    @AfterEach
    void stopTheDriver() {
        sink.release.countDown();
        driver.shutdown(5_000);
    }

    @Test
    void livenessStatusAndLifecycleAnswerWhileASendBlocksHoldingTheMarketLock() throws InterruptedException {
        driver.start();
        lifecycle.start();
        playUntilBlocked();

        assertTimeoutPreemptively(HANG_GUARD, () -> {
            assertThat(heartbeat.live()).isTrue();
            assertThat(lifecycle.state()).isEqualTo(MarketLifecycle.State.RUNNING);
            assertThat(status.status().state()).isEqualTo("RUNNING");
            lifecycle.stop(); // the transition itself does not wait for the chunk either
        });
        assertThat(sink.blocked.getCount()).as("still blocked in the send").isZero();
        assertThat(sink.release.getCount()).isEqualTo(1);
    }

    @Test
    void ticksCarryTheirScheduledWallTimeNotTheTimeABlockedSendReturned() throws InterruptedException {
        driver.start();
        lifecycle.start();
        long grantEnd = playUntilBlocked();

        clock.set(grantEnd + 30_000_000); // the send blocks for 30 s of wall time
        lifecycle.stop();
        sink.release.countDown();
        assertTimeoutPreemptively(HANG_GUARD, driver::awaitChunk);

        List<Tick> ticks = sink.events.stream()
                .filter(Tick.class::isInstance)
                .map(Tick.class::cast)
                .toList();
        assertThat(ticks).hasSizeGreaterThan(20);
        // the blocking grant covered wall time (grantEnd - 1 s, grantEnd]: every tick of it is due inside it
        assertThat(ticks).allSatisfy(t -> assertThat(t.originMicros()).isBetween(grantEnd - 1_000_000, grantEnd));
        assertThat(ticks.stream().mapToLong(Tick::originMicros).distinct().count())
                .as("spread over the grant at microsecond precision, not one stamp per chunk")
                .isGreaterThan(10);
        for (int i = 1; i < ticks.size(); i++) {
            assertThat(ticks.get(i).originMicros())
                    .isGreaterThanOrEqualTo(ticks.get(i - 1).originMicros());
        }
    }

    /** Moves the clock so the driver plays the open, the listings, then a second of ticks that blocks. */
    private long playUntilBlocked() throws InterruptedException {
        awaitEvents(1); // the first grant needs elapsed time; before it, nothing
        clock.set(T0_MICROS + 1_000);
        awaitEvents(101); // open + 100 listings (a millisecond of session has ~0.1 tick)
        long grantEnd = T0_MICROS + 1_000 + 1_000_000;
        clock.set(grantEnd); // one second at speed 1: ~100 ticks, the 10th or so blocks
        assertThat(sink.blocked.await(HANG_GUARD.toSeconds(), TimeUnit.SECONDS))
                .as("the send blocked")
                .isTrue();
        return grantEnd;
    }

    private void awaitEvents(int count) throws InterruptedException {
        if (count <= 1) {
            Thread.sleep(20); // let the driver take its first look at the clock
            return;
        }
        long deadline = System.nanoTime() + HANG_GUARD.toNanos();
        while (sink.events.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(sink.events.size()).isGreaterThanOrEqualTo(count);
    }

    /** Blocks the {@code blockAt}-th send until released, as a full producer buffer does. */
    private static final class BlockingSink implements Consumer<MarketEvent> {
        final List<MarketEvent> events = new CopyOnWriteArrayList<>();
        final CountDownLatch blocked = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final int blockAt;

        BlockingSink(int blockAt) {
            this.blockAt = blockAt;
        }

        @Override
        public void accept(MarketEvent event) {
            events.add(event);
            if (events.size() == blockAt) {
                blocked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static final class ManualClock extends Clock {
        private final AtomicLong micros;

        ManualClock(long micros) {
            this.micros = new AtomicLong(micros);
        }

        void set(long value) {
            micros.set(value);
        }

        @Override
        public Instant instant() {
            long m = micros.get();
            return Instant.ofEpochSecond(m / 1_000_000L, (m % 1_000_000L) * 1_000L);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
