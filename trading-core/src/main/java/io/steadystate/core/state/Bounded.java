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
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Bounded {
    String value();
}
