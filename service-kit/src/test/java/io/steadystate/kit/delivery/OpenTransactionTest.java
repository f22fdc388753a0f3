package io.steadystate.kit.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The transaction bookkeeping without a broker (the loop's behaviour against a real one is TransactionWindowIT,
 * FailedSendIT): counts of committed work follow commits and aborts, and the window stretches to a slow commit.
 */
class OpenTransactionTest {

    private static final TopicPartition TP = new TopicPartition("t", 0);

    /** Counts every handled record, published only through the loop's commit/abort callbacks. */
    private static final class CountingHandler implements DeliveryHandler {
        final CommittedCounter counter = new CommittedCounter();

        @Override
        public void assigned(Collection<TopicPartition> partitions, Consumer<?, ?> consumer) {}

        @Override
        public void revoked(Collection<TopicPartition> partitions) {}

        @Override
        public void handle(ConsumerRecords<String, byte[]> records, Outbox out) {
            records.forEach(r -> counter.increment());
        }

        @Override
        public void committed() {
            counter.committed();
        }

        @Override
        public void aborted() {
            counter.aborted();
        }
    }

    /** A transactional producer whose commit takes {@code commitMillis} (a slow broker). */
    private static MockProducer<String, byte[]> producer(long commitMillis) {
        MockProducer<String, byte[]> p =
                new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer()) {
                    @Override
                    public void commitTransaction() {
                        try {
                            Thread.sleep(commitMillis);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        super.commitTransaction();
                    }
                };
        p.initTransactions();
        return p;
    }

    /** A consumer of group "g" that owns {@link #TP}: what the commit reads the group from, or commits through. */
    private static MockConsumer<String, byte[]> consumer() {
        MockConsumer<String, byte[]> c = new MockConsumer<>("earliest") {
            @Override
            public ConsumerGroupMetadata groupMetadata() {
                return new ConsumerGroupMetadata("g");
            }
        };
        c.assign(List.of(TP));
        return c;
    }

    private static ConsumerRecords<String, byte[]> polled(long firstOffset, int n) {
        List<ConsumerRecord<String, byte[]>> rs = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            rs.add(new ConsumerRecord<>(TP.topic(), TP.partition(), firstOffset + i, "k", new byte[1]));
        }
        return new ConsumerRecords<>(Map.of(TP, rs), Map.of());
    }

    @Test
    void countsPublishOnlyCommittedWorkAndAReplayAfterAnAbortCountsOnce() {
        CountingHandler handler = new CountingHandler();
        handler.counter.register("work", "test", new SimpleMeterRegistry());
        OpenTransaction open = new OpenTransaction(new TransactionWindow(5_000, Duration.ofSeconds(1)), handler, 500);
        MockProducer<String, byte[]> producer = producer(0);

        open.beginIfClosed(producer);
        ConsumerRecords<String, byte[]> first = polled(0, 3);
        handler.handle(first, Outbox.NONE);
        open.handled(first);
        assertThat(handler.counter.count())
                .as("nothing counts before the commit")
                .isZero();
        producer.abortTransaction();
        open.aborted();
        assertThat(handler.counter.pending())
                .as("the aborted transaction's work is forgotten")
                .isZero();

        open.beginIfClosed(producer); // the replay of the same records from the committed offset
        handler.handle(first, Outbox.NONE);
        open.handled(first);
        open.commit(producer, consumer());
        assertThat(handler.counter.count()).as("three records, counted once").isEqualTo(3);
        assertThat(producer.consumerGroupOffsetsHistory())
                .containsExactly(Map.of("g", Map.of(TP, new OffsetAndMetadata(3))));
    }

    @Test
    void whileBehindACommitSlowerThanTheMaxAgeStretchesTheWindowToItsDurationCapped() {
        CountingHandler handler = new CountingHandler();
        Duration maxAge = Duration.ofMillis(10);
        OpenTransaction open = new OpenTransaction(new TransactionWindow(5_000, maxAge), handler, 3);
        assertThat(open.ageNanos()).as("before any commit").isEqualTo(maxAge.toNanos());

        MockProducer<String, byte[]> slow = producer(80);
        open.beginIfClosed(slow);
        open.handled(polled(0, 3)); // a full poll: behind
        open.commit(slow, consumer());
        open.beginIfClosed(slow);
        open.handled(polled(3, 3));
        assertThat(open.ageNanos())
                .as("behind after an 80 ms commit: stretched, capped at 5 × 10 ms")
                .isEqualTo(OpenTransaction.STRETCH_CAP * maxAge.toNanos());
        open.handled(polled(6, 2)); // the backlog is gone: the poll was not full
        assertThat(open.ageNanos()).as("keeping up: the plain max age").isEqualTo(maxAge.toNanos());

        OpenTransaction quick = new OpenTransaction(new TransactionWindow(5_000, Duration.ofSeconds(5)), handler, 1);
        MockProducer<String, byte[]> fast = producer(0);
        quick.beginIfClosed(fast);
        quick.handled(polled(0, 1));
        quick.commit(fast, consumer());
        quick.beginIfClosed(fast);
        quick.handled(polled(1, 1));
        assertThat(quick.ageNanos())
                .as("behind, but a commit quicker than the max age changes nothing")
                .isEqualTo(Duration.ofSeconds(5).toNanos());
    }

    @Test
    void withoutTransactionsAWindowFlushesThenCommitsItsOffsetsAndAFailedSendCommitsNothing() {
        CountingHandler handler = new CountingHandler();
        handler.counter.register("work", "test", new SimpleMeterRegistry());
        AtomicLong failures = new AtomicLong();
        OpenTransaction open = new OpenTransaction(
                new TransactionWindow(5_000, Duration.ofSeconds(1), false), handler, 500, failures::get);
        MockProducer<String, byte[]> producer =
                new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
        MockConsumer<String, byte[]> consumer = consumer();

        open.beginIfClosed(producer); // no beginTransaction: the producer is not transactional
        ConsumerRecords<String, byte[]> first = polled(0, 3);
        handler.handle(first, Outbox.NONE);
        open.handled(first);
        producer.send(new ProducerRecord<>("out", "k", new byte[1]));
        open.commit(producer, consumer);
        assertThat(producer.history()).as("flushed: the send completed").hasSize(1);
        assertThat(producer.completeNext()).as("nothing left in flight").isFalse();
        assertThat(consumer.committed(Set.of(TP))).containsEntry(TP, new OffsetAndMetadata(3));
        assertThat(handler.counter.count()).isEqualTo(3);

        open.beginIfClosed(producer);
        ConsumerRecords<String, byte[]> second = polled(3, 2);
        handler.handle(second, Outbox.NONE);
        open.handled(second);
        failures.incrementAndGet(); // an acknowledgement of this window failed
        assertThatThrownBy(() -> open.commit(producer, consumer))
                .isInstanceOf(KafkaException.class)
                .hasMessageContaining("1 send(s) of this window failed");
        open.aborted();
        assertThat(consumer.committed(Set.of(TP)))
                .as("no offset past the failed send")
                .containsEntry(TP, new OffsetAndMetadata(3));
        assertThat(handler.counter.count())
                .as("the failed window's work is not counted")
                .isEqualTo(3);
    }
}
