package io.steadystate.order.ingest;

import io.steadystate.core.event.MarketEvent;
import io.steadystate.core.event.Signal;
import io.steadystate.core.serde.MarketEventSerde;
import io.steadystate.core.serde.SignalSerde;
import io.steadystate.core.serde.UndecodableRecordException;
import io.steadystate.kit.delivery.DeadLetters;
import io.steadystate.kit.delivery.Outbox;
import io.steadystate.order.engine.OrderEngine;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Kafka in (through {@link PartitionOwnership}): decode with the core serde, hand valid records to the engine,
 * send the rest to {@code order.dlq} in the same transaction and carry on. Never throws for bad input.
 */
public final class RecordIngest {

    private final OrderEngine engine;
    private final DeadLetters deadLetters;
    private final SignalSerde signals = new SignalSerde();
    private final MarketEventSerde marketEvents = new MarketEventSerde();

    public RecordIngest(OrderEngine engine, DeadLetters deadLetters) {
        this.engine = engine;
        this.deadLetters = deadLetters;
    }

    public void signal(ConsumerRecord<String, byte[]> r, Outbox out) {
        Signal s;
        try {
            s = signals.decode(r.value());
        } catch (UndecodableRecordException e) {
            deadLetters.undecodable(out, r, e);
            return;
        }
        try {
            engine.onSignal(s);
        } catch (RuntimeException e) { // a domain rule the record breaks (e.g. an invalid command built from it)
            deadLetters.invalid(out, r, e.toString());
        }
    }

    public void marketEvent(ConsumerRecord<String, byte[]> r, Outbox out) {
        MarketEvent e;
        try {
            e = marketEvents.decode(r.value());
        } catch (UndecodableRecordException ex) {
            deadLetters.undecodable(out, r, ex);
            return;
        }
        try {
            engine.onMarketEvent(e);
        } catch (RuntimeException ex) {
            deadLetters.invalid(out, r, ex.toString());
        }
    }
}
