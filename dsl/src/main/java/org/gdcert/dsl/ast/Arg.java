package org.gdcert.dsl.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * One argument of a call ({@code 0.1}, {@code beta=5}) or a named option after a call
 * ({@code eta=auto}); positional when {@link #name()} is empty. Convert it to core's
 * {@code Argument} with {@link org.gdcert.dsl.semantic.Arguments}.
 */
public record Arg(Optional<Name> name, Value value, SourcePosition position) implements Node {
    public Arg {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(position, "position");
    }

    /** The parameter name, or the empty string for a positional argument. */
    public String nameText() {
        return name.map(Name::text).orElse("");
    }
}
