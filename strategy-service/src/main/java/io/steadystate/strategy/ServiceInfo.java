package io.steadystate.strategy;

/** Placeholder until the service's features land: the module builds and exposes health and metrics. */
public record ServiceInfo(String name) {
}
