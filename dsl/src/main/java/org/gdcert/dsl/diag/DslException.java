package org.gdcert.dsl.diag;

import java.util.List;

/**
 * Problems in an experiment file, carried as diagnostics. The message is the first diagnostic's
 * headline (and the count of the others); print {@link DiagnosticFormatter#formatAll} for the
 * full report with source lines and carets.
 */
public class DslException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Diagnostic> diagnostics;

    public DslException(List<Diagnostic> diagnostics) {
        super(summary(diagnostics));
        this.diagnostics = List.copyOf(diagnostics);
    }

    private static String summary(List<Diagnostic> diagnostics) {
        if (diagnostics.isEmpty()) {
            throw new IllegalArgumentException("a DslException needs at least one diagnostic");
        }
        String first = diagnostics.get(0).headline();
        int more = diagnostics.size() - 1;
        return more == 0 ? first : first + " (and " + more + " more)";
    }

    /** Every diagnostic, in source order. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
