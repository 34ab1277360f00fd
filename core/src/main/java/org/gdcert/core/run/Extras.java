package org.gdcert.core.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gdcert.core.json.Json;

/**
 * The columns of {@code results.csv} after the fixed ones, read from a finished run's folder, so
 * that a sweep can be plotted by any of them (a heat map of the final number of zeros, the slack of
 * a condition against the width):
 * <ul>
 * <li>{@code final_rel_residual}: ‖F_L − Y‖/‖Y‖ at the last recorded iterate (a convergence
 * threshold other than the run's stop rule, e.g. seed 004's 2.5e-3, is applied to it; Infinity
 * or NaN for a diverged run);
 * <li>{@code step_size}: the step size the run used (empty for flows);
 * <li>{@code slack_<checker>_<condition>}: the slack of each condition of each certificate on θ0
 * (≤ 1 means it holds), and {@code eta_max_<checker>}: its step-size bound where it has one;
 * <li>{@code final_<column>}: each monitor column at the last recorded iterate where the monitor
 * was evaluated (searched back through the end of {@code trajectory.csv}; empty if none).
 * </ul>
 * A file that is missing or unreadable gives no columns; it never stops the table.
 */
final class Extras {
    /** How much of the end of {@code trajectory.csv} is searched for monitor values. */
    static final int TAIL_BYTES = 256 * 1024;
    private static final String CERTIFICATES = "certificates.json";

    private Extras() {
    }

    /** The extra columns of one run, in the order they are found. */
    static Map<String, String> of(Path dir, Map<String, Object> summary) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, String> finals = trajectoryFinals(dir.resolve(ResultWriter.TRAJECTORY));
        if (finals.containsKey("rel_residual")) {
            out.put("final_rel_residual", finals.remove("rel_residual"));
        }
        double eta = Json.asDouble(summary.get("step_size"));
        out.put("step_size", Double.isFinite(eta) ? PlanExecutor.num(eta) : "");
        certificateColumns(dir.resolve(CERTIFICATES), out);
        finals.forEach((k, v) -> out.put("final_" + k, v));
        return out;
    }

    /** The columns in a stable order: residual and step size, certificates, then monitors. */
    static List<String> ordered(Collection<String> columns) {
        List<String> out = new ArrayList<>();
        for (String fixed : List.of("final_rel_residual", "step_size")) {
            if (columns.contains(fixed)) {
                out.add(fixed);
            }
        }
        columns.stream().filter(c -> c.startsWith("slack_") || c.startsWith("eta_max_")).forEach(out::add);
        columns.stream().filter(c -> c.startsWith("final_") && !c.equals("final_rel_residual")).forEach(out::add);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void certificateColumns(Path file, Map<String, String> out) {
        if (!Files.exists(file)) {
            return;
        }
        try {
            Object parsed = Json.parse(Files.readString(file));
            if (!(parsed instanceof List<?> reports)) {
                return;
            }
            for (Object o : reports) {
                if (!(o instanceof Map<?, ?> r)) {
                    continue;
                }
                String checker = String.valueOf(r.get("checker"));
                Object conds = r.get("conditions");
                if (conds instanceof List<?> cs) {
                    for (Object c : cs) {
                        if (c instanceof Map<?, ?> cm) {
                            double slack = Json.asDouble(((Map<String, Object>) cm).get("slack"));
                            out.put("slack_" + checker + "_" + cm.get("id"), text(slack));
                        }
                    }
                }
                double bound = Json.asDouble(((Map<String, Object>) r).get("step_size_bound"));
                if (Double.isFinite(bound)) {
                    out.put("eta_max_" + checker, PlanExecutor.num(bound));
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable report adds no columns
        }
    }

    /**
     * The last value of every column after {@code step, time, loss, wall_s} (the relative residual
     * and the monitors' columns), from the end of the file: the last row for the residual, the last
     * row holding a finite number for a monitor column.
     */
    static Map<String, String> trajectoryFinals(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        try {
            String header;
            try (BufferedReader br = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                header = br.readLine();
            }
            if (header == null) {
                return out;
            }
            String[] cols = header.split(",", -1);
            List<String[]> rows = tailRows(file, cols.length);
            if (rows.isEmpty()) {
                return out;
            }
            for (int c = 0; c < cols.length; c++) {
                String name = cols[c];
                if (Trajectory.BASE_COLUMNS.contains(name) && !name.equals("rel_residual")) {
                    continue;
                }
                String value = "";
                if (name.equals("rel_residual")) {
                    // the last row as it is: Infinity or NaN for a diverged run
                    String cell = rows.get(rows.size() - 1)[c];
                    value = isDouble(cell) ? cell : "";
                } else {
                    for (int r = rows.size() - 1; r >= 0; r--) {
                        String cell = rows.get(r)[c];
                        if (isDouble(cell) && Double.isFinite(Double.parseDouble(cell))) {
                            value = cell;
                            break;
                        }
                    }
                }
                out.put(name, value);
            }
        } catch (IOException | RuntimeException e) {
            out.clear();
        }
        return out;
    }

    /** The complete data rows in the last {@link #TAIL_BYTES} of the file, oldest first. */
    private static List<String[]> tailRows(Path file, int width) throws IOException {
        byte[] buf;
        boolean fromStart;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long len = raf.length();
            long start = Math.max(0, len - TAIL_BYTES);
            fromStart = start == 0;
            buf = new byte[(int) (len - start)];
            raf.seek(start);
            raf.readFully(buf);
        }
        String[] lines = new String(buf, StandardCharsets.UTF_8).split("\n");
        List<String[]> rows = new ArrayList<>();
        // the first line is the header (from the start) or possibly cut (from the middle)
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            if (cells.length == width) {
                rows.add(cells);
            }
        }
        if (!fromStart && rows.isEmpty() && lines.length > 0) {
            String[] cells = lines[0].split(",", -1);
            if (cells.length == width) {
                rows.add(cells);
            }
        }
        return rows;
    }

    private static boolean isDouble(String cell) {
        if (cell.isEmpty()) {
            return false;
        }
        try {
            Double.parseDouble(cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String text(double v) {
        return Double.isNaN(v) ? "" : Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf") : PlanExecutor.num(v);
    }
}
