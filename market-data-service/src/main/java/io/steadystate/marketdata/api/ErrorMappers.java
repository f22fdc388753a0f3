package io.steadystate.marketdata.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.steadystate.marketdata.control.MarketRequestException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every refusal is JSON {@code {"error": ...}} with a 4xx status (5xx only when Kafka is not ready). */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response refused(MarketRequestException e) {
        return json(e.kind().status, e.getMessage());
    }

    /** Malformed JSON, wrong types, unknown fields. */
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return json(400, "malformed JSON: " + e.getOriginalMessage());
    }

    /** 404 of an unknown path, 405, 415 and the rest: keep the status, give the JSON body. */
    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return unreadable(json);
        }
        return json(e.getResponse().getStatus(), e.getMessage());
    }

    private static Response json(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorResponse(message)).build();
    }
}
