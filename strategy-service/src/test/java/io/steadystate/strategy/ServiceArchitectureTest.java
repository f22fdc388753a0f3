package io.steadystate.strategy;

import io.steadystate.core.arch.ServiceArchitectureRule;
import io.steadystate.core.arch.SourceSizeRule;
import org.junit.jupiter.api.Test;

/** This service depends on trading-core and service-kit only, and its feature packages have no cycles. */
class ServiceArchitectureTest {
    @Test
    void dependsOnSharedModulesOnlyAndItsPackagesHaveNoCycles() {
        ServiceArchitectureRule.check("io.steadystate.strategy");
    }

    @Test
    void noMainClassIsOverFourHundredLines() {
        SourceSizeRule.checkThisModule();
    }
}
