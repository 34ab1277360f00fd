package org.gdcert.dsl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.gdcert.dsl.plot.Plot;
import org.gdcert.dsl.plot.Plotter;
import org.gdcert.dsl.plot.SavedExperiment;
import org.gdcert.dsl.plot.SavedRun;
import org.gdcert.dsl.plot.Versus;
import org.gdcert.dsl.report.ExperimentReport;
import org.gdcert.dsl.width.WidthFinder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code gdcert plot DIR...}: redraws plots and the report from saved results. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = {"Redraw the plots (SVG and PNG) and report.html of an experiment folder or a run folder from "
                + "its saved files (trajectory.csv, summary.json, certificates.json, results.csv).",
                "Per run: loss (log scale, every certified loss bound overlaid) and one plot per monitor column. Per "
                        + "sweep: heat maps over two sweep variables; against the first numeric sweep variable X with "
                        + "3 or more values, slack_vs_X (each condition's slack; it holds below 1), step_vs_X (the "
                        + "certified step-size bounds beside the step GD used) and steps_vs_X (steps of the runs that "
                        + "reached the target); the loss of every run (and, with --overlay, any monitor column of "
                        + "every run); and the smallest converging width against N when N and a width are swept."})
final class PlotCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "experiment folders (runs/<name>) or run folders")
    List<Path> dirs;

    @Option(names = "--heatmap", paramLabel = "X,Y,COLUMN", split = ";",
            description = "a heat map of a results.csv column over two sweep variables, e.g. N,m,converged "
                    + "(repeatable; default: converged, final_loss and each verdict over the first two sweep variables)")
    List<String> heatmaps = new ArrayList<>();

    @Option(names = "--versus", paramLabel = "X,COLUMN[,COLUMN...]", split = ";",
            description = "results.csv columns against a numeric sweep variable, the mean over the runs at each value, "
                    + "into versus_<X>_<COLUMN>.svg/png, e.g. p,slack_nguyen_mondelli_cond4 (repeatable; default: "
                    + "slack_vs_X, step_vs_X and steps_vs_X over the first numeric sweep variable with 3+ values)")
    List<String> versus = new ArrayList<>();

    @Option(names = "--overlay", paramLabel = "COLUMN[,COLUMN...]", split = "[,;]",
            description = "a trajectory column (a monitor, e.g. zeros or movement_first_rel) of every run of a sweep "
                    + "in one plot, overlay_<COLUMN>.svg/png (repeatable; the loss always is: losses)")
    List<String> overlays = new ArrayList<>();

    @Option(names = "--threshold", paramLabel = "P", defaultValue = "0.5",
            description = "fraction of runs that must reach the target for a width to count as converging (default: "
                    + "${DEFAULT-VALUE})")
    double threshold;

    @Option(names = "--no-report", description = "draw the plots only, not report.html")
    boolean noReport;

    @Override
    public Integer call() {
        PrintWriter out = main.out();
        PrintWriter err = main.err();
        List<Plotter.HeatmapRequest> requests = new ArrayList<>();
        for (String h : heatmaps) {
            String[] p = h.split(",", -1);
            if (p.length != 3 || List.of(p).stream().anyMatch(String::isBlank)) {
                err.println("gdcert: --heatmap needs X,Y,COLUMN (two sweep variables and a column of results.csv), got '"
                        + h + "'");
                return Main.SCRIPT_ERROR;
            }
            requests.add(new Plotter.HeatmapRequest(p[0].trim(), p[1].trim(), p[2].trim()));
        }
        List<Plotter.VersusRequest> versusRequests = new ArrayList<>();
        for (String v : versus) {
            List<String> p = List.of(v.split(",", -1)).stream().map(String::trim).toList();
            if (p.size() < 2 || p.stream().anyMatch(String::isEmpty)) {
                err.println("gdcert: --versus needs X,COLUMN[,COLUMN...] (a sweep variable and columns of results.csv), "
                        + "got '" + v + "'");
                return Main.SCRIPT_ERROR;
            }
            versusRequests.add(new Plotter.VersusRequest(p.get(0), p.subList(1, p.size())));
        }
        if (!(threshold > 0 && threshold <= 1)) {
            err.println("gdcert: --threshold must be in (0, 1], got " + threshold);
            return Main.SCRIPT_ERROR;
        }
        List<String> overlayColumns = overlays.stream().map(String::trim).toList();
        if (overlayColumns.stream().anyMatch(String::isEmpty)) {
            err.println("gdcert: --overlay needs COLUMN[,COLUMN...] (columns of the runs' trajectory.csv), got '"
                    + String.join(",", overlays) + "'");
            return Main.SCRIPT_ERROR;
        }
        Plotter.Options options = new Plotter.Options(true, requests, versusRequests, overlayColumns, threshold,
                Math.max(1, Runtime.getRuntime().availableProcessors()));
        int code = 0;
        for (Path dir : dirs) {
            code = Math.max(code, plot(dir, options, !noReport, out, err));
        }
        return code;
    }

    /**
     * After {@code gdcert run}: draws what is new in an experiment folder (plots older than their
     * run's results, the sweep's plots) and writes its report. Quiet but for the report's path and
     * problems; does nothing when the JVM is shutting down (the run was interrupted) or the folder
     * holds no run.
     */
    static void afterRun(Path dir, int threads, PrintWriter out, PrintWriter err) {
        if (shuttingDown() || !hasRuns(dir)) {
            return;
        }
        try {
            SavedExperiment e = SavedExperiment.read(dir);
            Plotter.Result r = Plotter.plot(e, Plotter.Options.defaults().withThreads(threads));
            for (String p : r.problems()) {
                err.println("gdcert: plots: " + p);
            }
            out.println("report: " + ExperimentReport.write(r));
        } catch (IOException | RuntimeException ex) {
            err.println("gdcert: the plots and report of " + dir + " were not written: " + (ex.getMessage() == null
                    ? ex.toString() : ex.getMessage()));
        }
        out.flush();
    }

    /** Whether {@code dir} holds a run folder (a run that could not start leaves none). */
    private static boolean hasRuns(Path dir) {
        if (!java.nio.file.Files.isDirectory(dir)) {
            return false;
        }
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.list(dir)) {
            return s.anyMatch(p -> java.nio.file.Files.isDirectory(p) && SavedRun.isRunFolder(p));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> {
        });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    private static String didYouMean(String word, List<String> known) {
        List<String> near = org.gdcert.dsl.semantic.Names.closest(word, known);
        return near.isEmpty() ? "" : "; did you mean '" + near.get(0) + "'?";
    }

    /** Draws one folder; returns 0, or 1 when something could not be drawn, 2 when the folder is not results. */
    static int plot(Path dir, Plotter.Options options, boolean report, PrintWriter out, PrintWriter err) {
        SavedExperiment e;
        try {
            e = SavedExperiment.read(dir);
        } catch (IOException ex) {
            err.println("gdcert: " + ex.getMessage());
            return Main.SCRIPT_ERROR;
        }
        for (Plotter.VersusRequest v : options.versus()) {
            Optional<String> why = Versus.check(e, v.x(), v.columns());
            if (why.isPresent()) {
                err.println("gdcert: " + dir + ": --versus " + v.x() + "," + String.join(",", v.columns()) + ": "
                        + why.get());
                return Main.SCRIPT_ERROR;
            }
        }
        if (!options.overlays().isEmpty()) {
            List<String> known = Plotter.trajectoryColumns(e);
            for (String c : options.overlays()) {
                if (!known.contains(c)) {
                    err.println("gdcert: " + dir + ": --overlay " + c + ": no run records a column '" + c + "'"
                            + didYouMean(c, known) + "; the runs' trajectory.csv columns: "
                            + String.join(", ", known));
                    return Main.SCRIPT_ERROR;
                }
            }
        }
        Plotter.Result r = Plotter.plot(e, options);
        int plots = r.aggregate().size() + r.runs().stream().mapToInt(x -> x.plots().size()).sum();
        out.println(dir + ": " + plots + (plots == 1 ? " plot" : " plots") + (e.isSweep() ? " (" + e.runs().size()
                + " runs)" : ""));
        for (Plot p : r.aggregate()) {
            out.println("  " + p.svg());
        }
        for (String n : r.notes()) {
            out.println("  note: " + n);
        }
        if (report && java.nio.file.Files.exists(dir.resolve(WidthFinder.CSV))) {
            out.println("  a find-width folder: its width plot and report.html are gdcert find-width's and are left as "
                    + "they are");
        } else if (report) {
            out.println("report: " + ExperimentReport.write(r));
        }
        for (String p : r.problems()) {
            err.println("gdcert: " + dir + ": " + p);
        }
        return r.problems().isEmpty() ? 0 : Main.RUN_FAILED;
    }
}
