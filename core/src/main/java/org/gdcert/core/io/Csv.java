package org.gdcert.core.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.DataException;

/**
 * Reads numeric CSV files: one sample per line, every cell a finite decimal number.
 *
 * <p>The delimiter is a comma, semicolon, tab, runs of white space, or any single character; by
 * default it is detected from the first line (the most frequent of comma, semicolon and tab, else
 * white space). A header line of column names is optional; by default the first line is a header
 * when one of its non-empty cells is not a number. Lines starting with {@code #} and blank lines are skipped;
 * cells may be quoted with double quotes. Empty cells, NaN, infinities, text in data rows and rows
 * of the wrong length are errors whose message names the file, the line and the column:
 * {@code data.csv: line 5, column 3 ("x2"): empty cell}.
 */
public final class Csv {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final Pattern NAN = Pattern.compile("[+-]?nan", Pattern.CASE_INSENSITIVE);
    private static final Pattern INF = Pattern.compile("[+-]?(?:inf|infinity)", Pattern.CASE_INSENSITIVE);
    private static final char WHITESPACE = 0;

    private Csv() {
    }

    /** Whether the first line holds column names. */
    public enum Header {
        /** A header when one of the first line's cells is not a number. */
        AUTO,
        /** The first line is a header. */
        PRESENT,
        /** Every line is data. */
        ABSENT
    }

    /**
     * How to read a file.
     *
     * @param delimiter {@code auto}, {@code ,}, {@code ;}, {@code tab} (or a tab character),
     *     {@code space} / {@code whitespace} (runs of blanks), or any other single character
     * @param header whether the first line is a header
     */
    public record Options(String delimiter, Header header) {
        public Options {
            Objects.requireNonNull(delimiter, "delimiter");
            Objects.requireNonNull(header, "header");
            parseDelimiter(delimiter);
        }

        /** Detected delimiter, detected header. */
        public static Options defaults() {
            return new Options("auto", Header.AUTO);
        }
    }

    /**
     * A file's content.
     *
     * @param columnNames the header's names, empty when the file has no header
     * @param values the numbers, one row per data line
     */
    public record Table(List<String> columnNames, HostMatrix values) {
        public Table {
            columnNames = List.copyOf(columnNames);
            Objects.requireNonNull(values, "values");
        }
    }

    /** Reads with {@link Options#defaults()}. */
    public static Table read(Path file) {
        return read(file, Options.defaults());
    }

    /** Reads {@code file}; every problem raises a {@link DataException} naming file, line and column. */
    public static Table read(Path file, Options options) {
        DataFiles.checkReadable(file);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8), 1 << 16)) {
            return parse(file, in, options);
        } catch (IOException e) {
            throw DataFiles.wrap(file, e);
        }
    }

    /** The delimiter character of an option value, {@link #WHITESPACE} for white space, empty for auto. */
    private static Optional<Character> parseDelimiter(String d) {
        switch (d.toLowerCase(Locale.ROOT)) {
            case "auto":
                return Optional.empty();
            case "tab":
            case "\\t":
                return Optional.of('\t');
            case "space":
            case "whitespace":
            case " ":
                return Optional.of(WHITESPACE);
            default:
                if (d.length() != 1 || d.charAt(0) == '"' || Character.isLetterOrDigit(d.charAt(0))
                        || d.charAt(0) == '.' || d.charAt(0) == '-' || d.charAt(0) == '+') {
                    throw new IllegalArgumentException("delimiter must be auto, tab, space or one punctuation"
                            + " character, got '" + d + "'");
                }
                return Optional.of(d.charAt(0));
        }
    }

    private static Table parse(Path file, BufferedReader in, Options options) throws IOException {
        Optional<Character> fixed = parseDelimiter(options.delimiter());
        char delimiter = WHITESPACE;
        boolean delimiterKnown = false;
        if (fixed.isPresent()) {
            delimiter = fixed.get();
            delimiterKnown = true;
        }
        List<String> names = List.of();
        int cols = -1;
        int firstDataLine = -1;
        double[] values = new double[1024];
        int size = 0;
        int rows = 0;
        boolean first = true;
        String line;
        int lineNo = 0;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (!delimiterKnown) {
                delimiter = detect(line);
                delimiterKnown = true;
            }
            List<String> cells = split(file, line, lineNo, delimiter);
            if (first) {
                first = false;
                boolean header = switch (options.header()) {
                    case PRESENT -> true;
                    case ABSENT -> false;
                    case AUTO -> cells.stream().map(String::strip).anyMatch(c -> !c.isEmpty() && !looksNumeric(c));
                };
                if (header) {
                    names = cells.stream().map(String::strip).toList();
                    cols = cells.size();
                    firstDataLine = lineNo;
                    continue;
                }
            }
            if (cols < 0) {
                cols = cells.size();
                firstDataLine = lineNo;
            } else if (cells.size() != cols) {
                throw new DataException(file + ": line " + lineNo + " has " + cells.size() + " column"
                        + (cells.size() == 1 ? "" : "s") + ", expected " + cols + " (as in line " + firstDataLine
                        + ")" + (delimiter == WHITESPACE ? "" : "; delimiter " + show(delimiter)));
            }
            if (size + cols > values.length) {
                long grown = Math.max((long) values.length * 2, (long) size + cols);
                if (grown > Integer.MAX_VALUE - 8) {
                    throw new DataException(file + ": too large: more than " + (Integer.MAX_VALUE - 8) + " values");
                }
                values = Arrays.copyOf(values, (int) grown);
            }
            for (int c = 0; c < cols; c++) {
                values[size++] = number(file, lineNo, c, names, cells.get(c).strip());
            }
            rows++;
        }
        if (rows == 0) {
            throw new DataException(file + ": no data rows" + (names.isEmpty() ? "" : " after the header"));
        }
        return new Table(names, new HostMatrix(rows, cols, Arrays.copyOf(values, size)));
    }

    private static String show(char d) {
        return d == '\t' ? "tab" : "'" + d + "'";
    }

    private static char detect(String line) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == ',') {
                    commas++;
                } else if (c == ';') {
                    semicolons++;
                } else if (c == '\t') {
                    tabs++;
                }
            }
        }
        if (commas == 0 && semicolons == 0 && tabs == 0) {
            return WHITESPACE;
        }
        if (commas >= semicolons && commas >= tabs) {
            return ',';
        }
        return semicolons >= tabs ? ';' : '\t';
    }

    private static List<String> split(Path file, String line, int lineNo, char delimiter) {
        List<String> cells = new ArrayList<>();
        if (delimiter == WHITESPACE) {
            for (String c : line.strip().split("\\s+")) {
                cells.add(unquote(c));
            }
            return cells;
        }
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new DataException(file + ": line " + lineNo + ": unterminated quote");
        }
        cells.add(cell.toString());
        return cells;
    }

    private static String unquote(String c) {
        return c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"") ? c.substring(1, c.length() - 1) : c;
    }

    private static boolean looksNumeric(String cell) {
        return NUMBER.matcher(cell).matches() || NAN.matcher(cell).matches() || INF.matcher(cell).matches();
    }

    private static double number(Path file, int lineNo, int col, List<String> names, String cell) {
        String where = file + ": line " + lineNo + ", column " + (col + 1)
                + (col < names.size() && !names.get(col).isEmpty() ? " (\"" + names.get(col) + "\")" : "") + ": ";
        if (cell.isEmpty()) {
            throw new DataException(where + "empty cell");
        }
        if (NAN.matcher(cell).matches()) {
            throw new DataException(where + "NaN is not allowed (" + cell + ")");
        }
        if (INF.matcher(cell).matches()) {
            throw new DataException(where + "infinite value is not allowed (" + cell + ")");
        }
        if (!NUMBER.matcher(cell).matches()) {
            String shown = cell.length() > 40 ? cell.substring(0, 40) + "..." : cell;
            throw new DataException(where + "not a number: '" + shown + "'");
        }
        double v = Double.parseDouble(cell);
        if (Double.isInfinite(v)) {
            throw new DataException(where + "out of double range (" + cell + ")");
        }
        return v;
    }
}
