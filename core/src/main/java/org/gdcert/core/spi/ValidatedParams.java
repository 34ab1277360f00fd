package org.gdcert.core.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Parameters after validation: every parameter of the schema has a value (given or default), of the
 * declared type and in range. Typed getters fail loudly on a name the schema does not declare.
 */
public final class ValidatedParams {
    private final ParameterSchema schema;
    private final Map<String, ParamValue> values;
    private final Set<String> given;

    ValidatedParams(ParameterSchema schema, Map<String, ParamValue> values, Set<String> given) {
        this.schema = schema;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.given = Collections.unmodifiableSet(new LinkedHashSet<>(given));
    }

    /** Parameters of an empty schema. */
    public static ValidatedParams empty() {
        return new ValidatedParams(ParameterSchema.EMPTY, Map.of(), Set.of());
    }

    public ParameterSchema schema() {
        return schema;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Whether the user gave this parameter (as opposed to its default applying). */
    public boolean isGiven(String name) {
        return given.contains(name);
    }

    public ParamValue value(String name) {
        ParamValue v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no parameter '" + name + "' in schema " + schema.names());
        }
        return v;
    }

    /** Whether the value is the word {@code symbol} (e.g. {@code auto}). */
    public boolean isSymbol(String name, String symbol) {
        return value(name) instanceof ParamValue.Word w && w.value().equals(symbol);
    }

    /** The word given in place of a number, if any. */
    public Optional<String> symbol(String name) {
        return value(name) instanceof ParamValue.Word w && schema.find(name).map(s -> s.type() == ParamType.REAL
                || s.type() == ParamType.INTEGER).orElse(false) ? Optional.of(w.value()) : Optional.empty();
    }

    public double getDouble(String name) {
        if (value(name) instanceof ParamValue.Num n) {
            return n.value();
        }
        throw new IllegalStateException("parameter '" + name + "' is " + value(name).render() + ", not a number");
    }

    public int getInt(String name) {
        double v = getDouble(name);
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw new IllegalStateException("parameter '" + name + "' out of int range: " + v);
        }
        return (int) v;
    }

    public long getLong(String name) {
        return (long) getDouble(name);
    }

    public boolean getBoolean(String name) {
        if (value(name) instanceof ParamValue.Bool b) {
            return b.value();
        }
        throw new IllegalStateException("parameter '" + name + "' is not a boolean");
    }

    /** A string, a choice or a bare word. */
    public String getString(String name) {
        ParamValue v = value(name);
        if (v instanceof ParamValue.Text t) {
            return t.value();
        }
        if (v instanceof ParamValue.Word w) {
            return w.value();
        }
        throw new IllegalStateException("parameter '" + name + "' is not a string");
    }

    public double[] getDoubleList(String name) {
        if (value(name) instanceof ParamValue.ListValue l) {
            return l.values().stream().mapToDouble(x -> ((ParamValue.Num) x).value()).toArray();
        }
        throw new IllegalStateException("parameter '" + name + "' is not a list");
    }

    public int[] getIntList(String name) {
        double[] d = getDoubleList(name);
        int[] r = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            r[i] = (int) d[i];
        }
        return r;
    }

    /** Every parameter, in schema order. */
    public Map<String, ParamValue> asMap() {
        return values;
    }

    /** The arguments that would reproduce these parameters, every one named. */
    public List<Argument> toArguments() {
        return values.entrySet().stream().map(e -> Argument.named(e.getKey(), e.getValue())).toList();
    }

    /** {@code gamma=0.1, beta=5}. */
    @Override
    public String toString() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().render())
                .collect(Collectors.joining(", "));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValidatedParams p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }
}
