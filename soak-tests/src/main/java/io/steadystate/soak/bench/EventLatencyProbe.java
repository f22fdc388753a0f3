package io.steadystate.soak.bench;

import io.steadystate.core.event.OrderEvent;
import io.steadystate.core.event.OrderRole;
import io.steadystate.core.event.OrderStatus;
import io.steadystate.core.event.Signal;
import io.steadystate.core.kafka.Topics;
import io.steadystate.core.serde.OrderEventSerde;
import io.steadystate.core.serde.SignalSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The bench consumer: reads {@code strategy.signals} and {@code order.events} from their end (no group, no
 * commits) and records, for each event whose originating tick was published inside the current window,
 * end time − {@code originMicros} (microseconds: market-data stamps the tick's scheduled time). The end is the
 * receive wall time for signals; for order events it is {@link OrderEmitClock}'s (order-service's emit-time header,
 * else receive). It reads {@code read_committed}, as order-service and every downstream reader do: a signal counts
 * when it became visible (after its transaction's commit), and a record of an aborted transaction never counts:
 * <ul>
 *   <li>tick→signal: every signal;</li>
 *   <li>tick→order: order events made from a signal (entry ACCEPTED or REJECTED with a signal id) — the chain
 *       market-data → strategy → order;</li>
 *   <li>tick→fill: FILLED legs, which the tick itself triggered in order-service (one service hop).</li>
 * </ul>
 * Received figures include the bench consumer's own consume hop (broker → this JVM), which the one-hop baseline of
 * the same run measures. CANCELLED/EXPIRED legs carry no tick origin and are ignored.
 *
 * <p>Signals made at session close (and the entries made from them) are not tick latencies: strategy closes every
 * forming bar when the session ends and stamps the signal with the symbol's <em>last</em> tick's origin, possibly
 * long before. They are recognised by their event time (simulated, UTC) lying outside the session hours — no tick
 * has such a time — and kept in their own figures ({@code sessionCloseToSignal}, {@code sessionCloseToOrder}).
 */
public final class EventLatencyProbe implements AutoCloseable {

    public record Window(
            BenchResult.Latency tickToSignal,
            BenchResult.Latency tickToOrder,
            BenchResult.Latency tickToFill,
            BenchResult.Latency sessionCloseToSignal,
            BenchResult.Latency sessionCloseToOrder) {}

    /** Session hours of the simulated exchange (UTC), from market-data's configuration. */
    public record SessionHours(java.time.LocalTime open, java.time.LocalTime close) {
        private static final long DAY = 86_400_000L;

        /** True for a simulated event time no tick can have: at or after close, or before open. */
        boolean outside(long eventTimeMillis) {
            long ms = Math.floorMod(eventTimeMillis, DAY);
            return ms < open.toSecondOfDay() * 1000L || ms >= close.toSecondOfDay() * 1000L;
        }
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private final SignalSerde signals = new SignalSerde();
    private final OrderEventSerde orders = new OrderEventSerde();
    private volatile boolean running = true;
    private final Object lock = new Object();
    private Histogram toSignal = histogram();
    private Histogram toOrder = histogram();
    private Histogram toFill = histogram();
    private Histogram closeToSignal = histogram();
    private Histogram closeToOrder = histogram();
    private final SessionHours session;
    private final OrderEmitClock orderClock = new OrderEmitClock();
    private long windowStartMicros = Long.MAX_VALUE;
    private long windowEndMicros = Long.MAX_VALUE;
    private volatile Throwable failure;

    public EventLatencyProbe(String bootstrap, SessionHours session) {
        this.session = session;
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.FETCH_MIN_BYTES_CONFIG,
                        1,
                        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                        100,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        2000,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.SIGNALS, Topics.ORDER_EVENTS)) {
            for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(15))) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(this::loop, "bench-latency-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            while (running) {
                var records = consumer.poll(Duration.ofMillis(100));
                long now = nowMicros();
                synchronized (lock) {
                    for (ConsumerRecord<byte[], byte[]> r : records) {
                        record(r, now);
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException stop) {
            // close()
        } catch (Throwable t) {
            failure = t;
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void record(ConsumerRecord<byte[], byte[]> r, long now) {
        try {
            if (r.topic().equals(Topics.SIGNALS)) {
                Signal s = signals.decode(r.value());
                add(session.outside(s.eventTime()) ? closeToSignal : toSignal, s.originMicros(), now);
            } else {
                OrderEvent e = orders.decode(r.value());
                long end = orderClock.endMicros(r.headers(), now);
                if (e.status() == OrderStatus.FILLED) {
                    add(toFill, e.originMicros(), end);
                } else if (e.role() == OrderRole.ENTRY
                        && !e.signalId().isEmpty()
                        && (e.status() == OrderStatus.ACCEPTED || e.status() == OrderStatus.REJECTED)) {
                    add(session.outside(e.eventTime()) ? closeToOrder : toOrder, e.originMicros(), end);
                }
            }
        } catch (RuntimeException undecodable) {
            // not ours to judge: the services' DLQs count bad records
        }
    }

    private void add(Histogram h, long origin, long now) {
        if (origin >= windowStartMicros && origin < windowEndMicros) {
            h.recordValue(Math.max(0, now - origin));
        }
    }

    /** Starts a new window: only events of ticks published from now on are recorded. */
    public void startWindow() {
        synchronized (lock) {
            toSignal = histogram();
            toOrder = histogram();
            toFill = histogram();
            closeToSignal = histogram();
            closeToOrder = histogram();
            windowStartMicros = nowMicros();
            windowEndMicros = Long.MAX_VALUE;
        }
    }

    /** Ends the window (after the late events of its last ticks had time to arrive) and returns its figures. */
    public Window endWindow() {
        if (failure != null) {
            throw new IllegalStateException("bench consumer failed: " + failure, failure);
        }
        synchronized (lock) {
            Window w = new Window(
                    latency(toSignal),
                    latency(toOrder),
                    latency(toFill),
                    latency(closeToSignal),
                    latency(closeToOrder));
            windowStartMicros = Long.MAX_VALUE;
            return w;
        }
    }

    /** Ticks published from now on are outside the window; events of earlier ticks still in flight count. */
    public void closeWindowToNewTicks() {
        synchronized (lock) {
            windowEndMicros = nowMicros();
        }
    }

    /** Which clock ends tick → order and tick → fill in this run (written to bench.json). */
    public String orderClock() {
        return orderClock.describe();
    }

    static BenchResult.Latency latency(Histogram h) {
        if (h.getTotalCount() == 0) {
            return BenchResult.Latency.NONE;
        }
        return new BenchResult.Latency(
                h.getTotalCount(),
                h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0,
                h.getValueAtPercentile(99.9) / 1000.0,
                h.getMaxValue() / 1000.0);
    }

    private static Histogram histogram() {
        return new Histogram(3_600_000_000L, 3); // up to one hour in microseconds, 3 significant digits
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
