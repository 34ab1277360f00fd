package org.gdcert.dsl.semantic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** The functions expressions may call: sqrt, log, log2, log10, exp, ceil, floor, round, abs, min, max. */
public final class Functions {

    /**
     * One function.
     *
     * @param minArgs fewest arguments
     * @param maxArgs most arguments ({@link Integer#MAX_VALUE} for min and max)
     * @param doc one line for the language reference
     */
    public record Function(String name, int minArgs, int maxArgs, String doc, ToDoubleFunction<double[]> body) {
        /** "takes 1 argument", "takes at least 1 argument". */
        public String arityText() {
            if (maxArgs == Integer.MAX_VALUE) {
                return "takes at least " + minArgs + " argument" + (minArgs == 1 ? "" : "s");
            }
            return "takes " + minArgs + " argument" + (minArgs == 1 ? "" : "s");
        }
    }

    private static final Map<String, Function> ALL;

    static {
        Map<String, Function> m = new LinkedHashMap<>();
        add(m, "sqrt", 1, 1, "square root", a -> Math.sqrt(a[0]));
        add(m, "log", 1, 1, "natural logarithm", a -> Math.log(a[0]));
        add(m, "log2", 1, 1, "base-2 logarithm", a -> Math.log(a[0]) / Math.log(2));
        add(m, "log10", 1, 1, "base-10 logarithm", a -> Math.log10(a[0]));
        add(m, "exp", 1, 1, "e to the power x", a -> Math.exp(a[0]));
        add(m, "ceil", 1, 1, "smallest whole number >= x", a -> Math.ceil(a[0]));
        add(m, "floor", 1, 1, "largest whole number <= x", a -> Math.floor(a[0]));
        add(m, "round", 1, 1, "nearest whole number (halves away from zero)",
                a -> Math.signum(a[0]) * Math.floor(Math.abs(a[0]) + 0.5));
        add(m, "abs", 1, 1, "absolute value", a -> Math.abs(a[0]));
        add(m, "min", 1, Integer.MAX_VALUE, "smallest argument", a -> {
            double v = a[0];
            for (double x : a) {
                v = Math.min(v, x);
            }
            return v;
        });
        add(m, "max", 1, Integer.MAX_VALUE, "largest argument", a -> {
            double v = a[0];
            for (double x : a) {
                v = Math.max(v, x);
            }
            return v;
        });
        ALL = Collections.unmodifiableMap(m);
    }

    private Functions() {
    }

    private static void add(Map<String, Function> m, String name, int min, int max, String doc,
            ToDoubleFunction<double[]> body) {
        m.put(name, new Function(name, min, max, doc, body));
    }

    /** The function called {@code name}. */
    public static Optional<Function> find(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    /** Every function, in documentation order. */
    public static Map<String, Function> all() {
        return ALL;
    }
}
