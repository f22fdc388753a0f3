package io.steadystate.order.api;

import io.steadystate.kit.api.ApiError;
import io.steadystate.order.delivery.OrderMutations;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one refusal of this service's own domain; every other error (refused requests, malformed JSON, the
 * framework's 404/405/415) is answered by service-kit's {@code ErrorMappers} with the same {@code {"error": ...}}.
 */
public class NotCommittedMapper {

    /** A mutation whose records were not committed (in time): the client retries with the same clientOrderId. */
    @ServerExceptionMapper
    public Response notCommitted(OrderMutations.Unavailable e) {
        return ApiError.response(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
    }
}
