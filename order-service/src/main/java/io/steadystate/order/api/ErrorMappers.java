package io.steadystate.order.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.steadystate.order.delivery.OrderMutations;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error the API returns is JSON {@code {"error": ...}}, including malformed bodies. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response badRequest(ApiError.BadRequest e) {
        return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage());
    }

    /** A mutation whose records were not committed (in time): the client retries with the same clientOrderId. */
    @ServerExceptionMapper
    public Response notCommitted(OrderMutations.Unavailable e) {
        return ApiError.response(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return ApiError.response(Response.Status.BAD_REQUEST, "malformed JSON body: " + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response r = e.getResponse();
        Response.Status status = Response.Status.fromStatusCode(r.getStatus());
        String message = e.getMessage() == null ? String.valueOf(r.getStatus()) : e.getMessage();
        if (e.getCause() instanceof JsonProcessingException j) {
            message = "malformed JSON body: " + j.getOriginalMessage();
        }
        return ApiError.response(status == null ? Response.Status.BAD_REQUEST : status, message);
    }
}
