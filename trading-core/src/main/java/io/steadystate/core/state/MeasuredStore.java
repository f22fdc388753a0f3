package io.steadystate.core.state;

/** What every store reports about itself: {@link StoreMetrics} turns these into gauges. */
public interface MeasuredStore {

    String name();

    long size();

    long capacity();

    /** Estimated bytes held, or -1 where no cheap estimate exists. */
    default long estimatedBytes() {
        return -1;
    }
}
