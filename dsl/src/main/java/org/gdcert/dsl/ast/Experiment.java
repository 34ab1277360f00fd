package org.gdcert.dsl.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A parsed {@code .exp} file: its statements in source order. */
public record Experiment(List<Statement> statements, SourcePosition position) implements Node {
    public Experiment {
        statements = List.copyOf(statements);
        Objects.requireNonNull(position, "position");
    }

    /** The statements of one kind, in source order (net clauses included, via {@link #flattened()}). */
    public <S extends Statement> List<S> all(Class<S> kind) {
        return flattened().stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /**
     * The statements with each {@code net} statement followed by its inline clauses, so that
     * {@code net 10 -> 1 init lecun} reads like {@code net 10 -> 1} then {@code init lecun}.
     */
    public List<Statement> flattened() {
        List<Statement> out = new ArrayList<>();
        for (Statement s : statements) {
            out.add(s);
            if (s instanceof Statement.Net n) {
                out.addAll(n.clauses());
            }
        }
        return List.copyOf(out);
    }
}
