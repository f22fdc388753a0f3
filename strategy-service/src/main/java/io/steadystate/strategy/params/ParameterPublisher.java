package io.steadystate.strategy.params;

import io.steadystate.core.event.SlotParameters;
import io.steadystate.core.kafka.Topics;
import io.steadystate.core.serde.SlotParametersSerde;
import io.steadystate.kit.delivery.DeliveryLoop;
import io.steadystate.strategy.StrategyDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes a validated row to {@code strategy.params} keyed by slot id, through the market-events loop's
 * transactional producer; every instance applies it via {@link ParameterUpdates}.
 */
@ApplicationScoped
public class ParameterPublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);
    private final SlotParametersSerde serde = new SlotParametersSerde();
    private final DeliveryLoop loop;

    public ParameterPublisher(@Named(StrategyDelivery.MARKET_EVENTS) DeliveryLoop loop) {
        this.loop = loop;
    }

    /** Blocks (REST worker thread) until the row is committed on the broker, or throws. */
    public void publish(SlotParameters row) throws Exception {
        byte[] value = serde.encode(row);
        loop.submit(out -> {
                    out.send(new ProducerRecord<>(Topics.SLOT_PARAMETERS, Integer.toString(row.slotId()), value));
                    return null;
                })
                .get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
