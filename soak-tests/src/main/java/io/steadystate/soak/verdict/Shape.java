package io.steadystate.soak.verdict;

/** What the heap curve does over the judged window, beside how fast. */
public enum Shape {
    /** No growth the CI can tell from zero at production scale. */
    STEADY,
    /** Growth that does not slow down over the window: the kind that ends in OutOfMemoryError. */
    UNBOUNDED,
    /** Grew early in the window and flattened late: a store filling towards its bound, judged on the flat part. */
    BOUNDED_FILLING
}
