package io.steadystate.soak.sampling;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One service's accounting counters at one sample. In report.json this is the flat object older builds wrote
 * ({@code {"ticksPublished": …, "reject:rate_limit": …}}) — {@code ./soak report DIR} re-judges stored runs, so
 * the mapping reads that object and writes the same keys and values back.
 *
 * @param values  the counters measured (a counter the service does not export is absent)
 * @param rejects order-service's rejects by reason ({@link Counter#REJECTS})
 * @param other   keys this build does not know (a report.json from another build), kept only so that re-judging a
 *                stored run writes its counters back unchanged; never read
 */
public record Counters(Map<Counter, Double> values, Map<String, Double> rejects, Map<String, Double> other) {

    public static final Counters NONE = new Counters(Map.of(), Map.of(), Map.of());

    public Counters {
        EnumMap<Counter, Double> v = new EnumMap<>(Counter.class);
        v.putAll(values);
        values = Collections.unmodifiableMap(v);
        rejects = Collections.unmodifiableMap(new TreeMap<>(rejects));
        other = Collections.unmodifiableMap(new TreeMap<>(other));
    }

    public static Counters of(Map<Counter, Double> values) {
        return new Counters(values, Map.of(), Map.of());
    }

    /** The counter, or null when it was not measured. */
    public Double get(Counter c) {
        return values.get(c);
    }

    public boolean isEmpty() {
        return values.isEmpty() && rejects.isEmpty() && other.isEmpty();
    }

    /** The report.json form: known counters in declaration order, then rejects and unknown keys, each sorted. */
    @JsonValue
    Map<String, Double> json() {
        Map<String, Double> out = new LinkedHashMap<>();
        values.forEach((c, v) -> out.put(c.jsonName(), v));
        rejects.forEach((reason, v) -> out.put(Counter.REJECTS.keyPrefix() + reason, v));
        out.putAll(other);
        return out;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Counters fromJson(Map<String, Double> json) {
        Map<Counter, Double> values = new EnumMap<>(Counter.class);
        Map<String, Double> rejects = new TreeMap<>();
        Map<String, Double> other = new TreeMap<>();
        json.forEach((key, v) -> {
            Counter c = byJsonName(key);
            if (c != null) {
                values.put(c, v);
            } else if (key.startsWith(Counter.REJECTS.keyPrefix())) {
                rejects.put(key.substring(Counter.REJECTS.keyPrefix().length()), v);
            } else {
                other.put(key, v);
            }
        });
        return new Counters(values, rejects, other);
    }

    private static Counter byJsonName(String key) {
        for (Counter c : Counter.values()) {
            if (c.jsonName().equals(key)) {
                return c;
            }
        }
        return null;
    }
}
