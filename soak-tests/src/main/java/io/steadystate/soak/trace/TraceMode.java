package io.steadystate.soak.trace;

/** When a soak run traces leaks to their fields ({@code ./soak run --trace} / {@code --no-trace}). */
public enum TraceMode {
    /** No heap dumps at all. */
    OFF,
    /** Default: dump every local service at both ends of the window, trace those judged LEAK. */
    LEAKS,
    /** Dump and trace every local service whatever its verdict. */
    ALL
}
