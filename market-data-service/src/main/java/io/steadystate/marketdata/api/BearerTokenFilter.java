package io.steadystate.marketdata.api;

import io.steadystate.core.state.Bounded;
import io.steadystate.marketdata.config.ApiConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * Mutating calls (POST, PUT, DELETE, PATCH) need {@code Authorization: Bearer <steadystate.api.token>}, else 401
 * with a JSON message. Reads (status, symbol list) stay open like /q/metrics. Constant-time comparison.
 */
public class BearerTokenFilter {

    @Bounded("immutable Set.of four HTTP methods")
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "DELETE", "PATCH");

    private final byte[] expected;

    public BearerTokenFilter(ApiConfig config) {
        this.expected = ("Bearer " + config.token()).getBytes(StandardCharsets.UTF_8);
    }

    /** Pre-matching: a caller without the token learns nothing about paths or media types. */
    @ServerRequestFilter(preMatching = true)
    public Optional<Response> requireToken(ContainerRequestContext request) {
        if (!MUTATING.contains(request.getMethod()) || !request.getUriInfo().getPath().startsWith("/market")) {
            return Optional.empty();
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header != null && MessageDigest.isEqual(expected, header.strip().getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        String message = header == null ? "missing Authorization: Bearer <token> header" : "invalid bearer token";
        return Optional.of(Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"steadystate\"")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(message)).build());
    }
}
