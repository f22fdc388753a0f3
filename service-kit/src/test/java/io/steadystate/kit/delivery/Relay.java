package io.steadystate.kit.delivery;

import java.util.Collection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The kit ITs' handler: forwards every record to one topic, same key and value. Given latches, it stops inside the
 * handler at one poll (the transaction still open) until the test has looked.
 */
final class Relay implements DeliveryHandler {

    final AtomicInteger polls = new AtomicInteger();
    private final String out;
    private final int holdAtPoll;
    private final CountDownLatch holding;
    private final CountDownLatch release;

    Relay(String out) {
        this(out, 0, new CountDownLatch(0), new CountDownLatch(0));
    }

    /** Counts down {@code holding} at poll {@code holdAtPoll}, then waits (at most a minute) for {@code release}. */
    Relay(String out, int holdAtPoll, CountDownLatch holding, CountDownLatch release) {
        this.out = out;
        this.holdAtPoll = holdAtPoll;
        this.holding = holding;
        this.release = release;
    }

    @Override
    public void assigned(Collection<TopicPartition> partitions, Consumer<?, ?> consumer) {}

    @Override
    public void revoked(Collection<TopicPartition> partitions) {}

    @Override
    public void handle(ConsumerRecords<String, byte[]> records, Outbox outbox) {
        if (polls.incrementAndGet() == holdAtPoll) {
            holding.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        records.forEach(r -> outbox.send(new ProducerRecord<>(out, r.key(), r.value())));
    }
}
