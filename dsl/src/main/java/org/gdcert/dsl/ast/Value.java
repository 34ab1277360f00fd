package org.gdcert.dsl.ast;

import java.util.List;
import java.util.Objects;

/**
 * An argument value: an expression (a bare name among them, which is a word unless a variable of
 * that name exists), a string, a boolean or a bracketed list.
 */
public sealed interface Value extends Node permits Expr, Value.Text, Value.Bool, Value.ListValue {

    /** A double-quoted string, escapes resolved. */
    record Text(String value, SourcePosition position) implements Value {
        public Text {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(position, "position");
        }
    }

    /** {@code true} or {@code false}. */
    record Bool(boolean value, SourcePosition position) implements Value {
        public Bool {
            Objects.requireNonNull(position, "position");
        }
    }

    /** {@code [0, 1]}, {@code [relu, tanh]}. */
    record ListValue(List<Value> items, SourcePosition position) implements Value {
        public ListValue {
            items = List.copyOf(items);
            Objects.requireNonNull(position, "position");
        }
    }
}
