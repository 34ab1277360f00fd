package org.gdcert.dsl.compile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gdcert.core.run.ExperimentPlan;
import org.gdcert.dsl.diag.Diagnostic;
import org.gdcert.dsl.diag.DiagnosticFormatter;
import org.gdcert.dsl.diag.SourceText;

/** The outcome of compiling a script: the plan when there is no error, and every diagnostic. */
public record Compilation(SourceText source, List<Diagnostic> diagnostics, Optional<ExperimentPlan> plan) {
    public Compilation {
        Objects.requireNonNull(source);
        diagnostics = List.copyOf(diagnostics);
        Objects.requireNonNull(plan);
    }

    public boolean ok() {
        return plan.isPresent();
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    /** Every diagnostic as {@code file:L:C: severity: message}, the source line and a caret. */
    public String formatted() {
        return DiagnosticFormatter.formatAll(diagnostics, source);
    }
}
