package io.steadystate.kit.delivery;

import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * What a service plugs into a {@link DeliveryLoop}. Every method runs on the loop's one thread, so a handler needs
 * no lock of its own against the loop (REST reads still need the handler's own thread-safety).
 */
public interface DeliveryHandler {

    /**
     * The loop gained {@code partitions} (inside {@code poll}, before any of their records is returned), or is
     * rebuilding after an aborted transaction. Rebuild what these partitions own; may block. Throwing makes the
     * loop drop and rebuild every assigned partition again after a back-off.
     */
    void assigned(Collection<TopicPartition> partitions, Consumer<?, ?> consumer);

    /** The loop lost {@code partitions} (revoked, lost, or an aborted transaction): drop what they own. */
    void revoked(Collection<TopicPartition> partitions);

    /**
     * One poll's records. Everything sent through {@code out} and the records' offsets are committed together
     * (in the loop's open Kafka transaction, which may span several polls) after this returns, or none of it is. Bad records go to the DLQ through
     * {@link DeadLetters}; an exception here aborts the batch and re-processes it after a rebuild.
     */
    void handle(ConsumerRecords<String, byte[]> records, Outbox out);

    /**
     * The loop's open transaction committed: everything handled since the last commit or abort is done
     * (publish counts of committed work here, see {@link CommittedCounter}).
     */
    default void committed() {}

    /**
     * The loop's open transaction aborted: everything handled in it will be handled again from the committed
     * offsets (after {@link #revoked} and {@link #assigned}); forget what was counted for it.
     */
    default void aborted() {}

    /** False while the handler's state is incomplete (readiness DOWN). */
    default boolean ready() {
        return true;
    }
}
