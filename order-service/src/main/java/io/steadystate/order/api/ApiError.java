package io.steadystate.order.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The one error shape of CONTRACTS.md: {@code {"error": "<message>"}} with a 4xx/5xx status. */
public record ApiError(String error) {

    public static Response response(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(message)).build();
    }

    /** Thrown by validation; mapped to 400 by {@link ErrorMappers}. */
    public static final class BadRequest extends RuntimeException {
        public BadRequest(String message) {
            super(message, null, false, false);
        }
    }
}
