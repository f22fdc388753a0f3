package io.steadystate.soak.poison;

import io.steadystate.soak.stack.MarketClient;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code --poison RATE}: a producer of the harness that writes {@code RATE} hostile records per second during the
 * session, cycling through every {@link PoisonKind} on {@code market.events}, {@code strategy.signals} and
 * {@code strategy.params}. Each acknowledged record's coordinates are kept with its kind, so {@link PoisonAudit}
 * can find it on the DLQs by the source headers — and the topic audit can leave it out. Hostile times and prices
 * are aimed at a live symbol (from {@code GET /market/symbols}) and at market-data's current simulated time.
 */
public final class PoisonProducer implements AutoCloseable {

    private final double rate;
    private final KafkaProducer<String, byte[]> producer;
    private final MarketClient market;
    private final Consumer<String> progress;
    private final PoisonRecords records = new PoisonRecords(7);
    /** topic-partition@offset → kind, of every acknowledged poison record. */
    private final Map<String, PoisonKind> written = new ConcurrentHashMap<>();

    private final Map<PoisonKind, AtomicLong> failed = new EnumMap<>(PoisonKind.class);
    private volatile boolean stopping;
    private Thread thread;

    public PoisonProducer(double rate, String bootstrap, MarketClient market, Consumer<String> progress) {
        if (!(rate > 0 && rate <= 1000)) {
            throw new IllegalArgumentException("--poison rate must be in (0, 1000] records per second, was " + rate);
        }
        this.rate = rate;
        this.market = market;
        this.progress = progress;
        for (PoisonKind k : PoisonKind.values()) {
            failed.put(k, new AtomicLong());
        }
        this.producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.CLIENT_ID_CONFIG,
                        "soak-poison",
                        ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                        1024 * 1024,
                        ProducerConfig.LINGER_MS_CONFIG,
                        0),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    public PoisonProducer start() {
        thread = new Thread(this::produce, "soak-poison");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    private void produce() {
        PoisonKind[] kinds = PoisonKind.values();
        long intervalNanos = (long) (1e9 / rate);
        long next = System.nanoTime();
        long n = 0;
        List<String> symbols = List.of();
        long now = 0;
        long refreshed = 0;
        while (!stopping) {
            if (System.nanoTime() - refreshed > 2_000_000_000L || symbols.isEmpty()) {
                symbols = liveSymbols(symbols);
                now = simulatedMillis(now);
                refreshed = System.nanoTime();
            }
            if (symbols.isEmpty() || now == 0) {
                sleep(500); // market-data not answering (restarting): poison waits rather than guessing a time
                continue;
            }
            PoisonKind kind = kinds[(int) (n % kinds.length)];
            String symbol = symbols.get((int) (n / kinds.length % symbols.size()));
            long seq = n++;
            ProducerRecord<String, byte[]> r = records.record(kind, seq, symbol, now);
            producer.send(r, (meta, error) -> {
                if (error != null) {
                    failed.get(kind).incrementAndGet();
                } else {
                    written.put(PoisonAudit.coordinates(meta.topic(), meta.partition(), meta.offset()), kind);
                }
            });
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } else if (wait < -1_000_000_000L) {
                next = System.nanoTime(); // fell behind (a broker outage): do not burst to catch up
            }
        }
    }

    private List<String> liveSymbols(List<String> previous) {
        try {
            List<String> out = market.symbols().stream()
                    .map(MarketClient.Listing::symbol)
                    .filter(s -> s != null && !s.isEmpty())
                    .limit(5)
                    .toList();
            return out.isEmpty() ? previous : out;
        } catch (IOException | RuntimeException e) {
            return previous;
        }
    }

    private long simulatedMillis(long previous) {
        try {
            Double s = market.status().simulatedEpochSeconds();
            if (s != null && s > 0) {
                return (long) (s * 1000);
            }
        } catch (IOException | RuntimeException e) {
            // keep the last known time
        }
        return previous;
    }

    /** Stops writing and waits for every acknowledgement. */
    public void stop() {
        stopping = true;
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        producer.flush();
        progress.accept("poison: " + written.size() + " hostile records written");
    }

    /** Coordinates → kind of every acknowledged poison record. */
    public Map<String, PoisonKind> written() {
        return Map.copyOf(written);
    }

    public Map<PoisonKind, Long> failedSends() {
        Map<PoisonKind, Long> out = new EnumMap<>(PoisonKind.class);
        failed.forEach((k, v) -> {
            if (v.get() > 0) {
                out.put(k, v.get());
            }
        });
        return out;
    }

    private void sleep(long ms) {
        sleep(ms, 0);
    }

    private void sleep(long ms, int nanos) {
        try {
            Thread.sleep(ms, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    @Override
    public void close() {
        stopping = true;
        producer.close(Duration.ofSeconds(5));
    }
}
