package io.steadystate.kit.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.NotBlank;

/** {@code steadystate.api.*}: the bearer token of mutating REST calls (docs/CONTRACTS.md), one key for every service. */
@ConfigMapping(prefix = "steadystate.api")
public interface ApiConfig {

    /** Documented default for local runs only; the k8s Secret overrides it ({@link PlaceholderTokenRefusal}). */
    @WithDefault("steadystate-local")
    @NotBlank
    String token();
}
