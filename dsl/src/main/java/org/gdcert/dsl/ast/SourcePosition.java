package org.gdcert.dsl.ast;

import java.util.Objects;

/**
 * Where a node or a diagnostic sits in a source file: 1-based line and column of its first
 * character and of its last character (inclusive). Columns count characters; a tab is one column.
 * When only a point is known the end equals the start.
 *
 * @param file the file name as given to the parser (for messages; may be a display name)
 */
public record SourcePosition(String file, int line, int column, int endLine, int endColumn) {

    public SourcePosition {
        Objects.requireNonNull(file, "file");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("positions start at 1:1, got " + line + ":" + column);
        }
        if (endLine < line || (endLine == line && endColumn < column) || endColumn < 1) {
            throw new IllegalArgumentException("end " + endLine + ":" + endColumn + " before start "
                    + line + ":" + column);
        }
    }

    /** A single point. */
    public static SourcePosition at(String file, int line, int column) {
        return new SourcePosition(file, line, column, line, column);
    }

    /** From the start of this position to the end of {@code other}. */
    public SourcePosition through(SourcePosition other) {
        if (other.endLine < line || (other.endLine == line && other.endColumn < column)) {
            return this;
        }
        return new SourcePosition(file, line, column, other.endLine, other.endColumn);
    }

    /** The start as a point. */
    public SourcePosition start() {
        return at(file, line, column);
    }

    /** Whether start and end are on one line. */
    public boolean singleLine() {
        return endLine == line;
    }

    /** {@code file:line:col}. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
