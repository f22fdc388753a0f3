package io.steadystate.strategy.params;

import io.steadystate.core.event.SlotParameters;
import io.steadystate.core.serde.SlotParametersSerde;
import io.steadystate.core.serde.UndecodableRecordException;
import io.steadystate.kit.delivery.DeliveryHandler;
import io.steadystate.kit.delivery.Outbox;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * Hot reload of the parameter table from the compacted {@code strategy.params} topic (keyed by slot id). Every
 * instance reads the whole topic from the start with its own group id and never commits (a delivery loop
 * without outputs), so after a restart the table is rebuilt from the latest row of every slot.
 */
public final class ParameterUpdates implements DeliveryHandler {

    private final SlotParametersSerde serde = new SlotParametersSerde();
    private final ParameterTable table;
    private final RefusedRows refused;

    /** Refused rows are counted and logged only (tests of the table). */
    public ParameterUpdates(ParameterTable table) {
        this(table, RefusedRows.NONE);
    }

    public ParameterUpdates(ParameterTable table, RefusedRows refused) {
        this.table = table;
        this.refused = refused;
    }

    @Override
    public void handle(ConsumerRecords<String, byte[]> records, Outbox out) {
        for (ConsumerRecord<String, byte[]> record : records) {
            accept(record);
        }
    }

    /** Applies one record; a refused row also goes to {@code strategy.dlq} through {@link RefusedRows}. */
    public String accept(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        try {
            serde.decode(record.value());
        } catch (UndecodableRecordException e) {
            table.reject("undecodable row at strategy.params-" + record.partition() + "@" + record.offset() + ": "
                    + e.getMessage());
            refused.undecodable(record, e);
            return e.getMessage();
        }
        String reason = accept(record.key(), record.value(), record.partition(), record.offset());
        if (reason != null) {
            refused.invalid(record, reason);
        }
        return reason;
    }

    /** Rows are never dropped: a slot keeps its latest row whoever reads the topic. */
    @Override
    public void assigned(Collection<TopicPartition> partitions, Consumer<?, ?> consumer) {}

    @Override
    public void revoked(Collection<TopicPartition> partitions) {}

    /** Applies one row; returns the refusal reason, or null when applied or a tombstone (slot keeps its row). */
    public String accept(String key, byte[] value, int partition, long offset) {
        if (value == null) {
            return null;
        }
        SlotParameters row;
        try {
            row = serde.decode(value);
        } catch (UndecodableRecordException e) {
            String reason = "undecodable row at strategy.params-" + partition + "@" + offset + ": " + e.getMessage();
            table.reject(reason);
            return reason;
        }
        if (key != null && !key.equals(Integer.toString(row.slotId()))) {
            String reason = "key '" + key + "' does not match slot id " + row.slotId();
            table.reject(reason);
            return reason;
        }
        return table.apply(row);
    }
}
