package org.gdcert.dsl.semantic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.gdcert.core.spi.ParamValue;

/**
 * The names an expression may use and what they stand for: a value, a name whose value is not
 * known yet (the checker's {@code N} before the data is loaded), or a name that may not be used
 * here (with the reason, e.g. {@code N} inside the {@code data} statement). Immutable.
 */
public final class Environment {

    /** What a name stands for. */
    public sealed interface Binding permits Known, Unknown, Unavailable {
    }

    /** A value: a number, or a word, string, boolean or list from a sweep. */
    public record Known(ParamValue value) implements Binding {
        public Known {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A name that exists but whose value is not known now; expressions using it evaluate to "unknown". */
    public record Unknown() implements Binding {
    }

    /** A name that exists but may not be used here; using it is an error with this reason. */
    public record Unavailable(String reason) implements Binding {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** No names. */
    public static final Environment EMPTY = new Environment(Map.of());

    private final Map<String, Binding> bindings;

    private Environment(Map<String, Binding> bindings) {
        this.bindings = Collections.unmodifiableMap(bindings);
    }

    /** An environment with the given numeric values, in order. */
    public static Environment of(Map<String, Double> values) {
        Environment e = EMPTY;
        for (Map.Entry<String, Double> v : values.entrySet()) {
            e = e.with(v.getKey(), v.getValue());
        }
        return e;
    }

    /** This environment with {@code name} bound to a number. */
    public Environment with(String name, double value) {
        return with(name, new Known(ParamValue.Num.of(value)));
    }

    /** This environment with {@code name} bound to a parameter value. */
    public Environment with(String name, ParamValue value) {
        return with(name, new Known(value));
    }

    /** This environment with {@code name} known to exist, value not known. */
    public Environment withUnknown(String name) {
        return with(name, new Unknown());
    }

    /** This environment with {@code name} forbidden here for {@code reason}. */
    public Environment withUnavailable(String name, String reason) {
        return with(name, new Unavailable(reason));
    }

    /** This environment with {@code name} bound (replacing an earlier binding). */
    public Environment with(String name, Binding binding) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(binding, "binding");
        Map<String, Binding> m = new LinkedHashMap<>(bindings);
        m.put(name, binding);
        return new Environment(m);
    }

    /** What {@code name} stands for, if it is defined. */
    public Optional<Binding> lookup(String name) {
        return Optional.ofNullable(bindings.get(name));
    }

    /** Whether {@code name} is defined (in any state). */
    public boolean defines(String name) {
        return bindings.containsKey(name);
    }

    /** The defined names, in the order they were added. */
    public Set<String> names() {
        return bindings.keySet();
    }

    @Override
    public String toString() {
        return bindings.toString();
    }
}
