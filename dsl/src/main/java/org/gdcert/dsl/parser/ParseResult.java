package org.gdcert.dsl.parser;

import java.util.List;
import java.util.Objects;
import org.gdcert.dsl.ast.Experiment;
import org.gdcert.dsl.diag.Diagnostic;
import org.gdcert.dsl.diag.SourceText;

/**
 * What the parser made of a file: the statements that parsed (a statement with a syntax error is
 * left out) and every syntax error, in source order.
 */
public record ParseResult(Experiment experiment, List<Diagnostic> diagnostics, SourceText source) {
    public ParseResult {
        Objects.requireNonNull(experiment, "experiment");
        diagnostics = List.copyOf(diagnostics);
        Objects.requireNonNull(source, "source");
    }

    /** Whether there is at least one error. */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** The experiment, or a {@link DslSyntaxException} listing every error. */
    public Experiment experimentOrThrow() {
        if (hasErrors()) {
            throw new DslSyntaxException(diagnostics);
        }
        return experiment;
    }
}
