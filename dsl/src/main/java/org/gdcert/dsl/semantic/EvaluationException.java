package org.gdcert.dsl.semantic;

import java.util.Objects;
import org.gdcert.dsl.diag.Diagnostic;

/** An expression that cannot be evaluated, with a diagnostic pointing at the culprit. */
public final class EvaluationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Diagnostic diagnostic;

    public EvaluationException(Diagnostic diagnostic) {
        super(Objects.requireNonNull(diagnostic, "diagnostic").headline(), null, false, false);
        this.diagnostic = diagnostic;
    }

    /** What went wrong, and where. */
    public Diagnostic diagnostic() {
        return diagnostic;
    }
}
