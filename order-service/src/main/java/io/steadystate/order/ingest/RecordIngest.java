package io.steadystate.order.ingest;

import io.steadystate.core.event.MarketEvent;
import io.steadystate.core.event.Signal;
import io.steadystate.core.serde.MarketEventSerde;
import io.steadystate.core.serde.SignalSerde;
import io.steadystate.core.serde.UndecodableRecordException;
import io.steadystate.order.orders.OrderEngine;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Kafka in, independent of the messaging framework (through {@link PartitionOwnership}, or the recovery test's
 * plain consumers): decode with the core serde, hand valid records to the engine, send
 * the rest to the DLQ and carry on. Never throws for bad input.
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

    public void signals(Iterable<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> r : records) {
            signal(r);
        }
    }

    public void marketEvents(Iterable<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> r : records) {
            marketEvent(r);
        }
    }

    public void signal(ConsumerRecord<String, byte[]> r) {
        Signal s;
        try {
            s = signals.decode(r.value());
        } catch (UndecodableRecordException e) {
            deadLetters.send(r, e.reason().name(), e.getMessage());
            return;
        }
        try {
            engine.onSignal(s);
        } catch (RuntimeException e) { // a domain rule the record breaks (e.g. an invalid command built from it)
            deadLetters.send(r, DeadLetters.VALIDATION, e.toString());
        }
    }

    public void marketEvent(ConsumerRecord<String, byte[]> r) {
        MarketEvent e;
        try {
            e = marketEvents.decode(r.value());
        } catch (UndecodableRecordException ex) {
            deadLetters.send(r, ex.reason().name(), ex.getMessage());
            return;
        }
        try {
            engine.onMarketEvent(e);
        } catch (RuntimeException ex) {
            deadLetters.send(r, DeadLetters.VALIDATION, ex.toString());
        }
    }
}
