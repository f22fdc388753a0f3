package io.steadystate.strategy.ingest;

import org.jboss.logging.Logger;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Acknowledgements of records handed to an emitter, at most {@link #CAPACITY} outstanding: when full, the
 * consumer thread waits for them (back-pressure instead of an unbounded buffer), and a batch is not acknowledged
 * before all its outgoing records are. A failed send is logged and counted; it never stops the consumer.
 * Used by one thread (the market-events worker).
 */
final class PendingSends {

    /** Below the emitters' overflow buffer (see {@code @OnOverflow} on the channels), so it never overflows. */
    static final int CAPACITY = 512;
    private static final long TIMEOUT_SECONDS = 30;

    private final String what;
    private final Logger log;
    private final CompletableFuture<?>[] pending = new CompletableFuture<?>[CAPACITY];
    private int size;
    private long failures;

    PendingSends(String what, Logger log) {
        this.what = what;
        this.log = log;
    }

    void add(CompletableFuture<?> ack) {
        if (size == CAPACITY) {
            awaitAll();
        }
        pending[size++] = ack;
    }

    void awaitAll() {
        for (int i = 0; i < size; i++) {
            try {
                pending[i].get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures++;
            } catch (Exception e) {
                if (failures++ % 1000 == 0) {
                    log.errorf("%s: send failed (%d failures so far): %s", what, failures, e.toString());
                }
            }
            pending[i] = null;
        }
        size = 0;
    }

    long failures() {
        return failures;
    }
}
