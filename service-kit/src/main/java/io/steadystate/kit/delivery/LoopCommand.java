package io.steadystate.kit.delivery;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A mutation handed to the loop thread (a REST order, a cancel): run inside the loop's next transaction; its
 * future completes only after that transaction committed, or exceptionally if it aborted.
 */
final class LoopCommand<T> {

    private final Function<Outbox, T> mutation;
    final CompletableFuture<T> done = new CompletableFuture<>();
    private T result;

    LoopCommand(Function<Outbox, T> mutation) {
        this.mutation = mutation;
    }

    void run(Outbox out) {
        result = mutation.apply(out);
    }

    void committed() {
        done.complete(result);
    }

    void aborted(Throwable why) {
        done.completeExceptionally(why);
    }
}
