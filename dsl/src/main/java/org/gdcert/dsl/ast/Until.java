package org.gdcert.dsl.ast;

import java.util.Objects;

/** {@code until t=50}: the horizon of a training run on the optimizer's own axis. */
public record Until(Name variable, Expr value, SourcePosition position) implements Node {
    public Until {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(position, "position");
    }
}
