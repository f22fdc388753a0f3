package io.steadystate.soak.poison;

import io.steadystate.core.kafka.Topics;
import io.steadystate.soak.stack.ServiceId;
import java.util.List;

/**
 * One kind of hostile record for one topic, and the dead-letter reason CONTRACTS.md promises for it
 * ({@code UndecodableRecordException.Reason} name, or {@code VALIDATION} for a decodable record a rule refuses).
 */
public enum PoisonKind {
    TICK_GARBAGE(Topics.MARKET_EVENTS, "garbage", "BAD_MAGIC"),
    TICK_TRUNCATED(Topics.MARKET_EVENTS, "truncated", "TRUNCATED"),
    TICK_WRONG_VERSION(Topics.MARKET_EVENTS, "wrong-version", "UNKNOWN_VERSION"),
    TICK_OVERSIZED(Topics.MARKET_EVENTS, "oversized", "TRAILING_BYTES"),
    TICK_NAN_PRICE(Topics.MARKET_EVENTS, "nan-price", "INVALID_VALUE"),
    TICK_NEGATIVE_PRICE(Topics.MARKET_EVENTS, "negative-price", "INVALID_VALUE"),
    TICK_HUGE_PRICE(Topics.MARKET_EVENTS, "huge-price", "INVALID_VALUE"),
    TICK_UNKNOWN_SYMBOL(Topics.MARKET_EVENTS, "unknown-symbol", "INVALID_VALUE"),
    TICK_FAR_FUTURE(Topics.MARKET_EVENTS, "far-future", "VALIDATION"),
    TICK_BACKWARDS(Topics.MARKET_EVENTS, "backwards", "VALIDATION"),

    SIGNAL_GARBAGE(Topics.SIGNALS, "garbage", "BAD_MAGIC"),
    SIGNAL_TRUNCATED(Topics.SIGNALS, "truncated", "TRUNCATED"),
    SIGNAL_WRONG_VERSION(Topics.SIGNALS, "wrong-version", "UNKNOWN_VERSION"),
    SIGNAL_OVERSIZED(Topics.SIGNALS, "oversized", "TRAILING_BYTES"),
    SIGNAL_NAN_PRICE(Topics.SIGNALS, "nan-price", "INVALID_VALUE"),
    SIGNAL_NEGATIVE_PRICE(Topics.SIGNALS, "negative-price", "INVALID_VALUE"),
    SIGNAL_HUGE_PRICE(Topics.SIGNALS, "huge-price", "INVALID_VALUE"),
    SIGNAL_UNKNOWN_SYMBOL(Topics.SIGNALS, "unknown-symbol", "INVALID_VALUE"),
    SIGNAL_FAR_FUTURE(Topics.SIGNALS, "far-future", "VALIDATION"),
    SIGNAL_BACKWARDS(Topics.SIGNALS, "backwards", "VALIDATION"),

    PARAMS_GARBAGE(Topics.SLOT_PARAMETERS, "garbage", "BAD_MAGIC"),
    PARAMS_TRUNCATED(Topics.SLOT_PARAMETERS, "truncated", "TRUNCATED"),
    PARAMS_WRONG_VERSION(Topics.SLOT_PARAMETERS, "wrong-version", "UNKNOWN_VERSION"),
    PARAMS_OVERSIZED(Topics.SLOT_PARAMETERS, "oversized", "TRAILING_BYTES"),
    PARAMS_NAN(Topics.SLOT_PARAMETERS, "nan-threshold", "INVALID_VALUE"),
    PARAMS_NEGATIVE(Topics.SLOT_PARAMETERS, "negative-lot", "INVALID_VALUE"),
    PARAMS_HUGE(Topics.SLOT_PARAMETERS, "huge-stop-loss", "INVALID_VALUE"),
    PARAMS_UNKNOWN_SLOT(Topics.SLOT_PARAMETERS, "unknown-slot", "INVALID_VALUE"),
    PARAMS_OLDER_VERSION(Topics.SLOT_PARAMETERS, "backwards-version", "VALIDATION");

    private final String topic;
    private final String label;
    private final String expectedReason;

    PoisonKind(String topic, String label, String expectedReason) {
        this.topic = topic;
        this.label = label;
        this.expectedReason = expectedReason;
    }

    public String topic() {
        return topic;
    }

    public String label() {
        return label;
    }

    public String expectedReason() {
        return expectedReason;
    }

    /** The services that consume the topic, so whose DLQ must receive the record. */
    public List<ServiceId> consumers() {
        return switch (topic) {
            case Topics.MARKET_EVENTS -> List.of(ServiceId.STRATEGY, ServiceId.ORDER);
            case Topics.SIGNALS -> List.of(ServiceId.ORDER);
            default -> List.of(ServiceId.STRATEGY);
        };
    }
}
