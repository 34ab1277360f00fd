package org.gdcert.dsl.diag;

import java.util.List;
import java.util.Objects;
import org.gdcert.dsl.ast.SourcePosition;

/**
 * A problem found in a source file, tied to the place it was written.
 *
 * @param code a stable identifier of the kind of problem (see {@link Codes}), for tests and tools
 * @param message what is wrong, without the position and without the suggestions
 * @param suggestions names the user may have meant, best first (printed as "did you mean ...?")
 */
public record Diagnostic(SourcePosition position, String code, Severity severity, String message,
        List<String> suggestions) {

    public Diagnostic {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        suggestions = List.copyOf(suggestions);
    }

    /** An error without suggestions. */
    public static Diagnostic error(SourcePosition position, String code, String message) {
        return new Diagnostic(position, code, Severity.ERROR, message, List.of());
    }

    /** An error with suggestions. */
    public static Diagnostic error(SourcePosition position, String code, String message, List<String> suggestions) {
        return new Diagnostic(position, code, Severity.ERROR, message, suggestions);
    }

    /** A warning. */
    public static Diagnostic warning(SourcePosition position, String code, String message) {
        return new Diagnostic(position, code, Severity.WARNING, message, List.of());
    }

    /** Whether this is an error. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The message followed by "; did you mean 'a' or 'b'?" when there are suggestions. */
    public String text() {
        if (suggestions.isEmpty()) {
            return message;
        }
        StringBuilder sb = new StringBuilder(message).append("; did you mean ");
        for (int i = 0; i < suggestions.size(); i++) {
            if (i > 0) {
                sb.append(i == suggestions.size() - 1 ? " or " : ", ");
            }
            sb.append('\'').append(suggestions.get(i)).append('\'');
        }
        return sb.append('?').toString();
    }

    /** {@code file.exp:3:17: error: message}, the first line of the formatted diagnostic. */
    public String headline() {
        return position.file() + ":" + position.line() + ":" + position.column() + ": " + severity.label()
                + ": " + text();
    }

    /** {@code line:col: message}, as the error tables write it. */
    public String shortText() {
        return position.line() + ":" + position.column() + ": " + text();
    }
}
