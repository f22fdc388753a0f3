package io.steadystate.strategy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.NotBlank;

/** {@code steadystate.api.*}: the bearer token of mutating REST calls (k8s overrides it from a Secret). */
@ConfigMapping(prefix = "steadystate.api")
public interface ApiConfig {
    @WithDefault("steadystate-local")
    @NotBlank
    String token();
}
