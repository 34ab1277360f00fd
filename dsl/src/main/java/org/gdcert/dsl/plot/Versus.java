package org.gdcert.dsl.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * "Versus" plots of a sweep: columns of {@code results.csv} against one numeric sweep variable X,
 * each point the mean over the runs at that value of X (its repeats and every other sweep
 * variable), a vertical bar from the smallest to the largest of them. By default, over the first
 * sweep variable with numbers only and at least {@link #MIN_VALUES} distinct values:
 * {@code slack_vs_<X>} (every {@code slack_*} column, with the line slack = 1 below which a
 * condition holds), {@code step_vs_<X>} (the certified step-size bounds {@code eta_max_*} beside
 * the {@code step_size} gradient descent used) and {@code steps_vs_<X>} (the steps of the runs that
 * reached the target). Cells that are not numbers are skipped; a plot whose columns have no number
 * is not drawn.
 */
public final class Versus {
    /** A sweep variable gets the default plots when it takes at least this many values. */
    public static final int MIN_VALUES = 3;
    /** An axis whose positive values span at least this ratio is logarithmic (x always, y where not fixed). */
    public static final double LOG_SPAN = 10;
    /** The colour of the line slack = 1. */
    static final Color THRESHOLD = new Color(90, 90, 90);
    /** The label of the line slack = 1 (a condition's slack is ≤ 1 exactly when it holds). */
    public static final String HOLDS_BELOW_1 = "slack = 1: a condition holds below 1";

    private Versus() {
    }

    /**
     * The runs at one value of X.
     *
     * @param x the value of X
     * @param mean the mean of the column over the runs with a value
     * @param min the smallest value
     * @param max the largest value
     * @param count runs with a value
     */
    public record Point(double x, double mean, double min, double max, int count) {
    }

    /**
     * A column against X.
     *
     * @param column the column
     * @param points one per value of X at which some run has a value, in increasing X
     */
    public record Line(String column, List<Point> points) {
        public Line {
            points = List.copyOf(points);
        }

        public boolean isEmpty() {
            return points.isEmpty();
        }

        /** The runs counted, over all points. */
        public int runs() {
            return points.stream().mapToInt(Point::count).sum();
        }
    }

    /**
     * The first of {@code variables} that is a column of {@code results} whose cells are all
     * numbers (empty ones aside) taking at least {@link #MIN_VALUES} distinct values.
     */
    public static Optional<String> defaultVariable(Table results, List<String> variables) {
        return variables.stream().filter(v -> numeric(results, v) && distinct(results, v) >= MIN_VALUES).findFirst();
    }

    /** Whether {@code variable} is a column whose non-empty cells are all finite numbers, one at least. */
    static boolean numeric(Table results, String variable) {
        if (!results.has(variable)) {
            return false;
        }
        boolean any = false;
        for (String c : results.column(variable)) {
            if (c.isBlank()) {
                continue;
            }
            if (!Double.isFinite(Table.number(c))) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** The number of distinct numbers in a column. */
    static int distinct(Table results, String variable) {
        TreeSet<Double> values = new TreeSet<>();
        for (double v : results.numbers(variable)) {
            if (Double.isFinite(v)) {
                values.add(v);
            }
        }
        return values.size();
    }

    /** {@code column} against {@code x} over every run. */
    public static Line line(Table results, String x, String column) {
        return line(results, x, column, i -> true);
    }

    /**
     * {@code column} against {@code x} over the rows {@code row} accepts. Words count as in heat
     * maps ({@code converged}: yes = 1, no = 0; {@code verdict_*}: CERTIFIED = 1; {@code status}:
     * COMPLETED = 1); other cells that are not finite numbers are skipped, and so are rows whose X
     * is not a number. Empty when a column is missing.
     */
    public static Line line(Table results, String x, String column, IntPredicate row) {
        if (!results.has(x) || !results.has(column)) {
            return new Line(column, List.of());
        }
        Heatmaps.Kind kind = Heatmaps.kindOf(results, column);
        Heatmaps.Kind read = kind == Heatmaps.Kind.MEAN_LOG10 ? Heatmaps.Kind.MEAN : kind;
        double[] xs = results.numbers(x);
        List<String> cells = results.column(column);
        Map<Double, double[]> acc = new TreeMap<>(); // sum, min, max, count
        for (int i = 0; i < results.size(); i++) {
            double v = Heatmaps.value(read, cells.get(i));
            if (!Double.isFinite(xs[i]) || !Double.isFinite(v) || !row.test(i)) {
                continue;
            }
            double[] a = acc.computeIfAbsent(xs[i] == 0 ? 0.0 : xs[i], k -> new double[] {0, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, 0});
            a[0] += v;
            a[1] = Math.min(a[1], v);
            a[2] = Math.max(a[2], v);
            a[3]++;
        }
        List<Point> points = new ArrayList<>();
        acc.forEach((k, a) -> points.add(new Point(k, a[0] / a[3], a[1], a[2], (int) a[3])));
        return new Line(column, points);
    }

    /** The lines of the columns, the empty ones left out. */
    static List<Line> lines(Table results, String x, List<String> columns, IntPredicate row) {
        List<Line> out = new ArrayList<>();
        for (String c : columns) {
            Line l = line(results, x, c, row);
            if (!l.isEmpty()) {
                out.add(l);
            }
        }
        return out;
    }

    /**
     * Why {@code columns} cannot be drawn against {@code x} in {@code e}, or empty when they can: no
     * results.csv, {@code x} not a sweep variable or not numeric, a column not in results.csv. Each
     * message names what is available.
     */
    public static Optional<String> check(SavedExperiment e, String x, List<String> columns) {
        if (e.results().isEmpty()) {
            return Optional.of(e.directory() + " has no results.csv (versus plots are drawn for a sweep)");
        }
        Table t = e.results().get();
        List<String> axes = e.axes();
        if (!axes.contains(x) || !t.has(x)) {
            return Optional.of("'" + x + "' is not a sweep variable; sweep variables: " + (axes.isEmpty() ? "(none)"
                    : String.join(", ", axes)));
        }
        if (!numeric(t, x)) {
            return Optional.of("the values of the sweep variable '" + x + "' are not all numbers; numeric sweep "
                    + "variables: " + String.join(", ", axes.stream().filter(a -> numeric(t, a)).toList()));
        }
        for (String c : columns) {
            if (!t.has(c)) {
                return Optional.of("results.csv has no column '" + c + "'; columns: " + String.join(", ", t.columns()));
            }
        }
        return Optional.empty();
    }

    /** Every {@code slack_*} column against {@code x}, log y, with the line slack = 1; empty when none has a number. */
    public static Optional<Described<XYChart>> slack(Table results, String x, String experiment) {
        List<String> cols = results.columns().stream().filter(c -> c.startsWith("slack_")).toList();
        List<Line> lines = lines(results, x, cols, i -> true);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            series.add(new Series(lines.get(i).column(), lines.get(i), Charts.overlay(i), false));
        }
        XYChart c = chart(experiment + ": slack of the conditions against " + x, x, "slack (log scale)", series,
                Scale.LOG);
        double[] ends = xRange(lines);
        Charts.theory(c.addSeries(HOLDS_BELOW_1, ends, new double[] {1, 1}), THRESHOLD);
        return Optional.of(new Described<>(c, "The slack of each certificate condition on θ0 against " + x
                + " on a log scale (a condition's slack is rhs/lhs for ≥ and lhs/rhs for ≤: at most 1 when it holds, "
                + "1e6 when it misses by a factor 10^6); " + averaged(lines, x) + " The dashed line is slack = 1: a "
                + "condition holds below it." + dropped(lines)));
    }

    /**
     * The certified step-size bounds ({@code eta_max_*}) and the step gradient descent used
     * ({@code step_size}) against {@code x}, log y; empty when no bound has a number.
     */
    public static Optional<Described<XYChart>> step(Table results, String x, String experiment) {
        List<String> cols = results.columns().stream().filter(c -> c.startsWith("eta_max_")).toList();
        List<Line> bounds = lines(results, x, cols, i -> true);
        if (bounds.isEmpty()) {
            return Optional.empty();
        }
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < bounds.size(); i++) {
            Line l = bounds.get(i);
            series.add(new Series(l.column() + " (certified bound on η)", l, Charts.overlay(i), true));
        }
        Line used = line(results, x, "step_size");
        List<Line> all = new ArrayList<>(bounds);
        if (!used.isEmpty()) {
            series.add(new Series("step_size (the η gradient descent used)", used, Charts.DATA, false));
            all.add(used);
        }
        XYChart c = chart(experiment + ": certified and used step size against " + x, x, "step size η (log scale)",
                series, Scale.LOG);
        return Optional.of(new Described<>(c, "The step sizes the certificates allow (eta_max_*, dashed) "
                + (used.isEmpty() ? "" : "beside the step size gradient descent used (step_size, solid; above a "
                        + "dashed line, the run stepped beyond what its certificate covers) ")
                + "against " + x + " on a log scale; " + averaged(all, x) + dropped(all)));
    }

    /** The steps of the runs that reached the target against {@code x}; empty when no run did. */
    public static Optional<Described<XYChart>> steps(Table results, String x, String experiment) {
        if (!results.has("converged") || !results.has("steps")) {
            return Optional.empty();
        }
        List<String> converged = results.column("converged");
        Line l = line(results, x, "steps", i -> converged.get(i).equals("yes"));
        if (l.isEmpty()) {
            return Optional.empty();
        }
        XYChart c = chart(experiment + ": steps to reach the target against " + x, x, "steps", List.of(
                new Series("steps of the runs that reached the target", l, Charts.DATA, false)), Scale.AUTO);
        return Optional.of(new Described<>(c, "The number of steps gradient descent took, over the runs that reached "
                + "the target only, against " + x + (c.getStyler().isYAxisLogarithmic() ? " on a log scale" : "")
                + "; " + averaged(List.of(l), x)));
    }

    /** {@code columns} against {@code x} (the plot of {@code gdcert plot --versus}); empty when none has a number. */
    public static Optional<Described<XYChart>> custom(Table results, String x, List<String> columns,
            String experiment) {
        List<Line> lines = lines(results, x, columns, i -> true);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            series.add(new Series(lines.get(i).column(), lines.get(i), i == 0 ? Charts.DATA : Charts.overlay(i - 1),
                    false));
        }
        String y = lines.size() == 1 ? lines.get(0).column() : String.join(", ", lines.stream().map(Line::column)
                .toList());
        XYChart c = chart(experiment + ": " + Charts.legend(y) + " against " + x, x, Charts.legend(y), series,
                Scale.AUTO);
        if (c.getStyler().isYAxisLogarithmic()) {
            c.setYAxisTitle(Charts.legend(y) + " (log scale)");
        }
        boolean slacks = lines.stream().allMatch(l -> l.column().startsWith("slack_"));
        if (slacks) {
            Charts.theory(c.addSeries(HOLDS_BELOW_1, xRange(lines), new double[] {1, 1}), THRESHOLD);
            c.getStyler().setLegendVisible(true);
        }
        List<String> missing = columns.stream().filter(col -> lines.stream().noneMatch(l -> l.column().equals(col)))
                .toList();
        return Optional.of(new Described<>(c, "The results.csv column" + (lines.size() == 1 ? " " : "s ") + y
                + " against " + x + (c.getStyler().isYAxisLogarithmic() ? " on a log scale" : "") + "; "
                + averaged(lines, x) + (missing.isEmpty() ? "" : " No run has a number in " + String.join(", ",
                        missing) + ".") + (slacks ? " The dashed line is slack = 1: a condition holds below it." : "")
                + dropped(c.getStyler().isYAxisLogarithmic() ? lines : List.of())));
    }

    private enum Scale {
        LOG,
        AUTO
    }

    /** A line to draw: dashed (a bound) or solid with markers. */
    private record Series(String label, Line line, Color colour, boolean dashed) {
    }

    private static XYChart chart(String title, String x, String yTitle, List<Series> series, Scale scale) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (Series s : series) {
            for (Point p : s.line().points()) {
                xs.add(p.x());
                ys.add(p.min());
                ys.add(p.max());
            }
        }
        boolean logX = spans(xs);
        boolean logY = scale == Scale.LOG || spans(ys);
        XYChart c = Charts.xy(title, x + (logX ? " (log scale)" : ""), yTitle);
        Charts.logX(c, logX);
        Charts.logY(c, logY);
        int hidden = 0;
        for (Series s : series) {
            List<Point> drawn = s.line().points().stream().filter(p -> !logY || p.mean() > 0).toList();
            if (drawn.isEmpty()) {
                continue;
            }
            double[] px = drawn.stream().mapToDouble(Point::x).toArray();
            double[] py = drawn.stream().mapToDouble(Point::mean).toArray();
            XYSeries line = c.addSeries(RunPlots.unique(c, Charts.legend(s.label())), px, py);
            if (s.dashed()) {
                Charts.theory(line, s.colour());
            } else {
                Charts.data(line, s.colour());
            }
            line.setMarker(SeriesMarkers.CIRCLE);
            line.setMarkerColor(s.colour());
            Color faint = new Color(s.colour().getRed(), s.colour().getGreen(), s.colour().getBlue(), 110);
            for (Point p : drawn) {
                if (p.max() > p.min() && (!logY || p.min() > 0)) {
                    XYSeries bar = c.addSeries(RunPlots.unique(c, "range " + (hidden++)), new double[] {p.x(), p.x()},
                            new double[] {p.min(), p.max()});
                    bar.setLineColor(faint);
                    bar.setLineStyle(new BasicStroke(1.5f));
                    bar.setMarker(SeriesMarkers.NONE);
                    bar.setShowInLegend(false);
                }
            }
        }
        c.getStyler().setLegendVisible(series.size() > 1 || scale == Scale.LOG);
        return c;
    }

    /** Whether the values are positive and span at least {@link #LOG_SPAN}. */
    private static boolean spans(List<Double> v) {
        double min = v.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = v.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return min > 0 && max / min >= LOG_SPAN;
    }

    private static double[] xRange(List<Line> lines) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Line l : lines) {
            for (Point p : l.points()) {
                min = Math.min(min, p.x());
                max = Math.max(max, p.x());
            }
        }
        return new double[] {min, max};
    }

    private static String averaged(List<Line> lines, String x) {
        int runs = lines.stream().mapToInt(Line::runs).max().orElse(0);
        int values = lines.stream().mapToInt(l -> l.points().size()).max().orElse(0);
        return String.format(Locale.ROOT, "each point is the mean over the runs at that %s (its repeats and any other "
                + "sweep variable; up to %d runs at %d values of %s), each vertical bar their smallest to largest.",
                x, runs, values, x);
    }

    private static String dropped(List<Line> lines) {
        long n = lines.stream().flatMap(l -> l.points().stream()).filter(p -> !(p.mean() > 0)).count();
        return n == 0 ? "" : " " + n + (n == 1 ? " mean is" : " means are") + " not positive and not drawn on the log "
                + "scale.";
    }
}
