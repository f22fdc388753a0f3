package io.steadystate.kit.delivery;

import io.steadystate.core.kafka.OpenPartitionTransaction;

/**
 * The last transaction a transactional id's coordinator ended, and how, as it said before the loop's producer was
 * (re)initialised — the initialisation bumps the epoch and hides it. With transactions v2 (KIP-890; the lookup
 * answers only then) the coordinator bumps the epoch when it ends a transaction, so its decision at epoch
 * {@code E + 1} is that of the records written at epoch {@code E} (soak-tests {@code CoordinatorDecisionsIT}).
 *
 * @param producerEpoch the epoch the coordinator holds after ending it
 * @param committed     decided commit ({@code PrepareCommit}/{@code CompleteCommit}), else abort
 */
public record EndedTransaction(long producerId, int producerEpoch, boolean committed) {

    /** Whether {@code stranded} holds records of this transaction, decided commit: its marker is all it lacks. */
    public boolean committedHere(OpenPartitionTransaction stranded) {
        return committed && stranded.producerId() == producerId && stranded.producerEpoch() + 1 == producerEpoch;
    }
}
