package io.steadystate.kit.fault;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * {@code steadystate.fault.*} of every service: the leak positive controls of docs/CONTRACTS.md, {@code none} in
 * every real run. One validation for all: the mode is a lower-case name, the rate a positive integer; which names a
 * service knows is {@link FaultSwitch}'s business.
 */
@ConfigMapping(prefix = "steadystate.fault")
public interface FaultConfig {

    @WithDefault(FaultSwitch.NONE)
    @Pattern(regexp = "\\s*[a-zA-Z][a-zA-Z-]*\\s*", message = "must be none or a fault name like rally-cache")
    String mode();

    /** Objects leaked per triggering event (strategy's bytes-per-kilotick: bytes per 1,000 ticks). */
    @WithDefault("1")
    @Min(1)
    int rate();
}
