package io.steadystate.core.state;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.domain.JavaStaticInitializer;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Every Micrometer meter is registered once, at start-up, and kept in a field. A meter's identity is its name
 * plus its tags: a tag value (or a name) taken from a tick, a signal or a request makes a new registry entry
 * for every new value, and the registry never forgets one — the unbounded map the other rules cannot see.
 *
 * <p>Statically, "the tag values are constants or enum constants" cannot be proved (ArchUnit sees calls, not
 * argument values), but <em>where</em> the registration runs can: a call that names or tags a meter
 * ({@code Tag.of}, {@code Tags.of/and/concat}, a meter builder's {@code tag/tags/register},
 * {@code MeterRegistry.counter/timer/summary/gauge*}, the static {@code Metrics.*}) is allowed only in code
 * that runs at start-up:
 * <ul>
 *   <li>a static initializer, a {@code @PostConstruct} method, a {@code StartupEvent} observer,
 *       {@code MeterBinder.bindTo};</li>
 *   <li>a constructor of a singleton bean ({@code @Singleton}, {@code @ApplicationScoped}, {@code @Startup}),
 *       a singleton {@code @Produces} method;</li>
 *   <li>any other method or constructor whose every caller in the checked code is itself start-up code (the
 *       {@code private static Counter counter(registry, reason)} helper called from a loop over an enum in a
 *       constructor). Lambdas and method references are never start-up: they run later, per event;</li>
 *   <li>or a method annotated {@code @Bounded("what bounds its names and tag values")}.</li>
 * </ul>
 */
final class MeterRegistrationRule {

    private static final String INSTRUMENT = "io.micrometer.core.instrument.";
    private static final Set<String> REGISTRY_METHODS =
            Set.of("counter", "timer", "summary", "gauge", "gaugeCollectionSize", "gaugeMapSize", "more");
    private static final Set<String> SINGLETON_SCOPES = Set.of(
            "jakarta.inject.Singleton",
            "javax.inject.Singleton",
            "jakarta.enterprise.context.ApplicationScoped",
            "javax.enterprise.context.ApplicationScoped",
            "io.quarkus.runtime.Startup");
    private static final Set<String> POST_CONSTRUCT =
            Set.of("jakarta.annotation.PostConstruct", "javax.annotation.PostConstruct");

    private MeterRegistrationRule() {}

    static ArchRule meterRegistrationsMustBeFixedAtStartUp() {
        return codeUnits()
                .should(
                        new ArchCondition<JavaCodeUnit>("register meters (names, tags) only in code that runs at "
                                + "start-up, or be annotated @Bounded(reason)") {
                            private final Map<JavaCodeUnit, Boolean> startUp = new HashMap<>();

                            @Override
                            public void check(JavaCodeUnit unit, ConditionEvents events) {
                                for (JavaMethodCall call : unit.getMethodCallsFromSelf()) {
                                    if (registersMeter(call) && !runsAtStartUp(unit, startUp, new HashSet<>())) {
                                        events.add(SimpleConditionEvent.violated(
                                                unit,
                                                unit.getFullName() + " calls "
                                                        + call.getTargetOwner().getSimpleName() + "." + call.getName()
                                                        + " ("
                                                        + call.getSourceCodeLocation()
                                                        + ") outside start-up: a meter name or tag "
                                                        + "value taken from input makes a new registry entry per value. Register "
                                                        + "meters in a singleton's constructor, @PostConstruct or a StartupEvent "
                                                        + "observer and keep them in fields, or annotate the method "
                                                        + "@Bounded(\"what bounds its names and tags\")"));
                                        return;
                                    }
                                }
                            }
                        })
                .allowEmptyShould(true);
    }

    static boolean registersMeter(JavaMethodCall call) {
        JavaClass owner = call.getTargetOwner();
        String name = call.getName();
        String ownerName = owner.getName();
        if (!ownerName.startsWith(INSTRUMENT)) {
            return false;
        }
        if (ownerName.equals(INSTRUMENT + "Tag") || ownerName.equals(INSTRUMENT + "Tags")) {
            return name.equals("of") || name.equals("and") || name.equals("concat");
        }
        if (ownerName.equals(INSTRUMENT + "Metrics")) {
            return REGISTRY_METHODS.contains(name);
        }
        if (owner.getSimpleName().endsWith("Builder")) {
            return name.equals("tag") || name.equals("tags") || name.equals("register");
        }
        boolean registry = owner.isAssignableTo(INSTRUMENT + "MeterRegistry")
                || ownerName.equals(INSTRUMENT + "MeterRegistry$More");
        return registry && (REGISTRY_METHODS.contains(name) || ownerName.endsWith("$More"));
    }

    private static boolean runsAtStartUp(JavaCodeUnit unit, Map<JavaCodeUnit, Boolean> known, Set<JavaCodeUnit> path) {
        Boolean cached = known.get(unit);
        if (cached != null) {
            return cached;
        }
        if (!path.add(unit)) {
            return false; // a cycle is not proof of running once
        }
        boolean result = isStartUpByDeclaration(unit) || calledOnlyFromStartUp(unit, known, path);
        path.remove(unit);
        known.put(unit, result);
        return result;
    }

    private static boolean isStartUpByDeclaration(JavaCodeUnit unit) {
        if (unit instanceof JavaStaticInitializer) {
            return true;
        }
        if (unit.isAnnotatedWith(Bounded.class)
                && !unit.getAnnotationOfType(Bounded.class).value().isBlank()) {
            return true;
        }
        if (POST_CONSTRUCT.stream().anyMatch(unit::isAnnotatedWith)) {
            return true;
        }
        for (JavaParameter p : unit.getParameters()) {
            if (p.isAnnotatedWith("jakarta.enterprise.event.Observes")
                    && p.getRawType().getName().equals("io.quarkus.runtime.StartupEvent")) {
                return true;
            }
        }
        if (unit.getName().equals("bindTo")
                && unit.getRawParameterTypes().size() == 1
                && unit.getOwner().isAssignableTo("io.micrometer.core.instrument.binder.MeterBinder")) {
            return true;
        }
        if (unit.isConstructor() && SINGLETON_SCOPES.stream().anyMatch(unit.getOwner()::isAnnotatedWith)) {
            return true;
        }
        return unit.isAnnotatedWith("jakarta.enterprise.inject.Produces")
                && SINGLETON_SCOPES.stream().anyMatch(unit::isAnnotatedWith);
    }

    private static Set<?> referencesTo(JavaCodeUnit unit) {
        if (unit instanceof JavaMethod m) {
            return m.getReferencesToSelf();
        }
        return unit instanceof JavaConstructor c ? c.getReferencesToSelf() : Set.of();
    }

    private static boolean calledOnlyFromStartUp(
            JavaCodeUnit unit, Map<JavaCodeUnit, Boolean> known, Set<JavaCodeUnit> path) {
        if (unit.getModifiers().contains(JavaModifier.SYNTHETIC)
                || unit.getName().startsWith("lambda$")
                || !referencesTo(unit).isEmpty()) {
            return false; // a lambda body or a method reference runs whenever its holder calls it
        }
        Set<? extends JavaCall<?>> callers = unit.getCallsOfSelf();
        if (callers.isEmpty()) {
            return false; // called from outside the checked code: nothing proves it runs once
        }
        return callers.stream().allMatch(c -> runsAtStartUp(c.getOrigin(), known, path));
    }
}
