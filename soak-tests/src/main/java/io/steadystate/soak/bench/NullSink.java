package io.steadystate.soak.bench;

import io.steadystate.core.event.MarketEvent;
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
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The null pipeline's order-service: one consumer group reading both the tick topic and the relay's signal topic
 * (co-partitioned by symbol, like order-service's market events + signals), decoding every record with
 * trading-core's serdes and doing nothing else. Counters: ticks processed, signals read.
 */
final class NullSink implements NullPipelineProcess.Role {

    private final KafkaConsumer<String, byte[]> consumer;
    private final String ticks;
    private final String signals;
    private final AtomicBoolean running;
    private final PrintStream out;
    private final MarketEventSerde markets = new MarketEventSerde();
    private final SignalSerde signalSerde = new SignalSerde();
    private final LongAdder processed = new LongAdder();
    private final LongAdder signalsRead = new LongAdder();

    NullSink(String bootstrap, Map<String, String> settings, AtomicBoolean running, PrintStream out) {
        this.running = running;
        this.out = out;
        this.ticks = settings.get("ticks");
        this.signals = settings.get("signals");
        consumer = new KafkaConsumer<>(
                consumerConfig(bootstrap, settings.get("group"), settings.getOrDefault("max.poll.records", "500")),
                new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    /**
     * Plain consumer defaults plus what the services set: earliest reset (a discarded backlog resets to the new log
     * start) and their max.poll.records.
     */
    static Map<String, Object> consumerConfig(String bootstrap, String group, String maxPollRecords) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                Integer.parseInt(maxPollRecords),
                ConsumerConfig.CLIENT_ID_CONFIG,
                group);
    }

    @Override
    public LongAdder first() {
        return processed;
    }

    @Override
    public LongAdder second() {
        return signalsRead;
    }

    @Override
    public void run() {
        consumer.subscribe(List.of(ticks, signals), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                out.println("ready");
            }
        });
        try {
            while (running.get()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                int n = 0;
                for (ConsumerRecord<String, byte[]> r : records) {
                    if (r.topic().equals(ticks)) {
                        MarketEvent e = markets.decode(r.value());
                        if (e instanceof Tick) {
                            n++;
                        }
                    } else {
                        signalSerde.decode(r.value());
                        signalsRead.increment();
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
            consumer.close(Duration.ofSeconds(2));
        }
    }
}
