package io.steadystate.core.kafka;

import io.steadystate.core.state.Bounded;
import java.util.List;

/**
 * Every topic of the system, its partitioning and its clean-up policy, in one place. All topics are keyed by
 * symbol (positions by symbol|slot, parameters by slot id) with Kafka's default murmur2 partitioner, so one
 * symbol's events stay ordered and its state lives on exactly one instance of each service.
 */
public final class Topics {

    public static final String MARKET_EVENTS = "market.events";
    public static final String SIGNALS = "strategy.signals";
    public static final String SLOT_PARAMETERS = "strategy.params";
    public static final String ORDER_EVENTS = "order.events";
    public static final String POSITIONS = "order.positions";
    /**
     * Latest state of every open order, keyed by order id but partitioned by symbol (producers set the partition
     * with {@link Partitioning}); the terminal event is followed by a tombstone. Compacted: reading it from the
     * start rebuilds the open orders after a crash in time proportional to what is open, not to history.
     */
    public static final String OPEN_ORDERS = "order.open-orders";

    public static final String STRATEGY_DLQ = "strategy.dlq";
    public static final String ORDER_DLQ = "order.dlq";

    /** Default partition count of the keyed topics; overridable when provisioning. */
    public static final int DEFAULT_PARTITIONS = 3;

    public record TopicSpec(String name, boolean keyedBySymbol, boolean compacted, String purpose) {}

    @Bounded("immutable List.of the declared topics")
    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(
                    MARKET_EVENTS,
                    true,
                    false,
                    "ticks, listings, delistings; session events broadcast to every partition"),
            new TopicSpec(SIGNALS, true, false, "strategy signals keyed by symbol"),
            new TopicSpec(SLOT_PARAMETERS, false, true, "7x3 slot parameter table keyed by slot id (compacted)"),
            new TopicSpec(ORDER_EVENTS, true, false, "order lifecycle events keyed by symbol"),
            new TopicSpec(POSITIONS, true, true, "position snapshots keyed by symbol|slot (compacted)"),
            new TopicSpec(
                    OPEN_ORDERS, true, true, "open orders keyed by order id, tombstoned when terminal (compacted)"),
            new TopicSpec(STRATEGY_DLQ, false, false, "records strategy-service could not decode or validate"),
            new TopicSpec(ORDER_DLQ, false, false, "records order-service could not decode or validate"));

    private Topics() {}
}
