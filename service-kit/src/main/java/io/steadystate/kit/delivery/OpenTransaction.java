package io.steadystate.kit.delivery;

import io.steadystate.core.state.Bounded;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * The loop's transaction while it spans polls (loop thread only): whether it is open, how many input records and
 * how old it is against the {@link TransactionWindow}, and the next offsets of everything handled in it, merged
 * per partition — what {@code sendOffsetsToTransaction} gets at the commit.
 *
 * <p>While the loop is behind (the last poll came back full: {@code max.poll.records}, so the fetch buffer holds
 * more) the window stretches: it stays open at least as long as the last commit took (at most
 * {@link #STRETCH_CAP} × the window's max age). The commit blocks the loop for its round trips, whatever the
 * transaction holds; on a slow or loaded broker (measured: 50–140 ms per commit at load average 20 on 2 cores,
 * service-kit README) a 20 ms window spent most of the loop's time waiting. Stretched, the wait is at most about
 * half of it. On a quick broker (commit shorter than max age) nothing changes; a loop that keeps up (polls not
 * full) keeps the plain max age, and an idle poll still commits at once, so latency below saturation is unaffected.
 */
final class OpenTransaction {

    static final int STRETCH_CAP = 5;

    private final TransactionWindow window;
    private final DeliveryHandler handler;
    private final int fullPoll;
    private final LongSupplier sendFailures;
    private long failuresAtOpen;
    private long lastCommitNanos;
    private boolean behind;
    private boolean open;
    private int records;
    private long openedAtNanos;

    @Bounded("one entry per assigned partition, cleared at each commit or abort")
    private final Map<TopicPartition, OffsetAndMetadata> nextOffsets = new HashMap<>();

    /**
     * The offsets sent with the last commit that threw (a time-out, a broker gone): its coordinator may have decided
     * commit or abort. Kept across the abort and the recovery, until the next commit succeeds: its marker is what
     * completes a committed one's stranded records ({@link LoopProducer#prepare}).
     */
    private Map<TopicPartition, OffsetAndMetadata> inDoubt = Map.of();

    /**
     * @param fullPoll     the consumer's {@code max.poll.records}: a poll that brings this many means a backlog
     * @param sendFailures failed acknowledgements so far (the outbox's count): without transactions, what stops a
     *                     commit
     */
    OpenTransaction(TransactionWindow window, DeliveryHandler handler, int fullPoll, LongSupplier sendFailures) {
        this.window = window;
        this.handler = handler;
        this.fullPoll = fullPoll;
        this.sendFailures = sendFailures;
    }

    /** A transactional window with no outbox behind it (tests of the bookkeeping). */
    OpenTransaction(TransactionWindow window, DeliveryHandler handler, int fullPoll) {
        this(window, handler, fullPoll, () -> 0);
    }

    boolean isOpen() {
        return open;
    }

    void beginIfClosed(Producer<String, byte[]> producer) {
        if (!open) {
            if (window.transactional()) {
                producer.beginTransaction();
            }
            failuresAtOpen = sendFailures.getAsLong();
            open = true;
            openedAtNanos = System.nanoTime();
        }
    }

    /** Later polls of one partition return later records: the last poll's next offset wins. */
    void handled(ConsumerRecords<String, byte[]> polled) {
        for (TopicPartition tp : polled.partitions()) {
            List<ConsumerRecord<String, byte[]>> rs = polled.records(tp);
            nextOffsets.put(tp, new OffsetAndMetadata(rs.get(rs.size() - 1).offset() + 1));
        }
        records += polled.count();
        behind = polled.count() >= fullPoll;
    }

    /** The window is full or old: commit now. */
    boolean due() {
        return open && (records >= window.maxRecords() || nanosLeft() <= 0);
    }

    /** While open, poll no longer than the transaction may stay open. */
    Duration pollTimeout(Duration idle) {
        if (!open) {
            return idle;
        }
        long left = Math.max(0, nanosLeft());
        return left < idle.toNanos() ? Duration.ofNanos(left) : idle;
    }

    /**
     * Sends the merged offsets into the transaction and commits it; closed afterwards only if that succeeded. Without
     * transactions: flushes, then commits the offsets only if no send of the window failed (throws otherwise).
     */
    void commit(Producer<String, byte[]> producer, Consumer<?, ?> consumer) {
        long started = System.nanoTime();
        Map<TopicPartition, OffsetAndMetadata> offsets = Map.copyOf(nextOffsets);
        if (window.transactional()) {
            commitTransaction(producer, offsets, consumer.groupMetadata());
        } else {
            producer.flush(); // every send of the window acknowledged or failed
            long failed = sendFailures.getAsLong() - failuresAtOpen;
            if (failed > 0) {
                throw new KafkaException(failed + " send(s) of this window failed: its offsets are not committed");
            }
            if (!offsets.isEmpty()) {
                consumer.commitSync(offsets);
            }
        }
        lastCommitNanos = System.nanoTime() - started;
        closed();
        handler.committed();
    }

    private void commitTransaction(
            Producer<String, byte[]> producer,
            Map<TopicPartition, OffsetAndMetadata> offsets,
            ConsumerGroupMetadata group) {
        if (!offsets.isEmpty()) {
            producer.sendOffsetsToTransaction(offsets, group);
        }
        inDoubt = offsets; // until the commit answers
        producer.commitTransaction();
        inDoubt = Map.of();
    }

    /** The offsets of the last commit whose outcome the loop did not learn; empty when there is none. */
    Map<TopicPartition, OffsetAndMetadata> inDoubt() {
        return inDoubt;
    }

    /** The caller aborts (or gives up) the transaction: the handler forgets what it counted for it. */
    void aborted() {
        closed();
        handler.aborted();
    }

    private void closed() {
        open = false;
        records = 0;
        nextOffsets.clear();
    }

    /** The window's max age; while behind, stretched to the last commit's duration (capped) if that was longer. */
    long ageNanos() {
        long age = window.maxAge().toNanos();
        return behind ? Math.max(age, Math.min(lastCommitNanos, STRETCH_CAP * age)) : age;
    }

    private long nanosLeft() {
        return ageNanos() - (System.nanoTime() - openedAtNanos);
    }
}
