package io.steadystate.kit.delivery;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The loop's {@link Outbox}: sends into the producer's open transaction, counts a failed acknowledgement
 * (the transaction will then fail to commit), and refuses sends from any thread but the loop's — a send outside
 * the loop would land outside the transaction.
 *
 * <p>Crash hook for the kill tests: with {@code -Dsteadystate.delivery.halt-after-sends=k} the process flushes
 * the k-th record to the broker (inside the open transaction) and halts at once — no close, no commit, the
 * same as a kill -9 right after that record. Off (0) unless the system property is set.
 */
final class LoopOutbox implements Outbox {

    static final String HALT_AFTER_SENDS = "steadystate.delivery.halt-after-sends";

    private final Thread loopThread;
    private final SendErrors errors;
    private final Consumer<Exception> onFailure;
    private final long haltAfter = Long.getLong(HALT_AFTER_SENDS, 0);
    private long sends;
    /** Sends whose acknowledgement failed, ever (counted on the producer's network thread). */
    private final AtomicLong failures = new AtomicLong();

    private volatile Producer<String, byte[]> producer;

    LoopOutbox(Thread loopThread, SendErrors errors, Consumer<Exception> onFailure) {
        this.loopThread = loopThread;
        this.errors = errors;
        this.onFailure = onFailure;
    }

    void use(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    @Override
    public void send(ProducerRecord<String, byte[]> record) {
        if (Thread.currentThread() != loopThread) {
            throw new IllegalStateException("sends belong to the delivery loop thread " + loopThread.getName()
                    + " (hand the mutation to DeliveryLoop.submit)");
        }
        String topic = record.topic();
        producer.send(record, (meta, error) -> {
            if (error != null) {
                failures.incrementAndGet();
                errors.count(topic);
                onFailure.accept(error);
            }
        });
        if (haltAfter > 0 && ++sends == haltAfter) {
            producer.flush();
            Runtime.getRuntime().halt(137);
        }
    }

    /** Failed acknowledgements so far: a window without transactions commits only if this did not move. */
    long failures() {
        return failures.get();
    }

    @Override
    public int partitionsFor(String topic) {
        return producer.partitionsFor(topic).size();
    }
}
