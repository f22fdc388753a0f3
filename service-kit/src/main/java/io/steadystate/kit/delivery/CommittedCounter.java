package io.steadystate.kit.delivery;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.LongAdder;

/**
 * A count of <em>committed</em> work. An aborted transaction is re-processed from the committed offsets, so a
 * counter bumped while handling would count every replayed record twice; this one keeps what the open transaction
 * handled apart ({@link #increment}, loop thread only) and adds it to the published total only when the loop
 * reports the commit ({@link DeliveryHandler#committed}), dropping it on an abort ({@link DeliveryHandler#aborted}).
 * The published figure trails the work by at most one transaction window. No allocation per increment.
 */
public final class CommittedCounter {

    private long pending;
    private final LongAdder committed = new LongAdder();

    /** Registers the committed total as a Micrometer counter (read at scrape time). */
    public CommittedCounter register(String name, String description, MeterRegistry registry) {
        FunctionCounter.builder(name, committed, LongAdder::sum)
                .description(description)
                .register(registry);
        return this;
    }

    /** One more unit of work in the open transaction (loop thread). */
    public void increment() {
        pending++;
    }

    /** The open transaction committed: its work counts. */
    public void committed() {
        if (pending != 0) {
            committed.add(pending);
            pending = 0;
        }
    }

    /** The open transaction aborted: its work will be done again from the committed offsets. */
    public void aborted() {
        pending = 0;
    }

    /** Committed work so far. */
    public long count() {
        return committed.sum();
    }

    /** Work handled in the open transaction, not yet committed (loop thread). */
    public long pending() {
        return pending;
    }
}
