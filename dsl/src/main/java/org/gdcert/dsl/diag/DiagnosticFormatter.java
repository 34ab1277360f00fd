package org.gdcert.dsl.diag;

import java.util.List;
import org.gdcert.dsl.ast.SourcePosition;

/**
 * Renders diagnostics for people:
 * <pre>
 * exp/mnist.exp:3:23: error: unknown activation 'smoothrelu2'; did you mean 'smoothrelu'?
 * net 784 -> 10 act smoothrelu2
 *                   ^~~~~~~~~~~
 * </pre>
 * The source line is printed with tabs expanded to the next multiple of {@value #TAB_WIDTH}
 * columns (other control characters as spaces), and the caret is placed under the column the
 * same way, so it lines up in any terminal.
 * A span on one line is underlined with {@code ~}.
 */
public final class DiagnosticFormatter {
    /** Tab stops used when printing source lines. */
    public static final int TAB_WIDTH = 4;

    private DiagnosticFormatter() {
    }

    /** One diagnostic: headline, source line and caret line, each ending in a newline. */
    public static String format(Diagnostic d, SourceText source) {
        SourcePosition p = d.position();
        StringBuilder sb = new StringBuilder(d.headline()).append('\n');
        String line = source.line(p.line());
        sb.append(expandTabs(line)).append('\n');
        int caretCol = displayColumn(line, p.column());
        int endCol = p.singleLine() && p.endColumn() > p.column()
                ? displayColumn(line, Math.min(p.endColumn(), Math.max(line.length(), p.column()))) : caretCol;
        sb.append(" ".repeat(caretCol)).append('^');
        if (endCol > caretCol) {
            sb.append("~".repeat(endCol - caretCol));
        }
        return sb.append('\n').toString();
    }

    /** Every diagnostic in order, followed by a count line such as "2 errors, 1 warning". */
    public static String formatAll(List<Diagnostic> diagnostics, SourceText source) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            sb.append(format(d, source));
        }
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        long warnings = diagnostics.size() - errors;
        if (!diagnostics.isEmpty()) {
            sb.append(count(errors, "error"));
            if (warnings > 0) {
                sb.append(", ").append(count(warnings, "warning"));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** The 0-based display column of 1-based character column {@code col} in {@code line}. */
    static int displayColumn(String line, int col) {
        int display = 0;
        for (int i = 0; i < col - 1; i++) {
            if (i < line.length() && line.charAt(i) == '\t') {
                display += TAB_WIDTH - display % TAB_WIDTH;
            } else {
                display++;
            }
        }
        return display;
    }

    /** Tabs expanded; other control characters (a stray CR, say) shown as spaces so they cannot move the caret. */
    static String expandTabs(String line) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                int n = TAB_WIDTH - sb.length() % TAB_WIDTH;
                sb.append(" ".repeat(n));
            } else if (Character.isISOControl(c)) {
                sb.append(' ');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
