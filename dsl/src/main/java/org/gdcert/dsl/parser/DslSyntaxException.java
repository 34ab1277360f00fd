package org.gdcert.dsl.parser;

import java.util.List;
import org.gdcert.dsl.diag.Diagnostic;
import org.gdcert.dsl.diag.DslException;

/** Syntax errors in an experiment file; {@link #line()} and {@link #column()} are the first error's. */
public final class DslSyntaxException extends DslException {
    private static final long serialVersionUID = 1L;

    public DslSyntaxException(List<Diagnostic> diagnostics) {
        super(diagnostics);
    }

    /** Line of the first error (1-based). */
    public int line() {
        return diagnostics().get(0).position().line();
    }

    /** Column of the first error (1-based). */
    public int column() {
        return diagnostics().get(0).position().column();
    }
}
