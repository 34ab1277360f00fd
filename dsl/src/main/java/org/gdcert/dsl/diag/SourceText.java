package org.gdcert.dsl.diag;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A source file's name and text, with access by line for diagnostics. */
public final class SourceText {
    private final String file;
    private final String text;
    private final List<String> lines;

    public SourceText(String file, String text) {
        this.file = Objects.requireNonNull(file, "file");
        this.text = Objects.requireNonNull(text, "text");
        this.lines = splitLines(text);
    }

    /** Lines end at LF (a CR before it is dropped), as the lexer counts them. */
    private static List<String> splitLines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
                out.add(text.substring(start, end));
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        return List.copyOf(out);
    }

    /** The file name used in messages. */
    public String file() {
        return file;
    }

    /** The whole text. */
    public String text() {
        return text;
    }

    /** Line {@code n} (1-based) without its line break, or the empty string past the end. */
    public String line(int n) {
        return n >= 1 && n <= lines.size() ? lines.get(n - 1) : "";
    }

    /** Number of lines (a final line break starts an empty last line). */
    public int lineCount() {
        return lines.size();
    }
}
