package io.steadystate.soak.chaos;

import io.steadystate.soak.verdict.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The supervisor playing the operator after a broker restart: rounds of {@link HangingTransactions#abortHanging}
 * while the stack recovers, what each kill needed (its note), and at the end the proof that no abort lost committed
 * records ({@link #check()}).
 */
final class OperatorStep implements AutoCloseable {

    static final String CHECK = "chaos:no-committed-transaction-aborted";
    private static final long ROUND_NANOS = 10_000_000_000L;

    private final String bootstrap;
    private final HangingTransactions hanging;
    private final Predicate<String> writerWaits;
    private final Consumer<String> progress;

    /** Every abort of the run, for {@link #check()}; the supervisor's thread adds, the session's reads at the end. */
    private final List<HangingTransactions.Open> aborts = new CopyOnWriteArrayList<>();

    /** @param writerWaits whether the service owning a transactional id is not ready (waits for an operator) */
    OperatorStep(String bootstrap, Predicate<String> writerWaits, Consumer<String> progress) {
        this.bootstrap = bootstrap;
        this.hanging = new HangingTransactions(bootstrap);
        this.writerWaits = writerWaits;
        this.progress = progress;
    }

    /** The rounds of one broker restart. */
    Rounds rounds() {
        return new Rounds();
    }

    /**
     * The operator's rounds after a broker restart, while a service is not ready or the backlog not worked off (a
     * hanging transaction on a data partition stops its read_committed readers at the last stable offset, so it can
     * show as lag alone): from {@link HangingTransactions#MIN_OPEN} on, every 10 s, hanging transactions are
     * aborted — but never part of a commit.
     */
    final class Rounds {
        private final List<String> aborted = new ArrayList<>();
        private final List<String> leftCommitted = new ArrayList<>();
        private long next = System.nanoTime() + HangingTransactions.MIN_OPEN.toNanos();

        void round() {
            if (System.nanoTime() < next) {
                return;
            }
            HangingTransactions.Step step = hanging.abortHanging(writerWaits);
            for (HangingTransactions.Open a : step.aborted()) {
                progress.accept("chaos: operator step: aborted a hanging transaction, " + a.describe());
                aborted.add(a.describe());
                aborts.add(a);
            }
            for (HangingTransactions.Open c : step.leftCommitted()) {
                String what = c.describe()
                        + " — its coordinator decided COMMIT and some of its partitions got the marker: an abort"
                        + " would lose it";
                if (!leftCommitted.contains(what)) {
                    progress.accept("chaos: operator step: left a hanging transaction open, " + what);
                    leftCommitted.add(what);
                }
            }
            next = System.nanoTime() + ROUND_NANOS;
        }

        /** What the operator did for this kill, for its note; null when nothing. */
        String note() {
            List<String> parts = new ArrayList<>();
            if (!aborted.isEmpty()) {
                parts.add("operator aborted " + aborted.size() + " hanging transaction(s) the broker crash left: "
                        + String.join("; ", aborted));
            }
            if (!leftCommitted.isEmpty()) {
                parts.add("operator left " + leftCommitted.size() + " hanging committed transaction(s) open (Kafka"
                        + " has no command that writes their commit marker): " + String.join("; ", leftCommitted));
            }
            return parts.isEmpty() ? null : String.join("; ", parts);
        }
    }

    /**
     * After the run, while the broker runs: no abort of the operator step dropped committed records (part of a
     * transaction its coordinator decided commit, some of whose partitions got the marker) — asked again of
     * {@code __transaction_state} as it is at the end. Such a loss is what no read_committed count can see: the
     * dropped records never became visible.
     */
    Check check() {
        if (aborts.isEmpty()) {
            return new Check(CHECK, "broker", true, "the operator step aborted no transaction");
        }
        try {
            List<HangingTransactions.Open> committed = HangingTransactions.committedAmong(bootstrap, aborts);
            return new Check(
                    CHECK,
                    "broker",
                    committed.isEmpty(),
                    committed.isEmpty()
                            ? aborts.size() + " operator abort(s), none of part of a transaction its coordinator"
                                    + " decided commit (__transaction_state)"
                            : committed.size() + " of " + aborts.size() + " operator aborts dropped committed"
                                    + " records (part of a transaction its coordinator decided commit): "
                                    + committed.stream()
                                            .map(HangingTransactions.Open::describe)
                                            .toList());
        } catch (RuntimeException e) {
            return new Check(CHECK, "broker", false, "could not read __transaction_state: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        hanging.close();
    }
}
