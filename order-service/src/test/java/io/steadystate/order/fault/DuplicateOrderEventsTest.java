package io.steadystate.order.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.steadystate.core.event.OrderEvent;
import io.steadystate.core.event.OrderRole;
import io.steadystate.core.event.OrderStatus;
import io.steadystate.core.event.OrderType;
import io.steadystate.core.event.Side;
import io.steadystate.core.event.TimeInForce;
import io.steadystate.core.kafka.KafkaConnection;
import io.steadystate.core.kafka.Topics;
import io.steadystate.core.serde.OrderEventSerde;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class DuplicateOrderEventsTest {

    private static OrderEvent event(String id) {
        return new OrderEvent(
                id,
                id,
                "",
                "ACME",
                11,
                OrderRole.ENTRY,
                OrderStatus.ACCEPTED,
                Side.BUY,
                OrderType.LIMIT,
                TimeInForce.GTC,
                10,
                98,
                0,
                "",
                1_700_000_000_000L,
                0);
    }

    @Test
    void offUnlessItsModeIsSelectedAndThenOwnsNoProducer() {
        DuplicateOrderEvents off = DuplicateOrderEvents.forMode(
                "none", 1, KafkaConnection.plaintext("127.0.0.1:1"), new SimpleMeterRegistry());
        assertThat(off.active()).isFalse();
        off.onOrderEvent(event("a")); // nothing to send to, nothing thrown
        off.close();
    }

    @Test
    void everyNthOrderEventIsSentAgainOutsideTheTransactionWithTheSameBytes() {
        MockProducer<String, byte[]> producer =
                new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DuplicateOrderEvents fault =
                new DuplicateOrderEvents(producer, 2, Counter.builder("sent").register(registry));
        for (int i = 0; i < 6; i++) {
            fault.onOrderEvent(event("M-" + i));
        }
        assertThat(producer.history()).hasSize(3);
        assertThat(producer.history())
                .allMatch(r -> r.topic().equals(Topics.ORDER_EVENTS) && r.key().equals("ACME"));
        assertThat(new OrderEventSerde().decode(producer.history().get(0).value()))
                .isEqualTo(event("M-1"));
        assertThat(producer.transactionInFlight()).isFalse();
        assertThat(registry.get("sent").counter().count()).isEqualTo(3);
    }
}
