package io.steadystate.core.state;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The build-time version of seed 003's static check, except that it fails the build. In a service's main code:
 * <ol>
 *   <li>every field whose type is a {@link Collection}, a {@link Map} or a Caffeine cache is one of the bounded
 *       primitives ({@link BoundedStore}, {@link ObjectRing}, {@link DoubleRing}, {@link LongRing} — not
 *       collections, so they pass by construction) or carries {@link Bounded} with a reason. Records are
 *       messages built once per event and are exempt — unless long-lived state holds them (a
 *       {@code BoundedStore<String, PriceHistory>}): then their components are state and obey the rule;</li>
 *   <li>an array field is assigned only in its class's constructors (no {@code Arrays.copyOf} growth);</li>
 *   <li>a {@link ThreadLocal} field says why its per-thread value stays small;</li>
 *   <li>a field of a library type that grows inside ({@code StringBuilder}, {@code BitSet},
 *       {@code ByteArrayOutputStream}, ...) says what bounds it;</li>
 *   <li>meters are named and tagged only at start-up ({@link MeterRegistrationRule}).</li>
 * </ol>
 * Each service has a test that calls {@link #check(String)} on its base package. What no static rule can see is
 * in trading-core's README ("What only the soak can catch").
 */
public final class BoundedStateRule {

    private BoundedStateRule() {}

    /** All checks, as the services run them. */
    public static ArchRule stateMustBeBounded() {
        return CompositeArchRule.of(collectionFieldsMustBeBounded())
                .and(arraysMustNotGrow())
                .and(threadLocalsMustBeJustified())
                .and(wrappedCollectionsMustBeBounded())
                .and(meterRegistrationsMustBeFixedAtStartUp())
                .as("state must be bounded (BoundedStateRule: collections, records held by state, grown arrays, "
                        + "ThreadLocals, growing library types, meter names and tags)");
    }

    public static ArchRule collectionFieldsMustBeBounded() {
        return fieldRule(
                "be a bounded primitive or be annotated @Bounded(reason), also as a component of a record "
                        + "held by long-lived state",
                (field, context) -> {
                    if (!StateTypes.isGrowableCollection(field.getRawType())
                            || field.getOwner().isRecord() && !context.heldRecords.contains(field.getOwner())) {
                        return Optional.empty();
                    }
                    String where =
                            field.getOwner().isRecord() ? " (a component of a record held by long-lived state)" : "";
                    return Optional.of(field.getFullName() + " of type "
                            + field.getRawType().getName() + where
                            + " can grow with input: use BoundedStore/ObjectRing/DoubleRing/LongRing, or annotate it "
                            + "@Bounded(\"what bounds it\")");
                });
    }

    public static ArchRule arraysMustNotGrow() {
        return fieldRule(
                "be assigned only in its constructors if it is an array, or be annotated @Bounded(reason)",
                (field, context) -> StateTypes.reassignment(field)
                        .map((JavaFieldAccess a) -> field.getFullName()
                                + " is an array reassigned in " + a.getOrigin().getFullName() + " ("
                                + a.getSourceCodeLocation()
                                + "): an array grown by copy is an unbounded list; use ObjectRing/DoubleRing/LongRing "
                                + "or a fixed size, or annotate it @Bounded(\"what bounds it\")"));
    }

    public static ArchRule threadLocalsMustBeJustified() {
        return fieldRule(
                "be annotated @Bounded(reason) if it is a ThreadLocal",
                (field, context) -> StateTypes.isThreadLocal(field.getRawType())
                        ? Optional.of(field.getFullName() + " is a ThreadLocal: one value per thread that ever "
                                + "touched it, kept as long as the thread (pool threads live forever), and it may grow "
                                + "inside; annotate it @Bounded(\"why the per-thread value stays small\")")
                        : Optional.empty());
    }

    public static ArchRule wrappedCollectionsMustBeBounded() {
        return fieldRule(
                "be annotated @Bounded(reason) if its library type grows inside",
                (field, context) -> context.growableInside
                        .computeIfAbsent(
                                field.getRawType().getName(),
                                name -> StateTypes.growableInside(field.getRawType(), context.checkedCode))
                        .map(
                                inner -> field.getFullName()
                                        + " of type " + field.getRawType().getName() + " wraps growable state (" + inner
                                        + "): it can grow with input like a collection; annotate it @Bounded(\"what bounds it\")"));
    }

    public static ArchRule meterRegistrationsMustBeFixedAtStartUp() {
        return MeterRegistrationRule.meterRegistrationsMustBeFixedAtStartUp();
    }

    /** What a field check may need to know about the rest of the checked code. */
    private static final class Context {
        final Set<JavaClass> checkedCode = new HashSet<>();
        Set<JavaClass> heldRecords = Set.of();
        /** Per library type: importing its bytecode is the slow part of the rule, once per type is enough. */
        final Map<String, Optional<String>> growableInside = new HashMap<>();
    }

    private static ArchRule fieldRule(String should, BiFunction<JavaField, Context, Optional<String>> violation) {
        return fields().should(new ArchCondition<JavaField>(should) {
                    private final Context context = new Context();

                    @Override
                    public void init(Collection<JavaField> allFields) {
                        allFields.forEach(f -> context.checkedCode.add(f.getOwner()));
                        context.heldRecords = StateTypes.heldRecords(context.checkedCode);
                    }

                    @Override
                    public void check(JavaField field, ConditionEvents events) {
                        if (!StateTypes.isJustified(field)) {
                            violation
                                    .apply(field, context)
                                    .ifPresent(message -> events.add(SimpleConditionEvent.violated(field, message)));
                        }
                    }
                })
                .allowEmptyShould(true);
    }

    /** Main classes only (no tests, no jars) under {@code basePackage}. */
    public static JavaClasses mainClasses(String basePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
    }

    /** Fails (AssertionError listing every offending field) when {@code basePackage}'s main code breaks the rule. */
    public static void check(String basePackage) {
        JavaClasses classes = mainClasses(basePackage);
        if (classes.isEmpty()) {
            throw new AssertionError("no main classes found under " + basePackage + ": the rule would prove nothing");
        }
        stateMustBeBounded().check(classes);
    }
}
