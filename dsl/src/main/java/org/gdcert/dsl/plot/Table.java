package org.gdcert.dsl.plot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A CSV table as gdcert writes them ({@code trajectory.csv}, {@code results.csv}): a header row and
 * rows of text cells. Double-quoted cells (with {@code ""} for a quote) are understood; a short
 * row is padded with empty cells (a row being written when the file was read).
 *
 * @param columns the header
 * @param rows the cells, each row as long as the header
 */
public record Table(List<String> columns, List<List<String>> rows) {
    public Table {
        columns = List.copyOf(columns);
        List<List<String>> padded = new ArrayList<>(rows.size());
        for (List<String> r : rows) {
            List<String> row = new ArrayList<>(r);
            while (row.size() < columns.size()) {
                row.add("");
            }
            padded.add(List.copyOf(row.subList(0, columns.size())));
        }
        rows = List.copyOf(padded);
    }

    /** Reads a CSV file. */
    public static Table read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Parses CSV text; an empty text is a table without columns. */
    public static Table parse(String text) {
        List<List<String>> lines = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            if (!line.isBlank()) {
                lines.add(cells(line));
            }
        }
        if (lines.isEmpty()) {
            return new Table(List.of(), List.of());
        }
        return new Table(lines.get(0), lines.subList(1, lines.size()));
    }

    private static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }

    /** The index of a column. */
    public OptionalInt index(String column) {
        int i = columns.indexOf(column);
        return i < 0 ? OptionalInt.empty() : OptionalInt.of(i);
    }

    public boolean has(String column) {
        return columns.contains(column);
    }

    /** The cells of a column, top to bottom. */
    public List<String> column(String name) {
        int i = index(name).orElseThrow(() -> new IllegalArgumentException("no column '" + name + "'; columns: "
                + String.join(", ", columns)));
        List<String> out = new ArrayList<>(rows.size());
        for (List<String> r : rows) {
            out.add(r.get(i));
        }
        return out;
    }

    /** A column as numbers; cells that are not numbers (empty, words) become NaN. */
    public double[] numbers(String name) {
        List<String> cells = column(name);
        double[] out = new double[cells.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(cells.get(i));
        }
        return out;
    }

    /** A cell as a number: NaN unless it parses ({@code NaN}, {@code Infinity} included). */
    public static double number(String cell) {
        Objects.requireNonNull(cell);
        String s = cell.trim();
        if (s.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    public int size() {
        return rows.size();
    }
}
