package io.steadystate.order.delivery;

import io.steadystate.kit.delivery.DeliveryLoop;
import io.steadystate.order.events.KafkaOrderPublisher;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * REST mutations (submit, cancel, kill switch) run on the delivery loop's thread, inside its next transaction,
 * and return only after that transaction committed: an answered 201 is on the broker. A full queue, an aborted
 * transaction or no commit within {@link #TIMEOUT} throws {@link Unavailable} (the API answers 503; the
 * mutation may still commit later, which is why a retried clientOrderId answers with the existing order).
 */
public final class OrderMutations {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final DeliveryLoop loop;
    private final KafkaOrderPublisher publisher;

    OrderMutations(DeliveryLoop loop, KafkaOrderPublisher publisher) {
        this.loop = loop;
        this.publisher = publisher;
    }

    public <T> T committed(Supplier<T> mutation) {
        try {
            return loop.submit(out -> {
                        publisher.bind(out);
                        return mutation.get();
                    })
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new Unavailable("not committed to Kafka within " + TIMEOUT.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new Unavailable("not committed to Kafka: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while waiting for the commit", e);
        }
    }

    /** The mutation's records are not (yet) committed: 503. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
