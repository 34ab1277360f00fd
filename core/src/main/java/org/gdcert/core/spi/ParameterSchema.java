package org.gdcert.core.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gdcert.core.util.Suggestions;

/**
 * The ordered parameters of a plugin. Positional arguments bind in this order; named ones by name.
 * {@link #validate} checks every argument and reports every problem, tied to the argument's index
 * so that the DSL can point at it.
 */
public record ParameterSchema(List<ParameterSpec> specs) {

    public static final ParameterSchema EMPTY = new ParameterSchema(List.of());

    public ParameterSchema {
        specs = List.copyOf(specs);
        for (int i = 0; i < specs.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (specs.get(i).name().equals(specs.get(j).name())) {
                    throw new IllegalArgumentException("duplicate parameter " + specs.get(i).name());
                }
            }
        }
    }

    public static ParameterSchema of(ParameterSpec... specs) {
        return new ParameterSchema(List.of(specs));
    }

    public Optional<ParameterSpec> find(String name) {
        return specs.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return specs.stream().map(ParameterSpec::name).toList();
    }

    /**
     * A problem with one argument ({@code argumentIndex} ≥ 0) or with the call as a whole
     * ({@code argumentIndex} = -1, e.g. a missing required parameter).
     */
    public record Problem(int argumentIndex, String message) {
        public Problem {
            Objects.requireNonNull(message);
        }
    }

    /** The outcome of validation: the parameters when there is no problem. */
    public record Validation(Optional<ValidatedParams> params, List<Problem> problems) {
        public Validation {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Validates arguments: binds, type-checks, range-checks and fills defaults. */
    public Validation validate(List<Argument> arguments) {
        List<Problem> problems = new ArrayList<>();
        Map<String, ParamValue> bound = new LinkedHashMap<>();
        boolean sawNamed = false;
        for (int i = 0; i < arguments.size(); i++) {
            Argument a = arguments.get(i);
            ParameterSpec spec;
            if (a.name().isPresent()) {
                sawNamed = true;
                String n = a.name().get();
                Optional<ParameterSpec> s = find(n);
                if (s.isEmpty()) {
                    problems.add(new Problem(i, specs.isEmpty()
                            ? "takes no parameters, got '" + n + "'"
                            : "unknown parameter '" + n + "'" + Suggestions.didYouMean(n, names())
                                    + " (parameters: " + String.join(", ", names()) + ")"));
                    continue;
                }
                spec = s.get();
            } else {
                if (sawNamed) {
                    problems.add(new Problem(i, "positional argument after a named one"));
                    continue;
                }
                if (i >= specs.size()) {
                    problems.add(new Problem(i, specs.isEmpty() ? "takes no parameters"
                            : "too many arguments: takes at most " + specs.size() + " ("
                                    + String.join(", ", names()) + ")"));
                    continue;
                }
                spec = specs.get(i);
            }
            if (bound.containsKey(spec.name())) {
                problems.add(new Problem(i, "parameter '" + spec.name() + "' given twice"));
                continue;
            }
            Optional<String> err = check(spec, a.value());
            if (err.isPresent()) {
                problems.add(new Problem(i, err.get()));
                continue;
            }
            bound.put(spec.name(), normalize(spec, a.value()));
        }
        Map<String, ParamValue> all = new LinkedHashMap<>();
        for (ParameterSpec s : specs) {
            if (bound.containsKey(s.name())) {
                all.put(s.name(), bound.get(s.name()));
            } else if (s.defaultValue().isPresent()) {
                all.put(s.name(), s.defaultValue().get());
            } else if (problems.stream().noneMatch(p -> p.argumentIndex() >= 0)) {
                problems.add(new Problem(-1, "missing required parameter '" + s.name() + "' (" + s.doc() + ")"));
            }
        }
        if (!problems.isEmpty()) {
            return new Validation(Optional.empty(), problems);
        }
        return new Validation(Optional.of(new ValidatedParams(this, all, bound.keySet())), List.of());
    }

    /** Validates and throws {@link ParameterException} listing every problem. */
    public ValidatedParams validateOrThrow(String owner, List<Argument> arguments) {
        Validation v = validate(arguments);
        if (!v.ok()) {
            throw new ParameterException(owner, v.problems());
        }
        return v.params().orElseThrow();
    }

    private static Optional<String> check(ParameterSpec spec, ParamValue v) {
        String p = "parameter '" + spec.name() + "'";
        switch (spec.type()) {
            case REAL, INTEGER -> {
                if (v instanceof ParamValue.Word w && spec.symbols().contains(w.value())) {
                    return Optional.empty();
                }
                if (!(v instanceof ParamValue.Num n)) {
                    String extra = spec.symbols().isEmpty() ? "" : " or one of " + String.join(", ", spec.symbols());
                    return Optional.of(p + " must be a number" + extra + ", got " + v.render());
                }
                if (spec.type() == ParamType.INTEGER && n.value() != Math.rint(n.value())) {
                    return Optional.of(p + " must be a whole number, got " + n.render());
                }
                if (!spec.inRange(n.value())) {
                    return Optional.of(p + " must be " + spec.rangeText() + ", got " + n.render());
                }
                return Optional.empty();
            }
            case BOOLEAN -> {
                if (v instanceof ParamValue.Bool) {
                    return Optional.empty();
                }
                return Optional.of(p + " must be true or false, got " + v.render());
            }
            case STRING -> {
                if (v instanceof ParamValue.Text || v instanceof ParamValue.Word) {
                    return Optional.empty();
                }
                return Optional.of(p + " must be a string, got " + v.render());
            }
            case CHOICE -> {
                String word = v instanceof ParamValue.Word w ? w.value()
                        : v instanceof ParamValue.Text t ? t.value() : null;
                if (word != null && spec.choices().contains(word)) {
                    return Optional.empty();
                }
                String got = word != null ? "'" + word + "'" : v.render();
                return Optional.of(p + " must be one of " + String.join(", ", spec.choices()) + ", got " + got
                        + (word != null ? Suggestions.didYouMean(word, spec.choices()) : ""));
            }
            case REAL_LIST, INTEGER_LIST -> {
                List<ParamValue> items = v instanceof ParamValue.ListValue l ? l.values()
                        : v instanceof ParamValue.Num ? List.of(v) : null;
                if (items == null) {
                    return Optional.of(p + " must be a list of numbers, got " + v.render());
                }
                for (ParamValue item : items) {
                    if (!(item instanceof ParamValue.Num n)) {
                        return Optional.of(p + " must contain numbers only, got " + item.render());
                    }
                    if (spec.type() == ParamType.INTEGER_LIST && n.value() != Math.rint(n.value())) {
                        return Optional.of(p + " must contain whole numbers, got " + n.render());
                    }
                    if (!spec.inRange(n.value())) {
                        return Optional.of(p + " entries must be " + spec.rangeText() + ", got " + n.render());
                    }
                }
                return Optional.empty();
            }
            default -> throw new AssertionError(spec.type());
        }
    }

    private static ParamValue normalize(ParameterSpec spec, ParamValue v) {
        if (spec.type() == ParamType.CHOICE && v instanceof ParamValue.Text t) {
            return new ParamValue.Word(t.value());
        }
        if (spec.type() == ParamType.STRING && v instanceof ParamValue.Word w) {
            return new ParamValue.Text(w.value());
        }
        if ((spec.type() == ParamType.REAL_LIST || spec.type() == ParamType.INTEGER_LIST)
                && v instanceof ParamValue.Num) {
            return new ParamValue.ListValue(List.of(v));
        }
        return v;
    }
}
