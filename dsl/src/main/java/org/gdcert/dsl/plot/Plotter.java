package org.gdcert.dsl.plot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gdcert.core.run.ResultWriter;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Draws the plots of a run or an experiment folder from its saved files. Per run: {@code loss}
 * and {@code monitor_<column>} in the run folder. Per sweep, in the experiment folder: a heat map
 * per chosen column over two sweep variables ({@code heatmap_<column>}), the certificates' numbers
 * against a numeric sweep variable X beside what gradient descent did ({@code slack_vs_<X>},
 * {@code step_vs_<X>}, {@code steps_vs_<X>}, or {@code versus_<X>_<column>} for chosen columns: see
 * {@link Versus}), the loss of every run ({@code losses}), and the smallest converging width
 * against N ({@code width_vs_N}) when the sweep varies N and a hidden width. Each plot is written
 * as SVG and PNG.
 */
public final class Plotter {
    /** The sweep's loss curves are overlaid in one plot up to this many runs. */
    public static final int MAX_OVERLAID_RUNS = 60;
    /** Legends are shown up to this many series. */
    public static final int MAX_LEGEND = 12;
    /**
     * In a sweep of more runs than this, each run gets only its loss plot (drawing every monitor
     * of every run would take longer than many sweeps); {@code gdcert plot RUN_FOLDER} draws the
     * rest of one run.
     */
    public static final int MONITOR_PLOTS_UP_TO_RUNS = 20;
    /**
     * The table {@code gdcert find-width} writes into its folder; such a folder keeps the width
     * plot and report of the search (with its own fraction), which a redraw does not replace.
     */
    public static final String FIND_WIDTH_TABLE = "widths.csv";
    /** A (N, width) cell counts as converging when at least this fraction of its runs reached the target. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    private Plotter() {
    }

    /**
     * A heat map to draw.
     *
     * @param x the sweep variable along x
     * @param y the sweep variable along y
     * @param column the results.csv column
     */
    public record HeatmapRequest(String x, String y, String column) {
        public HeatmapRequest {
            Objects.requireNonNull(x);
            Objects.requireNonNull(y);
            Objects.requireNonNull(column);
        }
    }

    /**
     * Columns of results.csv to draw against a sweep variable ({@code gdcert plot --versus}).
     *
     * @param x the sweep variable along x
     * @param columns the results.csv columns, one line each
     */
    public record VersusRequest(String x, List<String> columns) {
        public VersusRequest {
            Objects.requireNonNull(x);
            columns = List.copyOf(columns);
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("a versus plot needs a column");
            }
        }

        /** The plot's file name without extension: {@code versus_<x>_<first column>}. */
        public String name() {
            return "versus_" + fileName(x) + "_" + fileName(columns.get(0));
        }
    }

    /**
     * How to draw.
     *
     * @param redraw draw a run's plots even when they are newer than its results
     * @param heatmaps heat maps to draw; empty: the default columns over the first two sweep variables
     * @param versus versus plots to draw; empty: slack, step size and steps against the first numeric
     *        sweep variable with at least {@link Versus#MIN_VALUES} values
     * @param overlays trajectory columns (monitors) to draw for every run in one plot each
     *        ({@code overlay_<column>}); the loss always is ({@code losses})
     * @param threshold fraction of runs that must converge at a width (the width plot)
     * @param threads threads drawing the runs' plots
     */
    public record Options(boolean redraw, List<HeatmapRequest> heatmaps, List<VersusRequest> versus,
            List<String> overlays, double threshold, int threads) {
        public Options {
            heatmaps = List.copyOf(heatmaps);
            versus = List.copyOf(versus);
            overlays = List.copyOf(overlays);
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1");
            }
            if (!(threshold > 0 && threshold <= 1)) {
                throw new IllegalArgumentException("the threshold must be in (0, 1], got " + threshold);
            }
        }

        public static Options defaults() {
            return new Options(false, List.of(), List.of(), List.of(), DEFAULT_THRESHOLD, Math.max(1,
                    Runtime.getRuntime().availableProcessors()));
        }

        public Options withRedraw(boolean r) {
            return new Options(r, heatmaps, versus, overlays, threshold, threads);
        }

        public Options withHeatmaps(List<HeatmapRequest> h) {
            return new Options(redraw, h, versus, overlays, threshold, threads);
        }

        public Options withThreads(int t) {
            return new Options(redraw, heatmaps, versus, overlays, threshold, t);
        }

        public Options withVersus(List<VersusRequest> v) {
            return new Options(redraw, heatmaps, v, overlays, threshold, threads);
        }

        public Options withOverlays(List<String> columns) {
            return new Options(redraw, heatmaps, versus, columns, threshold, threads);
        }
    }

    /** A run with its plots. */
    public record RunPlotsWritten(SavedRun run, List<Plot> plots) {
        public RunPlotsWritten {
            plots = List.copyOf(plots);
        }

        /** The loss plot, if drawn. */
        public Optional<Plot> loss() {
            return plots.stream().filter(p -> p.name().equals("loss")).findFirst();
        }
    }

    /**
     * What was drawn for an experiment.
     *
     * @param experiment the experiment read back
     * @param runs each run's plots
     * @param aggregate the sweep's plots (heat maps, versus plots, losses, width plot)
     * @param widths the width plot's data, when drawn
     * @param problems what could not be drawn, one line each
     * @param notes what was left out on purpose, one line each
     */
    public record Result(SavedExperiment experiment, List<RunPlotsWritten> runs, List<Plot> aggregate,
            Optional<WidthPlot.Data> widths, List<String> problems, List<String> notes) {
        public Result {
            runs = List.copyOf(runs);
            aggregate = List.copyOf(aggregate);
            problems = List.copyOf(problems);
            notes = List.copyOf(notes);
        }
    }

    /** Draws a run's plots into its folder. */
    public static RunPlotsWritten plotRun(SavedRun run, boolean redraw) {
        return plotRun(run, redraw, true);
    }

    /** Draws a run's loss plot and, with {@code monitors}, its monitor plots into its folder. */
    public static RunPlotsWritten plotRun(SavedRun run, boolean redraw, boolean monitors) {
        List<Plot> plots = new ArrayList<>();
        Path dir = run.directory();
        Optional<FileTime> source = newest(dir.resolve(ResultWriter.SUMMARY), dir.resolve(ResultWriter.TRAJECTORY),
                dir.resolve("certificates.json"));
        RunPlots.loss(run).ifPresent(d -> plots.add(write(d, dir, "loss", redraw, source)));
        for (Described<XYChart> d : monitors ? RunPlots.monitors(run) : List.<Described<XYChart>>of()) {
            String col = d.chart().getSeriesMap().keySet().iterator().next();
            plots.add(write(d, dir, "monitor_" + fileName(col), redraw, source));
        }
        return new RunPlotsWritten(run, plots);
    }

    /** Draws every plot of an experiment (or run) folder. */
    public static Result plot(SavedExperiment e, Options o) {
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean monitors = e.runs().size() <= MONITOR_PLOTS_UP_TO_RUNS;
        if (!monitors) {
            notes.add("with " + e.runs().size() + " runs, each run's monitors are not plotted (only its loss); "
                    + "'gdcert plot' on a run's folder draws them");
        }
        List<RunPlotsWritten> runs = plotRuns(e.runs(), o, monitors, problems);
        List<Plot> aggregate = new ArrayList<>();
        Optional<WidthPlot.Data> widths = Optional.empty();
        if (e.isSweep() && !e.isSingleRunFolder()) {
            Path dir = e.directory();
            if (e.results().isPresent()) {
                for (HeatmapRequest h : heatmaps(e, o, problems)) {
                    try {
                        Heatmaps.Grid g = Heatmaps.grid(e.results().get(), h.x(), h.y(), h.column());
                        boolean custom = !o.heatmaps().isEmpty();
                        String name = "heatmap_" + fileName(h.column()) + (custom ? "_" + fileName(h.x()) + "_"
                                + fileName(h.y()) : "");
                        Heatmaps.chart(g, e.name()).ifPresent(d -> aggregate.add(Charts.write(d.chart(), dir, name,
                                d.description())));
                    } catch (IllegalArgumentException ex) {
                        problems.add("heat map of " + h.column() + ": " + ex.getMessage());
                    }
                }
                versus(e, o, aggregate, problems, notes);
            }
            losses(e).ifPresent(d -> aggregate.add(Charts.write(d.chart(), dir, "losses", d.description())));
            for (String column : o.overlays()) {
                try {
                    overlay(e, column).ifPresentOrElse(d -> aggregate.add(Charts.write(d.chart(), dir, "overlay_"
                            + fileName(column), d.description())), () -> notes.add("overlay of " + column
                                    + ": fewer than two runs record it with a number (or more than "
                                    + MAX_OVERLAID_RUNS + " runs)"));
                } catch (RuntimeException ex) {
                    problems.add("overlay of " + column + ": " + message(ex));
                }
            }
            boolean search = Files.exists(dir.resolve(FIND_WIDTH_TABLE));
            widths = search ? Optional.empty() : WidthPlot.fromSweep(e, o.threshold());
            widths.ifPresent(w -> {
                Described<XYChart> d = WidthPlot.chart(w, e.name());
                aggregate.add(Charts.write(d.chart(), dir, "width_vs_N", d.description()));
            });
        }
        return new Result(e, runs, aggregate, widths, problems, notes);
    }

    /** The versus plots: those asked for, else the default ones over the first numeric sweep variable with 3+ values. */
    private static void versus(SavedExperiment e, Options o, List<Plot> aggregate, List<String> problems,
            List<String> notes) {
        Table t = e.results().get();
        Path dir = e.directory();
        String exp = e.name();
        for (VersusRequest v : o.versus()) {
            String what = "versus " + v.x() + "," + String.join(",", v.columns());
            try {
                Optional<String> why = Versus.check(e, v.x(), v.columns());
                if (why.isPresent()) {
                    problems.add(what + ": " + why.get());
                    continue;
                }
                Optional<Described<XYChart>> d = Versus.custom(t, v.x(), v.columns(), exp);
                if (d.isEmpty()) {
                    problems.add(what + ": no run has a number in " + String.join(", ", v.columns()));
                } else {
                    aggregate.add(Charts.write(d.get().chart(), dir, v.name(), d.get().description()));
                }
            } catch (RuntimeException ex) {
                problems.add(what + ": " + message(ex));
            }
        }
        if (!o.versus().isEmpty()) {
            return;
        }
        Optional<String> x = Versus.defaultVariable(t, e.axes());
        if (x.isEmpty()) {
            return;
        }
        String suffix = "_vs_" + fileName(x.get());
        try {
            Versus.slack(t, x.get(), exp).ifPresentOrElse(d -> aggregate.add(Charts.write(d.chart(), dir, "slack"
                    + suffix, d.description())), () -> notes.add("slack" + suffix + " not drawn: results.csv has no "
                    + "slack_* column with a number"));
            Versus.step(t, x.get(), exp).ifPresentOrElse(d -> aggregate.add(Charts.write(d.chart(), dir, "step"
                    + suffix, d.description())), () -> notes.add("step" + suffix + " not drawn: results.csv has no "
                    + "eta_max_* column (a certified step-size bound) with a number"));
            Versus.steps(t, x.get(), exp).ifPresentOrElse(d -> aggregate.add(Charts.write(d.chart(), dir, "steps"
                    + suffix, d.description())), () -> notes.add("steps" + suffix + " not drawn: no run reached "
                    + "the target (or results.csv has no converged and steps columns)"));
        } catch (RuntimeException ex) {
            problems.add("versus plots against " + x.get() + ": " + message(ex));
        }
    }

    private static List<HeatmapRequest> heatmaps(SavedExperiment e, Options o, List<String> problems) {
        if (!o.heatmaps().isEmpty()) {
            return o.heatmaps();
        }
        List<String> axes = e.axes();
        if (axes.size() < 2) {
            return List.of();
        }
        List<HeatmapRequest> out = new ArrayList<>();
        for (String col : Heatmaps.defaultColumns(e.results().get())) {
            out.add(new HeatmapRequest(axes.get(0), axes.get(1), col));
        }
        return out;
    }

    private static List<RunPlotsWritten> plotRuns(List<SavedRun> runs, Options o, boolean monitors,
            List<String> problems) {
        List<SavedRun> finished = runs.stream().filter(r -> r.trajectory().isPresent()).toList();
        List<RunPlotsWritten> out = new ArrayList<>();
        if (finished.size() <= 1 || o.threads() == 1) {
            for (SavedRun r : finished) {
                try {
                    out.add(plotRun(r, o.redraw(), monitors));
                } catch (RuntimeException ex) {
                    problems.add(r.runId() + ": " + message(ex));
                    out.add(new RunPlotsWritten(r, List.of()));
                }
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(o.threads(), finished.size()), job -> {
            Thread t = new Thread(job, "gdcert-plot");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RunPlotsWritten>> futures = new ArrayList<>();
            for (SavedRun r : finished) {
                futures.add(pool.submit(() -> plotRun(r, o.redraw(), monitors)));
            }
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException ex) {
                    problems.add(finished.get(i).runId() + ": " + message(ex.getCause()));
                    out.add(new RunPlotsWritten(finished.get(i), List.of()));
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    problems.add("interrupted while drawing");
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    /** Every run's loss in one plot (log scale), when there are not too many runs. */
    static Optional<Described<XYChart>> losses(SavedExperiment e) {
        return overlay(e, "loss");
    }

    /**
     * The trajectory columns every run of {@code e} records, in the order of the first run that has
     * each (for {@code --overlay} and its error message).
     */
    public static List<String> trajectoryColumns(SavedExperiment e) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        for (SavedRun r : e.runs()) {
            r.trajectory().ifPresent(t -> out.addAll(t.columns()));
        }
        return List.copyOf(out);
    }

    /**
     * One trajectory column (the loss, a monitor) of every run in one plot, against the step or the
     * time, when 2 to {@link #MAX_OVERLAID_RUNS} runs record it: the loss on a log scale (a
     * diverging loss cut at 10⁶ times its first value), another column on a log scale when its
     * values are positive and span more than a hundredfold, else on a linear one.
     */
    static Optional<Described<XYChart>> overlay(SavedExperiment e, String column) {
        boolean loss = column.equals("loss");
        List<SavedRun> runs = e.runs().stream().filter(r -> r.trajectory().isPresent()
                && r.trajectory().get().has(column)).toList();
        if (runs.size() < 2 || runs.size() > MAX_OVERLAID_RUNS) {
            return Optional.empty();
        }
        org.gdcert.core.train.Axis axis = runs.get(0).axis();
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        List<String> names = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean positive = true;
        for (SavedRun r : runs) {
            Table t = r.trajectory().get();
            double[] x = t.numbers(RunPlots.xColumn(axis));
            double[] y = t.numbers(column);
            double cut = loss ? RunPlots.cutAbove(y) : Double.POSITIVE_INFINITY;
            List<Integer> keep = new ArrayList<>();
            for (int k = 0; k < y.length; k++) {
                if (Double.isFinite(x[k]) && Double.isFinite(y[k]) && (!loss || y[k] > 0) && y[k] <= cut) {
                    keep.add(k);
                    min = Math.min(min, y[k]);
                    max = Math.max(max, y[k]);
                    positive &= y[k] > 0;
                }
            }
            if (keep.isEmpty()) {
                continue;
            }
            List<Integer> thin = RunPlots.thin(keep);
            xs.add(RunPlots.pick(x, thin));
            ys.add(RunPlots.pick(y, thin));
            names.add(r.runId());
        }
        int n = names.size();
        if (n < 2) {
            return Optional.empty();
        }
        boolean log = loss || (positive && max > 100 * min);
        String yTitle = loss ? "loss Φ (log scale)" : column + (log ? " (log scale)" : "");
        XYChart c = Charts.xy(e.name() + ": " + (loss ? "loss" : column) + " of every run", RunPlots.xTitle(axis),
                yTitle);
        if (log) {
            Charts.logY(c, true);
        }
        for (int i = 0; i < n; i++) {
            Charts.data(c.addSeries(RunPlots.unique(c, names.get(i)), xs.get(i), ys.get(i)),
                    i == 0 ? Charts.DATA : Charts.overlay(i - 1));
        }
        c.getStyler().setLegendVisible(n <= MAX_LEGEND);
        if (n > 4) {
            // short labels, many of them: beside the plot rather than under it
            c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        }
        String against = axis == org.gdcert.core.train.Axis.TIME ? "time t" : "the step k";
        String legend = n <= MAX_LEGEND ? "" : " (too many runs for a legend: see each run's own plot)";
        String text = loss
                ? String.format(Locale.ROOT, "The loss of each of the %d runs against %s on a log scale%s; a "
                        + "diverging loss is cut at 10^6 times its first value.", n, against, legend)
                : String.format(Locale.ROOT, "The monitor column %s of each of the %d runs against %s%s%s.", column,
                        n, against, log ? " on a log scale" : "", legend);
        return Optional.of(new Described<>(c, text));
    }

    private static Plot write(Described<? extends Chart<?, ?>> d, Path dir, String name, boolean redraw,
            Optional<FileTime> source) {
        Path svg = dir.resolve(name + ".svg");
        Path png = dir.resolve(name + ".png");
        if (!redraw && source.isPresent() && fresh(svg, source.get()) && fresh(png, source.get())) {
            return new Plot(name, d.chart().getTitle(), d.description(), svg, png);
        }
        return Charts.write(d.chart(), dir, name, d.description());
    }

    private static boolean fresh(Path file, FileTime source) {
        try {
            return Files.exists(file) && Files.getLastModifiedTime(file).compareTo(source) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<FileTime> newest(Path... files) {
        FileTime best = null;
        for (Path f : files) {
            try {
                if (Files.exists(f)) {
                    FileTime t = Files.getLastModifiedTime(f);
                    if (best == null || t.compareTo(best) > 0) {
                        best = t;
                    }
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(best);
    }

    /** A safe file name part: letters, digits, {@code _ - . =}. */
    public static String fileName(String s) {
        String f = s.replaceAll("[^A-Za-z0-9_.=-]", "_");
        return f.isEmpty() ? "_" : f;
    }

    static String message(Throwable t) {
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
