package io.steadystate.strategy.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The error body of every 4xx/5xx answer: {@code {"error": "<message>"}} (CONTRACTS.md). */
public record ApiError(String error) {
    static Response response(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiError(message)).build();
    }
}
