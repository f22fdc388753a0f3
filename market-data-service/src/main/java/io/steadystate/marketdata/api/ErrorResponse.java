package io.steadystate.marketdata.api;

/** Every 4xx body: {@code {"error": "..."}} (docs/CONTRACTS.md). */
public record ErrorResponse(String error) {
}
