package io.steadystate.order.fault;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.steadystate.core.event.OrderEvent;
import io.steadystate.core.kafka.KafkaConnection;
import io.steadystate.core.kafka.Topics;
import io.steadystate.core.serde.OrderEventSerde;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Negative control of the chaos soak: with {@code steadystate.fault.mode=duplicate-order-events} every
 * {@code rate}-th order event is also sent a second time by a plain producer <em>outside</em> the delivery loop's
 * transaction — the classic at-least-once mistake (a "notification" producer beside the transactional one). The copy
 * is visible to read_committed readers at once, even when the transaction it belongs to aborts, so the soak's topic
 * accounting must fail with "order event twice". Off by default: {@link #off()} does nothing and owns no producer.
 */
public final class DuplicateOrderEvents implements AutoCloseable {

    public static final String MODE = "duplicate-order-events";

    private final Producer<String, byte[]> producer;
    private final int every;
    private final OrderEventSerde serde = new OrderEventSerde();
    private final Counter sent;
    private long seen;

    /** Package-private for the unit test (a {@code MockProducer}). */
    DuplicateOrderEvents(Producer<String, byte[]> producer, int every, Counter sent) {
        this.producer = producer;
        this.every = every;
        this.sent = sent;
    }

    public static DuplicateOrderEvents off() {
        return new DuplicateOrderEvents(null, 1, null);
    }

    /** The fault when {@code mode} selects it, else {@link #off()}. */
    public static DuplicateOrderEvents forMode(String mode, int rate, KafkaConnection kafka, MeterRegistry registry) {
        if (!MODE.equals(mode)) {
            return off();
        }
        Map<String, Object> config = kafka.clientConfig(Map.of(
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.CLIENT_ID_CONFIG, "order-service-duplicate-fault"));
        return new DuplicateOrderEvents(
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()),
                Math.max(1, rate),
                Counter.builder("steadystate.fault.duplicates.sent")
                        .description("Order events sent twice by the duplicate-order-events fault")
                        .register(registry));
    }

    public boolean active() {
        return producer != null;
    }

    /** Called for every order event the engine emits (on the loop thread, before the transaction commits). */
    public void onOrderEvent(OrderEvent event) {
        if (producer == null || ++seen % every != 0) {
            return;
        }
        producer.send(new ProducerRecord<>(Topics.ORDER_EVENTS, event.symbol(), serde.encode(event)));
        sent.increment();
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }
}
