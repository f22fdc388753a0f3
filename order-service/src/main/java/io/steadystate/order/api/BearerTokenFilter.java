package io.steadystate.order.api;

import io.steadystate.order.config.ApiConfig;
import io.steadystate.order.orders.OrderEngine;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Mutating calls (POST, PUT, DELETE) need {@code Authorization: Bearer <steadystate.api.token>}: none or
 * wrong → 401 JSON, before the body is even read. While recovery runs they answer 503: state is not yet
 * rebuilt, so accepting an order could duplicate one.
 */
public class BearerTokenFilter {

    private final byte[] expected;
    private final OrderEngine engine;

    public BearerTokenFilter(ApiConfig config, OrderEngine engine) {
        this.expected = ("Bearer " + config.token()).getBytes(StandardCharsets.UTF_8);
        this.engine = engine;
    }

    @ServerRequestFilter(preMatching = true)
    public Response authorise(ContainerRequestContext request) {
        String method = request.getMethod();
        if (!("POST".equals(method) || "PUT".equals(method) || "DELETE".equals(method))
                || request.getUriInfo().getPath().startsWith("/q/")) {
            return null;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8))) {
            return ApiError.response(Response.Status.UNAUTHORIZED,
                    header == null ? "missing bearer token" : "invalid bearer token");
        }
        if (!engine.isRecovered()) {
            return ApiError.response(Response.Status.SERVICE_UNAVAILABLE, "recovering state from Kafka, retry shortly");
        }
        return null;
    }
}
