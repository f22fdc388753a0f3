package io.steadystate.core.state;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.Collection;
import java.util.Map;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;

/**
 * The build-time version of seed 003's static check, except that it fails the build: in a service's main
 * code, every field whose type is a {@link Collection}, a {@link Map} or a raw Caffeine cache must either be
 * one of the bounded primitives ({@link BoundedStore}, {@link ObjectRing}, {@link DoubleRing},
 * {@link LongRing} — they are not collections, so they pass by construction) or carry {@link Bounded} with a
 * reason. Record components are exempt: records are immutable data built once per message or response,
 * never long-lived state.
 *
 * <p>Each service has a test that calls {@link #check(String)} on its base package.
 */
public final class BoundedStateRule {

    private BoundedStateRule() {
    }

    public static ArchRule collectionFieldsMustBeBounded() {
        return fields()
                .that(new DescribedPredicate<JavaField>("hold a collection, map or cache") {
                    @Override
                    public boolean test(JavaField field) {
                        return isGrowable(field) && !field.getOwner().isRecord();
                    }
                })
                .should(new ArchCondition<JavaField>("be a bounded primitive or be annotated @Bounded(reason)") {
                    @Override
                    public void check(JavaField field, ConditionEvents events) {
                        boolean justified = field.isAnnotatedWith(Bounded.class)
                                && !field.getAnnotationOfType(Bounded.class).value().isBlank();
                        if (!justified) {
                            events.add(SimpleConditionEvent.violated(field, field.getFullName() + " of type "
                                    + field.getRawType().getName() + " can grow with input: use BoundedStore/ObjectRing/"
                                    + "DoubleRing/LongRing, or annotate it @Bounded(\"what bounds it\")"));
                        }
                    }
                })
                .allowEmptyShould(true);
    }

    private static boolean isGrowable(JavaField field) {
        return field.getRawType().isAssignableTo(Collection.class)
                || field.getRawType().isAssignableTo(Map.class)
                || field.getRawType().isAssignableTo("com.github.benmanes.caffeine.cache.Cache");
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
        collectionFieldsMustBeBounded().check(classes);
    }
}
