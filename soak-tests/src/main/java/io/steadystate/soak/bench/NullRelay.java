package io.steadystate.soak.bench;

import io.steadystate.core.event.MarketEvent;
import io.steadystate.core.event.Side;
import io.steadystate.core.event.Signal;
import io.steadystate.core.event.Tick;
import io.steadystate.core.serde.MarketEventSerde;
import io.steadystate.core.serde.SignalSerde;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The null pipeline's strategy-service: one consumer group on the tick topic, one plain consumer and one plain
 * producer on one thread. It decodes every record with trading-core's serde and forwards every
 * {@link #FORWARD_EVERY}-th tick (≈ 3 %, about what strategy-service emits per tick in the bench's market) as a
 * real {@link Signal} keyed by symbol. Offsets are committed asynchronously after each poll's sends were handed
 * to the producer. Counters: ticks processed, signals forwarded. No strategy work at all: that is the point.
 */
final class NullRelay implements NullPipelineProcess.Role {

    static final int FORWARD_EVERY = 33;

    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final String ticks;
    private final String signals;
    private final AtomicBoolean running;
    private final PrintStream out;
    private final MarketEventSerde markets = new MarketEventSerde();
    private final SignalSerde signalSerde = new SignalSerde();
    private final LongAdder processed = new LongAdder();
    private final LongAdder forwarded = new LongAdder();

    NullRelay(String bootstrap, Map<String, String> settings, AtomicBoolean running, PrintStream out) {
        this.running = running;
        this.out = out;
        this.ticks = settings.get("ticks");
        this.signals = settings.get("signals");
        consumer = new KafkaConsumer<>(
                NullSink.consumerConfig(
                        bootstrap, settings.get("group"), settings.getOrDefault("max.poll.records", "500")),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        // a plain producer at Kafka's defaults (acks=all, idempotent, linger.ms=5): what issue 11 asks of the services
        producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.CLIENT_ID_CONFIG,
                        "bench-null-relay"),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    @Override
    public LongAdder first() {
        return processed;
    }

    @Override
    public LongAdder second() {
        return forwarded;
    }

    @Override
    public void run() {
        consumer.subscribe(List.of(ticks), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                out.println("ready");
            }
        });
        long seen = 0;
        try {
            while (running.get()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                int n = 0;
                for (ConsumerRecord<String, byte[]> r : records) {
                    MarketEvent e = markets.decode(r.value());
                    if (e instanceof Tick t) {
                        n++;
                        if (++seen % FORWARD_EVERY == 0) {
                            producer.send(new ProducerRecord<>(signals, t.symbol(), signalSerde.encode(signalOf(t))));
                            forwarded.increment();
                        }
                    }
                }
                if (!records.isEmpty()) {
                    consumer.commitAsync();
                }
                processed.add(n);
            }
        } catch (WakeupException stop) {
            // closing
        } finally {
            producer.close(Duration.ofSeconds(2));
            consumer.close(Duration.ofSeconds(2));
        }
    }

    static Signal signalOf(Tick t) {
        double p = t.price();
        return new Signal(
                Signal.idFor(t.symbol(), 11, t.eventTime()),
                t.symbol(),
                11,
                Side.BUY,
                p,
                p * 0.99,
                p * 1.01,
                100,
                t.eventTime(),
                t.eventTime(),
                t.originMicros());
    }
}
