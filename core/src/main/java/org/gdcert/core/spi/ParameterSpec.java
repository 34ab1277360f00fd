package org.gdcert.core.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One parameter of a plugin: name, type, default, admissible range and documentation.
 *
 * <p>A parameter without a default is required. For numbers, {@code min}/{@code max} bound the
 * value ({@code minInclusive}/{@code maxInclusive} say whether the end point is allowed);
 * {@code symbols} lists words accepted in place of a number (e.g. {@code auto} and
 * {@code certified} for a step size), which the run engine resolves.
 *
 * <p>Build one with the static factories and refine it with the {@code with...} methods:
 * <pre>{@code ParameterSpec.real("gamma", 0.1, "slope for x < 0").withOpenRange(0, 1)}</pre>
 */
public record ParameterSpec(
        String name,
        ParamType type,
        Optional<ParamValue> defaultValue,
        double min,
        boolean minInclusive,
        double max,
        boolean maxInclusive,
        List<String> choices,
        List<String> symbols,
        String doc) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(doc, "doc");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("parameter name must match [a-z][a-z0-9_]*: " + name);
        }
        choices = List.copyOf(choices);
        symbols = List.copyOf(symbols);
        if (type == ParamType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("choice parameter '" + name + "' needs choices");
        }
        if (min > max) {
            throw new IllegalArgumentException("empty range for '" + name + "'");
        }
    }

    private static ParameterSpec of(String name, ParamType type, Optional<ParamValue> def, String doc) {
        return new ParameterSpec(name, type, def, Double.NEGATIVE_INFINITY, true,
                Double.POSITIVE_INFINITY, true, List.of(), List.of(), doc);
    }

    /** A real parameter with a default. */
    public static ParameterSpec real(String name, double defaultValue, String doc) {
        return of(name, ParamType.REAL, Optional.of(ParamValue.Num.of(defaultValue)), doc);
    }

    /** A required real parameter. */
    public static ParameterSpec realRequired(String name, String doc) {
        return of(name, ParamType.REAL, Optional.empty(), doc);
    }

    /** An integer parameter with a default. */
    public static ParameterSpec integer(String name, long defaultValue, String doc) {
        return of(name, ParamType.INTEGER, Optional.of(new ParamValue.Num(defaultValue, true)), doc);
    }

    /** A required integer parameter. */
    public static ParameterSpec integerRequired(String name, String doc) {
        return of(name, ParamType.INTEGER, Optional.empty(), doc);
    }

    /** A boolean parameter with a default. */
    public static ParameterSpec bool(String name, boolean defaultValue, String doc) {
        return of(name, ParamType.BOOLEAN, Optional.of(new ParamValue.Bool(defaultValue)), doc);
    }

    /** A string parameter with a default. */
    public static ParameterSpec string(String name, String defaultValue, String doc) {
        return of(name, ParamType.STRING, Optional.of(new ParamValue.Text(defaultValue)), doc);
    }

    /** A required string parameter (a path, for instance). */
    public static ParameterSpec stringRequired(String name, String doc) {
        return of(name, ParamType.STRING, Optional.empty(), doc);
    }

    /** One word out of {@code choices}; the default must be one of them. */
    public static ParameterSpec choice(String name, String defaultValue, List<String> choices, String doc) {
        if (!choices.contains(defaultValue)) {
            throw new IllegalArgumentException("default '" + defaultValue + "' is not a choice of " + name);
        }
        return new ParameterSpec(name, ParamType.CHOICE, Optional.of(new ParamValue.Word(defaultValue)),
                Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true, choices, List.of(), doc);
    }

    /** A list of reals; {@code defaultValue} may be empty. */
    public static ParameterSpec realList(String name, List<Double> defaultValue, String doc) {
        return of(name, ParamType.REAL_LIST, Optional.of(new ParamValue.ListValue(
                defaultValue.stream().map(v -> (ParamValue) ParamValue.Num.of(v)).toList())), doc);
    }

    /** A list of integers; {@code defaultValue} may be empty. */
    public static ParameterSpec integerList(String name, List<Long> defaultValue, String doc) {
        return of(name, ParamType.INTEGER_LIST, Optional.of(new ParamValue.ListValue(
                defaultValue.stream().map(v -> (ParamValue) new ParamValue.Num(v, true)).toList())), doc);
    }

    /** Closed range {@code [lo, hi]}. */
    public ParameterSpec withRange(double lo, double hi) {
        return new ParameterSpec(name, type, defaultValue, lo, true, hi, true, choices, symbols, doc);
    }

    /** Open range {@code (lo, hi)}. */
    public ParameterSpec withOpenRange(double lo, double hi) {
        return new ParameterSpec(name, type, defaultValue, lo, false, hi, false, choices, symbols, doc);
    }

    /** Range with chosen end points. */
    public ParameterSpec withRange(double lo, boolean loInclusive, double hi, boolean hiInclusive) {
        return new ParameterSpec(name, type, defaultValue, lo, loInclusive, hi, hiInclusive, choices, symbols, doc);
    }

    /** Strictly positive. */
    public ParameterSpec positive() {
        return withRange(0, false, Double.POSITIVE_INFINITY, true);
    }

    /** Zero or more. */
    public ParameterSpec nonNegative() {
        return withRange(0, true, Double.POSITIVE_INFINITY, true);
    }

    /** Words accepted in place of a number, resolved later (e.g. {@code auto}). */
    public ParameterSpec withSymbols(String... words) {
        return new ParameterSpec(name, type, defaultValue, min, minInclusive, max, maxInclusive, choices,
                List.of(words), doc);
    }

    /** Replaces the default with a symbol ({@code eta=auto} by default, say). */
    public ParameterSpec withSymbolDefault(String word) {
        if (!symbols.contains(word)) {
            throw new IllegalArgumentException(word + " is not a symbol of " + name);
        }
        return new ParameterSpec(name, type, Optional.of(new ParamValue.Word(word)), min, minInclusive, max,
                maxInclusive, choices, symbols, doc);
    }

    /** Whether the parameter must be given. */
    public boolean required() {
        return defaultValue.isEmpty();
    }

    /** {@code [0, 1)}, {@code > 0}, or empty when unbounded; for docs and messages. */
    public String rangeText() {
        boolean lo = min != Double.NEGATIVE_INFINITY;
        boolean hi = max != Double.POSITIVE_INFINITY;
        if (!lo && !hi) {
            return "";
        }
        if (lo && !hi) {
            return (minInclusive ? ">= " : "> ") + ParamValue.renderNumber(min);
        }
        if (!lo) {
            return (maxInclusive ? "<= " : "< ") + ParamValue.renderNumber(max);
        }
        return (minInclusive ? "[" : "(") + ParamValue.renderNumber(min) + ", "
                + ParamValue.renderNumber(max) + (maxInclusive ? "]" : ")");
    }

    /** Whether a number lies in the admissible range. */
    public boolean inRange(double v) {
        if (Double.isNaN(v)) {
            return false;
        }
        boolean okLo = minInclusive ? v >= min : v > min;
        boolean okHi = maxInclusive ? v <= max : v < max;
        return okLo && okHi;
    }
}
