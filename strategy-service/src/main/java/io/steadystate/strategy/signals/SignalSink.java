package io.steadystate.strategy.signals;

import io.steadystate.core.event.Signal;

/** Where the strategy matrix hands its signals: Kafka in the service, a fixed array in tests. */
@FunctionalInterface
public interface SignalSink {
    void emit(Signal signal);

    SignalSink DISCARD = s -> {};
}
