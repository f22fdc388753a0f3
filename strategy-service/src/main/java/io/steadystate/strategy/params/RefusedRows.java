package io.steadystate.strategy.params;

import io.steadystate.core.serde.UndecodableRecordException;
import io.steadystate.kit.delivery.DeadLetters;
import io.steadystate.kit.delivery.DeliveryLoop;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Where {@link ParameterUpdates} sends the {@code strategy.params} rows it refuses: {@code strategy.dlq}, like every
 * other consumer's bad input. The parameter loop has no producer (it replays the compacted topic on every start and
 * commits nothing), so a refused row is handed to the market-events loop, whose transactional producer already
 * writes {@code strategy.dlq}: the dead letter joins that loop's next transaction.
 *
 * <p>Because the parameter loop re-reads the whole topic on every start, and every instance reads it, a refused row
 * is dead-lettered again by each instance start; its source coordinates (headers) identify it.
 */
public interface RefusedRows {

    void undecodable(ConsumerRecord<String, byte[]> row, UndecodableRecordException e);

    /** Decoded but refused: key ≠ slot id, the strategy's rules, or a version not newer than the slot's. */
    void invalid(ConsumerRecord<String, byte[]> row, String reason);

    RefusedRows NONE = new RefusedRows() {
        @Override
        public void undecodable(ConsumerRecord<String, byte[]> row, UndecodableRecordException e) {}

        @Override
        public void invalid(ConsumerRecord<String, byte[]> row, String reason) {}
    };

    /** Dead letters sent through {@code loop} (which must have {@code deadLetters.topic()} as an output). */
    static RefusedRows through(DeliveryLoop loop, DeadLetters deadLetters) {
        Logger log = Logger.getLogger(RefusedRows.class);
        return new RefusedRows() {
            @Override
            public void undecodable(ConsumerRecord<String, byte[]> row, UndecodableRecordException e) {
                loop.submit(out -> {
                            deadLetters.undecodable(out, row, e);
                            return null;
                        })
                        .exceptionally(failed -> logLost(row, failed));
            }

            @Override
            public void invalid(ConsumerRecord<String, byte[]> row, String reason) {
                loop.submit(out -> {
                            deadLetters.invalid(out, row, reason);
                            return null;
                        })
                        .exceptionally(failed -> logLost(row, failed));
            }

            private Void logLost(ConsumerRecord<String, byte[]> row, Throwable failed) {
                // the row stays refused either way; only its copy on the DLQ is missing (the next start sends it)
                log.warnf(
                        "refused parameter row %s-%d@%d not dead-lettered: %s",
                        row.topic(), row.partition(), row.offset(), failed.toString());
                return null;
            }
        };
    }
}
