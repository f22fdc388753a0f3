package io.steadystate.kit.delivery;

import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The send API a {@link DeliveryHandler} (or a command run by {@link DeliveryLoop#submit}) uses: records sent
 * here belong to the loop's open transaction. Only the loop thread may send.
 */
public interface Outbox {

    void send(ProducerRecord<String, byte[]> record);

    /** Partition count of an output topic (cached by the producer's metadata). */
    int partitionsFor(String topic);

    /** For loops without outputs (a table reader): any send is a programming error. */
    Outbox NONE = new Outbox() {
        @Override
        public void send(ProducerRecord<String, byte[]> record) {
            throw new IllegalStateException("this delivery loop has no producer (no output topics)");
        }

        @Override
        public int partitionsFor(String topic) {
            throw new IllegalStateException("this delivery loop has no producer (no output topics)");
        }
    };
}
