package io.steadystate.kit.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
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
        open.commit(producer, new ConsumerGroupMetadata("g"));
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
        open.commit(slow, new ConsumerGroupMetadata("g"));
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
        quick.commit(fast, new ConsumerGroupMetadata("g"));
        quick.beginIfClosed(fast);
        quick.handled(polled(1, 1));
        assertThat(quick.ageNanos())
                .as("behind, but a commit quicker than the max age changes nothing")
                .isEqualTo(Duration.ofSeconds(5).toNanos());
    }
}
