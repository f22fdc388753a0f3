package io.steadystate.order.intake;

import io.steadystate.core.event.OrderEvent;

/**
 * What became of a submission. INVALID and UNKNOWN_SYMBOL (REST only) changed nothing; ACCEPTED and REJECTED
 * were published; DUPLICATE means the order id was seen before and nothing happened.
 *
 * @param order the entry's event (accepted/rejected), or its current/last known state for a duplicate (may be null)
 */
public record SubmitResult(Outcome outcome, String message, OrderEvent order) {

    public enum Outcome {
        ACCEPTED,
        REJECTED,
        DUPLICATE,
        INVALID,
        UNKNOWN_SYMBOL
    }
}
