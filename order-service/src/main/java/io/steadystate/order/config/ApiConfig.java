package io.steadystate.order.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.NotBlank;

/** {@code steadystate.api.token}: bearer token of mutating REST calls (k8s Secret overrides the local default). */
@ConfigMapping(prefix = "steadystate.api")
public interface ApiConfig {
    @WithDefault("steadystate-local")
    @NotBlank
    String token();
}
