package io.steadystate.kit.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The one error body of every service's 4xx/5xx answer: {@code {"error": "<message>"}} (docs/CONTRACTS.md). */
public record ApiError(String error) {

    public static Response response(int status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(message))
                .build();
    }

    public static Response response(Response.Status status, String message) {
        return response(status.getStatusCode(), message);
    }
}
