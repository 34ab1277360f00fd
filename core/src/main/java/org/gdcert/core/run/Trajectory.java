package org.gdcert.core.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The recorded iterates: fixed columns ({@code step, time, loss, rel_residual, wall_s}) followed by
 * the monitors' columns; one row per recorded iterate.
 */
public final class Trajectory {
    /** The columns every trajectory starts with. */
    public static final List<String> BASE_COLUMNS = List.of("step", "time", "loss", "rel_residual", "wall_s");

    private final List<String> columns;
    private final List<double[]> rows = new ArrayList<>();

    public Trajectory(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    public List<String> columns() {
        return columns;
    }

    public int columnIndex(String name) {
        return columns.indexOf(name);
    }

    void add(double[] row) {
        if (row.length != columns.size()) {
            throw new IllegalArgumentException("row has " + row.length + " values for " + columns.size() + " columns");
        }
        rows.add(row.clone());
    }

    public List<double[]> rows() {
        return Collections.unmodifiableList(rows);
    }

    public int size() {
        return rows.size();
    }

    /** One column as an array. */
    public double[] column(String name) {
        int c = columnIndex(name);
        if (c < 0) {
            throw new IllegalArgumentException("no column " + name + " in " + columns);
        }
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i)[c];
        }
        return out;
    }

    /** The CSV header line (no newline). */
    public String header() {
        return String.join(",", columns);
    }

    /** One row as a CSV line (no newline); shortest round-trip text for each double. */
    public static String csvLine(double[] row) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            double v = row[i];
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                sb.append((long) v);
            } else {
                sb.append(v);
            }
        }
        return sb.toString();
    }
}
