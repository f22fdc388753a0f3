package io.steadystate.kit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.steadystate.core.arch.ServiceArchitectureRule;
import io.steadystate.core.arch.SourceSizeRule;
import io.steadystate.core.state.BoundedStateRule;
import org.junit.jupiter.api.Test;

/** The kit serves every service, so it knows none of them (nor the harness); its packages have no cycles. */
class KitArchitectureTest {

    private final JavaClasses kit = BoundedStateRule.mainClasses("io.steadystate.kit");

    @Test
    void knowsNoServiceAndNoHarness() {
        assertThat(kit).isNotEmpty();
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.steadystate.marketdata..",
                        "io.steadystate.strategy..",
                        "io.steadystate.order..",
                        "io.steadystate.soak..",
                        "io.steadystate.k8s..")
                .as("service-kit depends on trading-core only, never on a service")
                .check(kit);
    }

    @Test
    void itsPackagesHaveNoCycles() {
        ServiceArchitectureRule.packagesAreFreeOfCycles("io.steadystate.kit").check(kit);
    }

    @Test
    void noMainClassIsOverFourHundredLines() {
        SourceSizeRule.checkThisModule();
    }
}
