package io.steadystate.soak.bench;

import io.steadystate.core.event.Tick;
import io.steadystate.core.kafka.Partitioning;
import io.steadystate.core.serde.MarketEventSerde;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The null pipeline's market: real {@link Tick}s (a cheap random walk over {@code symbols} 4-letter symbols, so
 * every record is an encoded tick of 65 bytes), keyed by symbol onto {@link Partitioning#partitionOf} like
 * market-data, through one plain producer with market-data's producer settings (passed in as {@code producer.*}).
 * {@code rate N} caps ticks per wall second (0 = as fast as the producer takes them), {@code pause} stops.
 * originMicros is the tick's scheduled time in microseconds (capped) or its send time (unthrottled). Counters:
 * ticks acknowledged by the broker (like market-data's published counter), send failures.
 */
final class NullTickSource implements NullPipelineProcess.Role {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final int partitions;
    private final String[] symbols;
    private final double[] prices;
    private final long[] sequences;
    private final MarketEventSerde serde = new MarketEventSerde();
    private final AtomicBoolean running;
    private final LongAdder acked = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final Callback counting = (metadata, error) -> {
        if (error == null) {
            acked.increment();
        } else {
            failed.increment();
        }
    };
    private volatile long rate = -1; // -1 paused, 0 unthrottled
    private volatile long epoch; // bumps on every command so the pacer restarts its schedule
    private long next;
    private long eventTime = 1_767_605_400_000L; // 2026-01-05 09:30 UTC, simulated time only

    NullTickSource(String bootstrap, Map<String, String> settings, AtomicBoolean running, PrintStream out) {
        this.running = running;
        this.topic = settings.get("topic");
        int n = Integer.parseInt(settings.getOrDefault("symbols", "500"));
        Map<String, Object> config = new HashMap<>();
        settings.forEach((k, v) -> {
            if (k.startsWith("producer.")) {
                config.put(k.substring("producer.".length()), v);
            }
        });
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-null-source");
        producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        partitions = producer.partitionsFor(topic).size();
        symbols = new String[n];
        prices = new double[n];
        sequences = new long[n];
        for (int i = 0; i < n; i++) {
            symbols[i] = symbol(i);
            prices[i] = 20 + (i % 180);
        }
        out.println("ready");
    }

    /** AAAA, AAAB, …: 4 letters, like market-data's universe. */
    static String symbol(int i) {
        char[] c = new char[4];
        for (int k = 3; k >= 0; k--) {
            c[k] = (char) ('A' + i % 26);
            i /= 26;
        }
        return new String(c);
    }

    @Override
    public LongAdder first() {
        return acked;
    }

    @Override
    public LongAdder second() {
        return failed;
    }

    @Override
    public void command(String line) {
        if (line.equals("pause")) {
            rate = -1;
        } else if (line.startsWith("rate ")) {
            rate = Long.parseLong(line.substring(5).strip());
        }
        epoch++;
    }

    @Override
    public void run() {
        long seenEpoch = -1;
        long startNanos = 0;
        long startMicros = 0;
        long sent = 0;
        try {
            while (running.get()) {
                long r = rate;
                if (r < 0) {
                    LockSupport.parkNanos(1_000_000);
                    continue;
                }
                if (seenEpoch != epoch) {
                    seenEpoch = epoch;
                    startNanos = System.nanoTime();
                    startMicros = EventLatencyProbe.nowMicros();
                    sent = 0;
                }
                if (r == 0) {
                    send(EventLatencyProbe.nowMicros());
                    continue;
                }
                long elapsed = System.nanoTime() - startNanos;
                long due = (long) (elapsed / 1e9 * r);
                if (sent >= due) {
                    LockSupport.parkNanos(Math.min(1_000_000, (long) ((sent + 1 - due) * 1e9 / r)));
                    continue;
                }
                for (int k = 0; k < 1000 && sent < due; k++, sent++) {
                    send(startMicros + (long) (sent * 1e6 / r)); // the tick's scheduled time, µs
                }
            }
        } finally {
            producer.close(java.time.Duration.ofSeconds(2));
        }
    }

    private void send(long originMicros) {
        int i = (int) (next++ % symbols.length);
        double drift = ((next * 2654435761L) & 1023) / 1023.0 - 0.5;
        prices[i] = Math.max(1, prices[i] * (1 + drift * 0.001));
        double p = Math.round(prices[i] * 100) / 100.0;
        eventTime += 40;
        Tick t = new Tick(symbols[i], eventTime, ++sequences[i], p, p - 0.01, p + 0.01, 100, originMicros);
        producer.send(
                new ProducerRecord<>(
                        topic, Partitioning.partitionOf(symbols[i], partitions), symbols[i], serde.encode(t)),
                counting);
    }
}
