package io.steadystate.order.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** {@code steadystate.fault.*}: the positive-control leak (CONTRACTS.md "Leak faults"). Off by default. */
@ConfigMapping(prefix = "steadystate.fault")
public interface FaultConfig {

    /** {@code none} or {@code order-tracking}. */
    @WithDefault("none")
    @NotBlank
    String mode();

    /** Objects leaked per triggering (terminal) bracket. */
    @WithDefault("1")
    @Min(1)
    int rate();
}
