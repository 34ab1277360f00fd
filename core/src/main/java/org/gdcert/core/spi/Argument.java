package org.gdcert.core.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * One argument as written in a call such as {@code smoothrelu(0.1, beta=5)}: positional when
 * {@link #name()} is empty.
 */
public record Argument(Optional<String> name, ParamValue value) {
    public Argument {
        Objects.requireNonNull(name);
        Objects.requireNonNull(value);
    }

    public static Argument positional(ParamValue value) {
        return new Argument(Optional.empty(), value);
    }

    public static Argument named(String name, ParamValue value) {
        return new Argument(Optional.of(name), value);
    }

    public static Argument named(String name, double value) {
        return named(name, ParamValue.Num.of(value));
    }

    public static Argument named(String name, String word) {
        return named(name, new ParamValue.Word(word));
    }
}
