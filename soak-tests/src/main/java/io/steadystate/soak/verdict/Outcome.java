package io.steadystate.soak.verdict;

/** Per-service and overall outcome; the order is the severity used to combine outcomes. */
public enum Outcome {
    PASS(0),
    INCONCLUSIVE(2),
    LEAK(1);

    private final int exitCode;

    Outcome(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** LEAK beats INCONCLUSIVE beats PASS: one leaking service fails the run. */
    public Outcome worst(Outcome other) {
        return rank() >= other.rank() ? this : other;
    }

    private int rank() {
        return switch (this) {
            case PASS -> 0;
            case INCONCLUSIVE -> 1;
            case LEAK -> 2;
        };
    }
}
