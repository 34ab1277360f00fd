package org.gdcert.dsl.ast;

import java.util.Objects;

/** A name as written: a plugin, parameter, variable, criterion or unit. */
public record Name(String text, SourcePosition position) implements Node {
    public Name {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(position, "position");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty name");
        }
    }
}
