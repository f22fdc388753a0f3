package io.steadystate.kit.api;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The REST binding of {@link BearerToken} for every service: 401 JSON with {@code WWW-Authenticate}, then the
 * optional {@link MutationGate}s (503). Pre-matching: a caller without the token learns nothing about paths or
 * media types, and the body is never read.
 */
public class BearerTokenFilter {

    private final BearerToken token;
    private final Iterable<MutationGate> gates;

    @Inject
    public BearerTokenFilter(ApiConfig config, Instance<MutationGate> gates) {
        this(new BearerToken(config.token()), gates);
    }

    BearerTokenFilter(BearerToken token, Iterable<MutationGate> gates) {
        this.token = token;
        this.gates = gates;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> requireToken(ContainerRequestContext request) {
        String method = request.getMethod();
        Optional<String> refusal = token.refusal(method, request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (refusal.isPresent()) {
            return Optional.of(Response.fromResponse(ApiError.response(Response.Status.UNAUTHORIZED, refusal.get()))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"steadystate\"")
                    .build());
        }
        if (BearerToken.isMutating(method)) {
            for (MutationGate gate : gates) {
                Optional<String> wait = gate.notYet();
                if (wait.isPresent()) {
                    return Optional.of(ApiError.response(Response.Status.SERVICE_UNAVAILABLE, wait.get()));
                }
            }
        }
        return Optional.empty();
    }
}
