package org.gdcert.dsl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gdcert.core.run.ExperimentPlan;
import org.gdcert.core.run.PlanExecutor;
import org.gdcert.dsl.compile.CompileOptions;
import org.gdcert.dsl.compile.ExperimentCompiler;
import org.gdcert.dsl.plot.WidthPlot;
import org.gdcert.dsl.width.WidthFinder;
import org.gdcert.dsl.width.WidthReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code gdcert find-width FILE}: the smallest converging width per N, beside the certified requirements. */
@Command(name = "find-width", mixinStandardHelpOptions = true,
        description = {"For each N of the script (each point of its sweeps, or the single N), search the smallest "
                + "width of a hidden layer at which training reaches the script's target (stop loss < ... or stop "
                + "residual < ...) in at least a fraction of R seeds; plot it against N beside the width requirements "
                + "the certificates compute.",
                "The search starts at the script's width, doubles while runs fail and halves while they converge, "
                        + "then bisects; it assumes convergence is monotone in the width. Results go to "
                        + "<experiment>/find-width/ (widths.csv, width_vs_N.svg/png, report.html, one folder per "
                        + "run); running the command again resumes the search."})
final class FindWidthCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(paramLabel = "FILE", description = "the experiment script (.exp)")
    Path file;

    @Option(names = "--layer", paramLabel = "L", defaultValue = "1",
            description = "the hidden layer whose width is searched (default: ${DEFAULT-VALUE})")
    int layer;

    @Option(names = {"-R", "--repeats"}, paramLabel = "R",
            description = "seeds per width (default: the script's repeat count if above 1, else 3)")
    Integer repeats;

    @Option(names = "--fraction", paramLabel = "P", defaultValue = "0.5",
            description = "fraction of the R runs that must reach the target (default: ${DEFAULT-VALUE})")
    double fraction;

    @Option(names = "--min", paramLabel = "W", defaultValue = "1",
            description = "smallest width (default: ${DEFAULT-VALUE})")
    int min;

    @Option(names = "--max", paramLabel = "W", defaultValue = "65536",
            description = "largest width (default: ${DEFAULT-VALUE})")
    int max;

    @Option(names = "--resolution", paramLabel = "R", defaultValue = "0",
            description = "stop when the bracket is within this fraction of the width (default: ${DEFAULT-VALUE}, "
                    + "the exact smallest width)")
    double resolution;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "folder for results (default: runs, or the "
            + "script's output statement)")
    Path outDir;

    @Option(names = "--seed", paramLabel = "N", description = "seed, overriding the script's")
    Long seed;

    @Option(names = "--backend", paramLabel = "NAME", description = "compute backend, overriding the script's")
    String backend;

    @Option(names = "--threads", paramLabel = "N", description = "threads in total (default: all processors)")
    Integer threads;

    @Override
    public Integer call() {
        PrintWriter out = main.out();
        PrintWriter err = main.err();
        CompileOptions options = RunCommand.options(outDir, seed, backend, null);
        ExperimentCompiler compiler = main.injector().getInstance(ExperimentCompiler.class);
        var compiled = Scripts.compile(compiler, file, options, err);
        if (compiled.isEmpty()) {
            return Main.SCRIPT_ERROR;
        }
        ExperimentPlan base = compiled.get().plan().orElseThrow();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("gdcert: " + file + ": cannot read: " + e.getMessage());
            return Main.SCRIPT_ERROR;
        }
        int scriptRepeats = (int) base.runs().stream().filter(r -> r.binding("repeat").isPresent())
                .map(r -> r.binding("repeat").get()).distinct().count();
        int r = repeats != null ? repeats : scriptRepeats > 1 ? scriptRepeats : 3;
        int total = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        WidthFinder.Settings settings;
        try {
            settings = new WidthFinder.Settings(layer, r, fraction, min, max, resolution, Math.max(1, total));
        } catch (IllegalArgumentException e) {
            err.println("gdcert: " + e.getMessage());
            return Main.SCRIPT_ERROR;
        }
        Path dir = file.toAbsolutePath().getParent();
        WidthFinder.WidthCompiler atWidth = w -> compiler.compile(file.toString(), text, dir, options.withWidth(layer, w));
        WidthFinder finder = new WidthFinder(main.injector().getInstance(PlanExecutor.class));
        out.println(String.format(Locale.ROOT, "%s: smallest width of layer %d reaching the target in >= %d of %d "
                + "seeds, widths %d..%d -> %s", file, layer, settings.needed(), r, min, max,
                base.directory().resolve(WidthFinder.FOLDER)));
        out.flush();
        CtrlC ctrlC = CtrlC.install();
        WidthFinder.Result result;
        try {
            result = finder.find(base, atWidth, settings, listener(out), ctrlC.cancelled());
        } catch (IllegalArgumentException e) {
            err.println("gdcert: " + file + ": " + e.getMessage());
            return Main.SCRIPT_ERROR;
        } finally {
            ctrlC.release();
        }
        if (result.cancelled()) {
            return Main.RUN_FAILED;
        }
        for (WidthFinder.PointResult p : result.points()) {
            out.println(String.format(Locale.ROOT, "  %-24s N = %-6s smallest converging width: %s%s", p.label(),
                    p.samples().isPresent() ? Integer.toString(p.samples().getAsInt()) : "?",
                    p.bracket().smallest().isPresent() ? Integer.toString(p.bracket().smallest().getAsInt())
                            : "none up to " + p.trials().stream().mapToInt(WidthPlot.Trial::width).max().orElse(0),
                    p.bracket().monotone() ? "" : " (not monotone: " + p.bracket().largestFailing().getAsInt()
                            + " failed above it)"));
            if (!p.errors().isEmpty()) {
                err.println("gdcert: " + p.label() + ": " + p.errors().size() + " runs could not start, e.g. "
                        + p.errors().get(0));
            }
        }
        WidthReport.Written w = WidthReport.write(result, settings, base);
        out.println("table: " + w.csv());
        w.plot().ifPresent(p -> out.println("plot: " + p.svg()));
        out.println("report: " + w.report());
        if (result.error().isPresent()) {
            err.println("gdcert: " + file + ": the search stopped: " + result.error().get());
            return Main.SCRIPT_ERROR;
        }
        return 0;
    }

    private WidthFinder.Listener listener(PrintWriter out) {
        boolean terminal = main.terminal;
        return new WidthFinder.Listener() {
            private ProgressPrinter progress;

            @Override
            public PlanExecutor.Listener round(int round, int runs) {
                progress = new ProgressPrinter(out, terminal, runs);
                return progress;
            }

            @Override
            public void roundEnded() {
                if (progress != null) {
                    progress.clear();
                }
            }

            @Override
            public void tried(WidthFinder.PointResult point, WidthPlot.Trial trial) {
                out.println(String.format(Locale.ROOT, "  %-24s width %-7d %d/%d reached the target", point.label(),
                        trial.width(), trial.converged(), trial.runs()));
                out.flush();
            }
        };
    }
}
