package io.steadystate.soak.verdict;

/** A pass/fail check beside the heap slope: restarts, store bounds, RSS, event accounting, API load. */
public record Check(String name, String service, boolean passed, String detail) {}
