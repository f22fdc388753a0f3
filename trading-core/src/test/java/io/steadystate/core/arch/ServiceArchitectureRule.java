package io.steadystate.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import io.steadystate.core.state.BoundedStateRule;
import java.util.List;

/**
 * The module boundaries of docs/ARCHITECTURE.md, checked on compiled main classes (ArchUnit) beside
 * {@link BoundedStateRule}:
 * <ol>
 *   <li>a service depends on the shared modules only ({@code trading-core}: {@value #CORE}, {@code service-kit}:
 *       {@value #KIT}), never on another service or on the harness — what two services share belongs in a shared
 *       module, not in one of them;</li>
 *   <li>the packages inside a service have no cycles: a feature package ({@code orders}, {@code api}, ...) can be read
 *       and changed without the ones that depend on it. The service's root package (its CDI wiring) is outside the
 *       slices: it may see every feature;</li>
 *   <li>{@code trading-core} stays free of Quarkus, CDI and JAX-RS, and of service-kit.</li>
 * </ol>
 * Each service has a test calling {@link #check(String)} on its base package.
 */
public final class ServiceArchitectureRule {

    static final String CORE = "io.steadystate.core";
    static final String KIT = "io.steadystate.kit";
    /** The base packages of the services and of the modules no service may see (harness, deployment checks). */
    static final List<String> NOT_SHARED = List.of(
            "io.steadystate.marketdata",
            "io.steadystate.strategy",
            "io.steadystate.order",
            "io.steadystate.soak",
            "io.steadystate.k8s");

    private ServiceArchitectureRule() {}

    public static ArchRule dependsOnSharedModulesOnly(String servicePackage) {
        return dependsOnNoneOf(
                servicePackage,
                NOT_SHARED.stream().filter(p -> !p.equals(servicePackage)).toList());
    }

    static ArchRule dependsOnNoneOf(String servicePackage, List<String> forbidden) {
        String[] others = forbidden.stream().map(p -> p + "..").toArray(String[]::new);
        return noClasses()
                .that()
                .resideInAPackage(servicePackage + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others)
                .as(servicePackage + " depends on the shared modules only (trading-core, service-kit), "
                        + "never on another service or the harness");
    }

    public static ArchRule packagesAreFreeOfCycles(String servicePackage) {
        return slices().matching(servicePackage + ".(*)..")
                .should()
                .beFreeOfCycles()
                .as("the feature packages of " + servicePackage + " have no dependency cycles");
    }

    public static ArchRule coreIsFrameworkFree() {
        return noClasses()
                .that()
                .resideInAPackage(CORE + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.quarkus..", "jakarta..", "io.smallrye..", "org.eclipse.microprofile..", KIT + "..")
                .as("trading-core stays free of Quarkus, CDI, JAX-RS and service-kit");
    }

    /** Fails (AssertionError listing every offending dependency) when a service's main code crosses a boundary. */
    public static void check(String servicePackage) {
        if (!NOT_SHARED.contains(servicePackage)) {
            throw new IllegalArgumentException(servicePackage + " is not a service base package " + NOT_SHARED);
        }
        JavaClasses classes = BoundedStateRule.mainClasses(servicePackage);
        if (classes.isEmpty()) {
            throw new AssertionError(
                    "no main classes found under " + servicePackage + ": the rule would prove nothing");
        }
        dependsOnSharedModulesOnly(servicePackage).check(classes);
        packagesAreFreeOfCycles(servicePackage).check(classes);
    }
}
