package io.steadystate.marketdata.resume;

/**
 * Where a previous run left {@code market.events}: the latest event time at the partitions' tails and a floor
 * for sequence numbers. A restarted source continues strictly after {@link #lastEventTimeMillis} and numbers
 * every symbol's ticks above {@link #sequenceFloor}.
 *
 * <p>Why the floor is the highest end offset of the topic's partitions: a symbol's ticks are records on one
 * partition, offsets are never reused (not even after retention deletes records) and partitions are only ever
 * added, so no sequence number a previous run gave any symbol can exceed it. That holds across any number of
 * restarts without reading more than the tails. The price is a visible jump in a symbol's sequence at a
 * restart — what a consumer that checks sequences should see, as the producer did restart.
 *
 * @param lastEventTimeMillis latest event time of the decodable records at the partitions' tails
 * @param sequenceFloor       highest end offset of the partitions when the tails were read
 */
public record ResumePoint(long lastEventTimeMillis, long sequenceFloor) {

    public ResumePoint {
        if (sequenceFloor < 0) {
            throw new IllegalArgumentException("sequence floor must be ≥ 0, was " + sequenceFloor);
        }
    }
}
