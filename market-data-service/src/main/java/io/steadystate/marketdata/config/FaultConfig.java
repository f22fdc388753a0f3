package io.steadystate.marketdata.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** {@code steadystate.fault.*}: leak faults are positive controls for the soak harness, off by default. */
@ConfigMapping(prefix = "steadystate.fault")
public interface FaultConfig {

    /** {@code none} or {@code event-log} (the only fault of this service). */
    @WithDefault("none")
    String mode();

    /** Objects leaked per published event while the fault is on. */
    @WithDefault("1")
    @Min(1) @Max(1000)
    int rate();
}
