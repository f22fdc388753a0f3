package io.steadystate.core.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.steadystate.core.state.BoundedStateRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceArchitectureRuleTest {

    private static JavaClasses fixtures(String pkg) {
        return new ClassFileImporter().importPackages(pkg);
    }

    @Test
    void aPackageCycleInsideAServiceFailsTheBuild() {
        assertThatThrownBy(
                        () -> ServiceArchitectureRule.packagesAreFreeOfCycles("io.steadystate.core.archfixture.cycle")
                                .check(fixtures("io.steadystate.core.archfixture.cycle")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("pricing")
                .hasMessageContaining("quotes");
    }

    @Test
    void dependenciesInOneDirectionPass() {
        ServiceArchitectureRule.packagesAreFreeOfCycles("io.steadystate.core.archfixture.layered")
                .check(fixtures("io.steadystate.core.archfixture.layered"));
    }

    @Test
    void aServiceReachingIntoAnotherFailsTheBuild() {
        assertThatThrownBy(() -> ServiceArchitectureRule.dependsOnNoneOf(
                                "io.steadystate.core.archfixture.layered",
                                List.of("io.steadystate.core.archfixture.othersvc"))
                        .check(fixtures("io.steadystate.core.archfixture.layered")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("BookResource")
                .hasMessageContaining("OtherServicesClass");
    }

    @Test
    void everyServiceSeesEveryOtherServiceAndTheHarnessAsForbidden() {
        assertThat(ServiceArchitectureRule.NOT_SHARED)
                .contains(
                        "io.steadystate.marketdata",
                        "io.steadystate.strategy",
                        "io.steadystate.order",
                        "io.steadystate.soak")
                .doesNotContain("io.steadystate.core", "io.steadystate.kit");
        assertThatThrownBy(() -> ServiceArchitectureRule.check("io.steadystate.core"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tradingCoreStaysFrameworkFree() {
        ServiceArchitectureRule.coreIsFrameworkFree().check(BoundedStateRule.mainClasses("io.steadystate.core"));
    }
}
