package io.steadystate.core.state;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares why a plain collection field cannot grow with input, for the fields that are not one of the
 * bounded primitives ({@link BoundedStore}, {@link ObjectRing}, {@link DoubleRing}, {@link LongRing}). The
 * build rule ({@code BoundedStateRule}) fails on any collection field without it. The reason is read by
 * people: say what bounds the size ("one entry per Timeframe constant", "immutable after construction").
 *
 * <p>The same reason is required on a {@code ThreadLocal} field, on a field of a library type that grows inside
 * ({@code StringBuilder}, {@code BitSet}, ...), on an array field reassigned outside its constructors, on a
 * collection component of a record that long-lived state holds, and on a method or constructor that registers
 * Micrometer meters outside start-up ("constant name, no tags": say what bounds its names and tag values).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.CONSTRUCTOR})
public @interface Bounded {
    String value();
}
