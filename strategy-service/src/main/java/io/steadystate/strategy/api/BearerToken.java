package io.steadystate.strategy.api;

import io.steadystate.strategy.ApiConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Checks {@code Authorization: Bearer <steadystate.api.token>} on mutating calls (constant-time compare). */
@ApplicationScoped
public class BearerToken {

    private final byte[] expected;

    public BearerToken(ApiConfig config) {
        this.expected = ("Bearer " + config.token()).getBytes(StandardCharsets.UTF_8);
    }

    public boolean accepts(String authorization) {
        return authorization != null
                && MessageDigest.isEqual(expected, authorization.trim().getBytes(StandardCharsets.UTF_8));
    }
}
