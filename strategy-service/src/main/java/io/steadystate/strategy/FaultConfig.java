package io.steadystate.strategy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/** {@code steadystate.fault.*}: the leak positive controls of CONTRACTS.md; {@code none} in every real run. */
@ConfigMapping(prefix = "steadystate.fault")
public interface FaultConfig {
    @WithDefault("none")
    @Pattern(regexp = "none|rally-cache|symbol-managers", message = "must be none, rally-cache or symbol-managers")
    String mode();

    /** Objects leaked per triggering event (per tick for rally-cache). */
    @WithDefault("1")
    @Min(1)
    int rate();
}
