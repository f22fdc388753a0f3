package io.steadystate.kit.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every refusal of every service is JSON {@code {"error": ...}}: refused requests, malformed bodies and the
 * framework's own 404/405/415. Discovered by RESTEasy Reactive through the kit's beans.xml. A service maps
 * only exceptions of its own domain (e.g. order-service's "not committed in time").
 */
public class ErrorMappers {

    static final String MALFORMED = "malformed JSON body: ";

    @ServerExceptionMapper
    public Response refused(RequestRefused e) {
        return ApiError.response(e.status(), e.getMessage());
    }

    /** Malformed JSON, wrong types, unknown fields. */
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return ApiError.response(400, MALFORMED + e.getOriginalMessage());
    }

    /**
     * Wrong types and unknown fields: Quarkus's own mapper of this type answers 400 with an empty body outside dev
     * mode, so the kit maps it explicitly (an application mapper of the same type wins over the built-in one).
     */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    /** 404 of an unknown path, 405, 415 and the rest: keep the status, give the JSON body. */
    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json);
        }
        int status = e.getResponse().getStatus();
        return ApiError.response(status, e.getMessage() == null ? String.valueOf(status) : e.getMessage());
    }
}
