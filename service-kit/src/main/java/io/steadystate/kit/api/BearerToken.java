package io.steadystate.kit.api;

import io.steadystate.core.state.Bounded;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one rule of every service's REST API: a mutating call (POST, PUT, DELETE, PATCH) on <em>any</em> path needs
 * {@code Authorization: Bearer <steadystate.api.token>}; reads stay open like {@code /q/metrics}. Every path, not a
 * list of protected prefixes: a prefix check has to agree with the router about {@code //market/rate},
 * {@code /market;a=b/rate} or {@code /q/../market/rate}, and no service has a mutating call that should be open.
 * (Quarkus serves {@code /q/health}, {@code /q/metrics} and {@code /q/openapi} outside the REST layer, so this rule
 * never sees them; they change nothing whatever the method.)
 * The header is compared after stripping surrounding white space, in constant time.
 */
public final class BearerToken {

    static final String MISSING = "missing Authorization: Bearer <token> header";
    static final String INVALID = "invalid bearer token";

    @Bounded("immutable Set.of three HTTP methods")
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final byte[] expected;

    public BearerToken(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("steadystate.api.token must not be blank");
        }
        this.expected = ("Bearer " + token.strip()).getBytes(StandardCharsets.UTF_8);
    }

    /** GET, HEAD and OPTIONS read; POST, PUT, DELETE, PATCH and any other method mutate (deny by default). */
    public static boolean isMutating(String method) {
        return method == null || !READS.contains(method.toUpperCase(Locale.ROOT));
    }

    /** Why this request is refused (401), or empty when it may go on. The path does not matter, on purpose. */
    public Optional<String> refusal(String method, String authorization) {
        if (!isMutating(method)) {
            return Optional.empty();
        }
        if (authorization == null) {
            return Optional.of(MISSING);
        }
        return accepts(authorization) ? Optional.empty() : Optional.of(INVALID);
    }

    public boolean accepts(String authorization) {
        return authorization != null
                && MessageDigest.isEqual(expected, authorization.strip().getBytes(StandardCharsets.UTF_8));
    }
}
