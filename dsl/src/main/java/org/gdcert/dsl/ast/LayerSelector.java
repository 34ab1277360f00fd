package org.gdcert.dsl.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code layer 2} or {@code layers 2..4}: weight layers counted from 1 (the first hidden layer) to
 * {@code L} (the output layer).
 */
public record LayerSelector(Expr from, Optional<Expr> to, SourcePosition position) implements Node {
    public LayerSelector {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(position, "position");
    }
}
