package io.steadystate.core.state;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaGenericArrayType;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaStaticInitializer;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaTypeVariable;
import com.tngtech.archunit.core.domain.JavaWildcardType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** What the build rule knows about field types: which can grow, which are bounded by construction. */
final class StateTypes {

    static final String OUR_PACKAGES = "io.steadystate.";
    static final String CAFFEINE_CACHE = "com.github.benmanes.caffeine.cache.Cache";

    /**
     * Library types that hold a growable array or collection inside, but whose size does not follow the input.
     * Each entry carries its reason, as {@code @Bounded} would. Anything else from a jar that grows inside
     * (StringBuilder, ByteArrayOutputStream, BitSet, an auto-resizing histogram, ...) needs {@code @Bounded}.
     */
    static final Map<String, String> KNOWN_BOUNDED_LIBRARY_TYPES = Map.of(
            "java.lang.Class",
            "one per loaded class; its caches follow the code, not the input",
            "java.util.concurrent.atomic.Striped64",
            "LongAdder/DoubleAdder cells grow to the CPU count, no further",
            "io.micrometer.core.instrument.MeterRegistry",
            "its meters are checked where they are registered (meterRegistrationsMustBeFixedAtStartUp)",
            "com.fasterxml.jackson.databind.ObjectMapper",
            "caches one (de)serializer per Java type: bounded by the code",
            "org.apache.kafka.clients.producer.KafkaProducer",
            "buffers are bounded by buffer.memory",
            "org.apache.kafka.clients.consumer.KafkaConsumer",
            "fetches are bounded by max.poll.records and fetch sizes");

    private StateTypes() {}

    static boolean isGrowableCollection(JavaClass type) {
        return type.isAssignableTo(Collection.class)
                || type.isAssignableTo(Map.class)
                || type.isAssignableTo(CAFFEINE_CACHE);
    }

    /**
     * Our own classes from another module (trading-core's {@code BoundedStore}, {@code ObjectRing}, ... in a
     * service): each module's build runs this rule on its own classes, so they are checked where they live.
     */
    static boolean isOurs(JavaClass type) {
        return type.getPackageName().startsWith(OUR_PACKAGES);
    }

    static boolean isThreadLocal(JavaClass type) {
        return type.isAssignableTo(ThreadLocal.class);
    }

    static boolean isJustified(JavaField field) {
        return field.isAnnotatedWith(Bounded.class)
                && !field.getAnnotationOfType(Bounded.class).value().isBlank();
    }

    /**
     * An array field assigned anywhere but in its own class's constructors or static initializer: the
     * {@code values = Arrays.copyOf(values, 2 * n)} pattern, an unbounded list without the name.
     */
    static Optional<JavaFieldAccess> reassignment(JavaField field) {
        if (!field.getRawType().isArray()) {
            return Optional.empty();
        }
        return field.getAccessesToSelf().stream()
                .filter(a -> a.getAccessType() == JavaFieldAccess.AccessType.SET)
                .filter(a -> !(a.getOrigin().getOwner().equals(field.getOwner())
                        && (a.getOrigin().isConstructor() || a.getOrigin() instanceof JavaStaticInitializer)))
                .findFirst();
    }

    /**
     * For a field type from outside the checked code (a jar or the JDK): the first field inside it, or inside
     * one of its superclasses, that can grow — a collection, or an array it reassigns. Empty when the type is
     * not growable, is a collection itself (checked directly), or is a known bounded library type.
     */
    static Optional<String> growableInside(JavaClass type, Set<JavaClass> checkedCode) {
        if (type.isPrimitive()
                || type.isArray()
                || type.isInterface()
                || type.isEnum()
                || checkedCode.contains(type)
                || isOurs(type)
                || isGrowableCollection(type)
                || isThreadLocal(type)) {
            return Optional.empty();
        }
        List<JavaClass> hierarchy = Stream.concat(Stream.of(type), type.getAllRawSuperclasses().stream())
                .toList();
        if (hierarchy.stream().anyMatch(c -> KNOWN_BOUNDED_LIBRARY_TYPES.containsKey(c.getName()))) {
            return Optional.empty();
        }
        // classes resolved from a jar carry their fields but not their code: import the hierarchy's bytecode to
        // see which of its methods reassign an array
        boolean mayGrowAnArray = hierarchy.stream()
                .flatMap(c -> c.getFields().stream())
                .anyMatch(f -> f.getRawType().isArray()
                        && !f.getModifiers().contains(JavaModifier.FINAL)
                        && !f.getModifiers().contains(JavaModifier.STATIC));
        JavaClasses withCode = mayGrowAnArray ? importWithCode(hierarchy) : new ClassFileImporter().importClasses();
        for (JavaClass resolved : hierarchy) {
            JavaClass c = withCode.contain(resolved.getName()) ? withCode.get(resolved.getName()) : resolved;
            for (JavaField inner : c.getFields()) {
                if (inner.getModifiers().contains(JavaModifier.STATIC)) {
                    continue;
                }
                if (isGrowableCollection(inner.getRawType()) || grownByCopy(inner)) {
                    return Optional.of(c.getSimpleName() + "." + inner.getName());
                }
            }
        }
        return Optional.empty();
    }

    private static JavaClasses importWithCode(List<JavaClass> hierarchy) {
        List<Class<?>> reflected = new ArrayList<>();
        for (JavaClass c : hierarchy) {
            try {
                reflected.add(c.reflect());
            } catch (RuntimeException | LinkageError e) {
                // not loadable here: judge it by its fields alone
            }
        }
        JavaClasses[] imported = new JavaClasses[1];
        // only these classes' own code is needed; resolving their dependencies from the classpath takes seconds
        ArchConfiguration.withThreadLocalScope(config -> {
            config.setResolveMissingDependenciesFromClassPath(false);
            imported[0] = new ClassFileImporter().importClasses(reflected);
        });
        return imported[0];
    }

    /**
     * An array field of a library class that one of its methods reassigns after copying into a new array
     * ({@code Arrays.copyOf}, {@code System.arraycopy}): the growth of {@code StringBuilder.value} or
     * {@code BitSet.words}. A fixed buffer that is only cleared on close ({@code BufferedReader.cb}) is not.
     */
    private static boolean grownByCopy(JavaField field) {
        if (!field.getRawType().isArray()) {
            return false;
        }
        return field.getAccessesToSelf().stream()
                .filter(a -> a.getAccessType() == JavaFieldAccess.AccessType.SET
                        && !a.getOrigin().isConstructor())
                .anyMatch(a -> a.getOrigin().getMethodCallsFromSelf().stream()
                        .anyMatch(call -> call.getTargetOwner().getName().equals("java.util.Arrays")
                                        && call.getName().startsWith("copyOf")
                                || call.getTargetOwner().getName().equals("java.lang.System")
                                        && call.getName().equals("arraycopy")));
    }

    /**
     * Records that long-lived state holds: every record of the checked code named in the type (with its type
     * arguments, e.g. {@code BoundedStore<String, PriceHistory>}) of a field of a non-record class, and
     * transitively the records those records hold. These are state, not messages, so their components obey
     * the rule like any field.
     */
    static Set<JavaClass> heldRecords(Collection<JavaClass> checkedCode) {
        Set<JavaClass> held = new HashSet<>();
        Deque<JavaClass> toVisit = new ArrayDeque<>();
        for (JavaClass owner : checkedCode) {
            if (!owner.isRecord()) {
                owner.getFields().forEach(f -> namedClasses(f.getType()).forEach(toVisit::add));
            }
        }
        while (!toVisit.isEmpty()) {
            JavaClass c = toVisit.pop();
            if (c.isRecord() && checkedCode.contains(c) && held.add(c)) {
                c.getFields().forEach(f -> namedClasses(f.getType()).forEach(toVisit::add));
            }
        }
        return held;
    }

    /** The raw class of a type and of all its type arguments, bounds and array components. */
    static Set<JavaClass> namedClasses(JavaType type) {
        Set<JavaClass> out = new HashSet<>();
        collect(type, out, new HashSet<>());
        return out;
    }

    private static void collect(JavaType type, Set<JavaClass> out, Set<JavaType> seen) {
        if (!seen.add(type)) {
            return;
        }
        if (type instanceof JavaParameterizedType p) {
            out.add(p.toErasure());
            p.getActualTypeArguments().forEach(t -> collect(t, out, seen));
        } else if (type instanceof JavaWildcardType w) {
            w.getUpperBounds().forEach(t -> collect(t, out, seen));
            w.getLowerBounds().forEach(t -> collect(t, out, seen));
        } else if (type instanceof JavaTypeVariable<?> v) {
            v.getUpperBounds().forEach(t -> collect(t, out, seen));
        } else if (type instanceof JavaGenericArrayType a) {
            collect(a.getComponentType(), out, seen);
        } else if (type instanceof JavaClass c) {
            out.add(c.isArray() ? c.getBaseComponentType() : c);
        }
    }
}
