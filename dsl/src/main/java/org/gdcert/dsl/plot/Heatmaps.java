package org.gdcert.dsl.plot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.knowm.xchart.HeatMapChart;

/**
 * Heat maps of a sweep: any column of {@code results.csv} over two sweep variables, the mean over
 * the runs in each cell (repeats and any other sweep variable). Words are counted: {@code converged}
 * as the probability of {@code yes}, a {@code verdict_*} column as the fraction CERTIFIED,
 * {@code status} as the fraction COMPLETED. A numeric column whose values are all positive and
 * span more than two decades is averaged as log10.
 */
public final class Heatmaps {
    /** Positive values spanning more than this ratio are averaged in log10. */
    public static final double LOG_SPAN = 100;

    private Heatmaps() {
    }

    /** How a column's cells become one number per run. */
    public enum Kind {
        /** {@code yes} = 1, {@code no} = 0, anything else skipped. */
        PROBABILITY,
        /** {@code CERTIFIED} = 1, any other verdict 0, empty skipped. */
        CERTIFIED,
        /** {@code COMPLETED} = 1, any other status 0. */
        COMPLETED,
        /** The number. */
        MEAN,
        /** log10 of the number. */
        MEAN_LOG10
    }

    /**
     * The values of a column over two variables.
     *
     * @param xVariable the variable along x
     * @param yVariable the variable along y
     * @param column the column
     * @param kind how the column was read
     * @param xs the x values in order
     * @param ys the y values in order
     * @param mean mean per cell [x][y], NaN where no run has a value
     * @param count runs with a value per cell
     */
    public record Grid(String xVariable, String yVariable, String column, Kind kind, List<String> xs, List<String> ys,
            double[][] mean, int[][] count) {
        /** What a cell's number means. */
        public String valueTitle() {
            return switch (kind) {
                case PROBABILITY -> "P(" + column + " = yes)";
                case CERTIFIED -> "fraction CERTIFIED by " + column.substring("verdict_".length());
                case COMPLETED -> "fraction of runs COMPLETED";
                case MEAN -> "mean " + column;
                case MEAN_LOG10 -> "mean log10 " + column;
            };
        }

        /** Whether any cell has a value. */
        public boolean isEmpty() {
            for (int[] row : count) {
                for (int c : row) {
                    if (c > 0) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /** The columns drawn by default: converged (if any run had a target), final_loss, every verdict. */
    public static List<String> defaultColumns(Table results) {
        List<String> out = new ArrayList<>();
        if (results.has("converged") && results.column("converged").stream().anyMatch(v -> v.equals("yes")
                || v.equals("no"))) {
            out.add("converged");
        }
        if (results.has("final_loss")) {
            out.add("final_loss");
        }
        results.columns().stream().filter(c -> c.startsWith("verdict_")).forEach(out::add);
        return out;
    }

    /** How {@code column} is read. */
    public static Kind kindOf(Table results, String column) {
        if (column.equals("converged")) {
            return Kind.PROBABILITY;
        }
        if (column.startsWith("verdict_")) {
            return Kind.CERTIFIED;
        }
        if (column.equals("status")) {
            return Kind.COMPLETED;
        }
        double[] v = results.numbers(column);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            if (Double.isFinite(x)) {
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        return min > 0 && max / min > LOG_SPAN ? Kind.MEAN_LOG10 : Kind.MEAN;
    }

    /** Aggregates {@code column} over {@code x} × {@code y}. */
    public static Grid grid(Table results, String x, String y, String column) {
        for (String c : List.of(x, y, column)) {
            if (!results.has(c)) {
                throw new IllegalArgumentException("results.csv has no column '" + c + "'; columns: "
                        + String.join(", ", results.columns()));
            }
        }
        Kind kind = kindOf(results, column);
        List<String> xcol = results.column(x);
        List<String> ycol = results.column(y);
        List<String> vcol = results.column(column);
        List<String> xs = order(xcol);
        List<String> ys = order(ycol);
        double[][] sum = new double[xs.size()][ys.size()];
        int[][] count = new int[xs.size()][ys.size()];
        for (int i = 0; i < results.size(); i++) {
            double v = value(kind, vcol.get(i));
            if (Double.isNaN(v)) {
                continue;
            }
            int a = xs.indexOf(xcol.get(i));
            int b = ys.indexOf(ycol.get(i));
            sum[a][b] += v;
            count[a][b]++;
        }
        double[][] mean = new double[xs.size()][ys.size()];
        for (int a = 0; a < xs.size(); a++) {
            for (int b = 0; b < ys.size(); b++) {
                mean[a][b] = count[a][b] == 0 ? Double.NaN : sum[a][b] / count[a][b];
            }
        }
        return new Grid(x, y, column, kind, xs, ys, mean, count);
    }

    static double value(Kind kind, String cell) {
        return switch (kind) {
            case PROBABILITY -> cell.equals("yes") ? 1 : cell.equals("no") ? 0 : Double.NaN;
            case CERTIFIED -> cell.isEmpty() ? Double.NaN : cell.equals("CERTIFIED") ? 1 : 0;
            case COMPLETED -> cell.isEmpty() ? Double.NaN : cell.equals("COMPLETED") ? 1 : 0;
            case MEAN -> finite(Table.number(cell));
            case MEAN_LOG10 -> {
                double v = Table.number(cell);
                yield v > 0 && Double.isFinite(v) ? Math.log10(v) : Double.NaN;
            }
        };
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : Double.NaN;
    }

    /** Distinct values, numerically sorted when all are numbers, else in order of appearance. */
    static List<String> order(List<String> cells) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(cells));
        if (distinct.stream().allMatch(c -> !Double.isNaN(Table.number(c)))) {
            distinct.sort((a, b) -> Double.compare(Table.number(a), Table.number(b)));
        }
        return distinct;
    }

    /** The heat map of a grid; empty when no cell has a value. */
    public static Optional<Described<HeatMapChart>> chart(Grid g, String experiment) {
        if (g.isEmpty()) {
            return Optional.empty();
        }
        HeatMapChart c = Charts.heatMap(experiment + ": " + g.valueTitle(), g.xVariable(), g.yVariable());
        List<Number[]> cells = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int runs = 0;
        for (int a = 0; a < g.xs().size(); a++) {
            for (int b = 0; b < g.ys().size(); b++) {
                if (g.count()[a][b] > 0) {
                    cells.add(new Number[] {a, b, g.mean()[a][b]});
                    min = Math.min(min, g.mean()[a][b]);
                    max = Math.max(max, g.mean()[a][b]);
                    runs += g.count()[a][b];
                }
            }
        }
        boolean fraction = g.kind() == Kind.PROBABILITY || g.kind() == Kind.CERTIFIED || g.kind() == Kind.COMPLETED;
        if (fraction) {
            min = 0;
            max = 1;
        } else if (min == max) {
            min -= 0.5;
            max += 0.5;
        }
        // the colour bar prints its ends as they are: round them outwards to three digits
        c.getStyler().setMin(round(min, false));
        c.getStyler().setMax(round(max, true));
        double big = Math.max(Math.abs(min), Math.abs(max));
        boolean plain = fraction || g.kind() == Kind.MEAN_LOG10 || (big < 1e4 && big >= 1e-2);
        // the cells use the pattern, the colour bar the function
        c.getStyler().setHeatMapValueDecimalPattern(fraction || g.kind() == Kind.MEAN_LOG10 ? "0.00"
                : plain ? "0.###" : "0.##E0");
        Function<Double, String> fmt = plain ? v -> String.format(Locale.ROOT, fraction ? "%.2f" : "%.4g", v)
                : v -> String.format(Locale.ROOT, "%.3g", v);
        c.getStyler().setHeatMapDecimalValueFormatter(fmt);
        if (fraction) {
            c.getStyler().setRangeColors(Charts.FRACTION_COLOURS);
        }
        c.addSeries(g.valueTitle(), g.xs(), g.ys(), cells);
        String desc = g.valueTitle() + " over " + g.xVariable() + " × " + g.yVariable() + ": each cell is the mean over "
                + "its runs (" + runs + " runs in " + cells.size() + " cells"
                + (g.kind() == Kind.MEAN_LOG10 ? "; the column spans several decades, so log10 is averaged" : "")
                + "); an empty cell has no run with a value there (a diverged run has no finite loss).";
        return Optional.of(new Described<>(c, desc));
    }

    /** {@code v} rounded to three significant digits, up or down. */
    static double round(double v, boolean up) {
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        double scale = Math.pow(10, 2 - Math.floor(Math.log10(Math.abs(v))));
        double r = (up ? Math.ceil(v * scale) : Math.floor(v * scale)) / scale;
        return Double.parseDouble(String.format(Locale.ROOT, "%.3g", r));
    }
}
