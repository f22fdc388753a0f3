package io.steadystate.strategy.signals;

import io.steadystate.core.event.Signal;
import io.steadystate.core.kafka.Topics;
import io.steadystate.core.serde.SignalSerde;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Signals on {@code strategy.signals}: keyed by symbol, encoded with {@link SignalSerde}. */
public final class SignalPublisher {

    private final SignalSerde serde = new SignalSerde();

    public ProducerRecord<String, byte[]> record(Signal signal) {
        return new ProducerRecord<>(Topics.SIGNALS, signal.symbol(), serde.encode(signal));
    }
}
