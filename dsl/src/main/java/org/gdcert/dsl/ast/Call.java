package org.gdcert.dsl.ast;

import java.util.List;
import java.util.Objects;

/**
 * A plugin with its arguments, {@code smoothrelu(0.1, beta=5)} or just {@code lecun}. The compiler
 * resolves {@link #name()} in the registry of the statement's plugin kind and validates the
 * arguments against the plugin's schema; each argument keeps its own position so a problem can
 * point at it.
 */
public record Call(Name name, List<Arg> args, SourcePosition position) implements Node {
    public Call {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(position, "position");
        args = List.copyOf(args);
    }

    /** The plugin name as written. */
    public String nameText() {
        return name.text();
    }
}
