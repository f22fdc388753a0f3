package io.steadystate.core.kafka;

import java.time.Instant;
import org.apache.kafka.common.TopicPartition;

/**
 * A transaction open on a partition, as its leader describes it. Stranded when it is a delivery loop's own
 * producer's and the loop has none open:
 * its coordinator ended it (the producer was re-initialised, which completes or aborts what it had open) but the
 * partition never got the marker. Measured after broker kills at 18,000 ticks/s (soak-tests README, Finding 3):
 * the coordinator's abort reached {@code __consumer_offsets} but not {@code order.events-2}; order-service,
 * ready again 25 s later, re-processed the same inputs, and its next commit marker for the same producer id closed
 * the stranded records together with their re-made copies: 22 order events and 9 fills twice. A loop that writes
 * into such a partition again doubles its output, so it does not.
 *
 * <p>Listed by {@link OpenTransactions}, for the delivery loop's check (service-kit) and the chaos soak's operator
 * step (soak-tests).
 *
 * @param lastWrite        when the producer last wrote to the partition (broker time)
 * @param coordinatorEpoch the coordinator epoch the partition last saw from the producer's coordinator (0 if none):
 *                         what an abort of it must carry
 */
public record OpenPartitionTransaction(
        TopicPartition partition,
        long producerId,
        int producerEpoch,
        long startOffset,
        Instant lastWrite,
        int coordinatorEpoch) {

    /** What an operator needs: where, whose, from which offset, and the command that clears it. */
    public String describe() {
        return String.format(
                "producer %d (epoch %d) left a transaction open on %s from offset %d (last write %s), which its"
                        + " coordinator has ended; an operator aborts it with: kafka-transactions.sh"
                        + " --bootstrap-server <broker> abort --topic %s --partition %d --start-offset %d",
                producerId,
                producerEpoch,
                partition,
                startOffset,
                lastWrite,
                partition.topic(),
                partition.partition(),
                startOffset);
    }
}
