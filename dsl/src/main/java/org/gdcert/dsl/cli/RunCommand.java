package org.gdcert.dsl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.run.ExperimentPlan;
import org.gdcert.core.run.PlanExecutor;
import org.gdcert.core.run.ReportText;
import org.gdcert.core.run.ResultWriter;
import org.gdcert.core.run.RunResult;
import org.gdcert.core.run.RunSpec;
import org.gdcert.core.run.RunStatus;
import org.gdcert.dsl.compile.CompileOptions;
import org.gdcert.dsl.compile.ExperimentCompiler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code gdcert run FILE...}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run experiments: build data and network, assess the certificates on θ0, train, check the "
                + "trajectory against the guarantees, and write the results under runs/<experiment>/<run>/.",
                "Running a script again resumes it: finished runs are skipped (use --fresh for a new folder)."})
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "experiment scripts (.exp)")
    List<Path> files;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "folder for results (default: runs, or the "
            + "script's output statement)")
    Path outDir;

    @Option(names = "--seed", paramLabel = "N", description = "seed, overriding the script's")
    Long seed;

    @Option(names = "--backend", paramLabel = "NAME", description = "compute backend (java, vector, ...), overriding "
            + "the script's")
    String backend;

    @Option(names = "--threads", paramLabel = "N", description = "threads in total (default: all processors)")
    Integer threads;

    @Option(names = "--fresh", description = "write into a new folder even if results of this script exist")
    boolean fresh;

    @Override
    public Integer call() {
        PrintWriter out = main.out();
        PrintWriter err = main.err();
        CompileOptions options = options(outDir, seed, backend, null);
        ExperimentCompiler compiler = main.injector().getInstance(ExperimentCompiler.class);
        List<ExperimentPlan> plans = new ArrayList<>();
        boolean bad = false;
        for (Path f : files) {
            var c = Scripts.compile(compiler, f, options, err);
            if (c.isEmpty()) {
                bad = true;
            } else {
                plans.add(c.get().plan().orElseThrow());
            }
        }
        if (bad) {
            return Main.SCRIPT_ERROR;
        }
        int total = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (total < 1) {
            err.println("gdcert: --threads must be at least 1");
            return Main.SCRIPT_ERROR;
        }
        PlanExecutor executor = main.injector().getInstance(PlanExecutor.class);
        int code = 0;
        for (ExperimentPlan plan : plans) {
            if (fresh) {
                plan = freshCopy(plan);
            }
            code = Math.max(code, execute(plan, executor, total, out, err));
            PlotCommand.afterRun(plan.directory(), total, out, err);
        }
        return code;
    }

    static CompileOptions options(Path outDir, Long seed, String backend, Integer threads) {
        CompileOptions o = CompileOptions.defaults();
        if (outDir != null) {
            o = o.withOutputRoot(outDir);
        }
        if (seed != null) {
            o = o.withSeed(seed);
        }
        if (backend != null) {
            o = o.withBackend(backend);
        }
        if (threads != null) {
            o = o.withThreads(threads);
        }
        return o;
    }

    private static ExperimentPlan freshCopy(ExperimentPlan plan) {
        Path dir = ResultWriter.uniqueDirectory(plan.directory());
        String name = dir.getFileName().toString();
        List<RunSpec> runs = plan.runs().stream().map(r -> r.withExperiment(name)).toList();
        return new ExperimentPlan(name, plan.scriptFile(), plan.source(), plan.sweepVariables(), runs);
    }

    /** Runs a plan; returns the exit code (0, 1 a run failed, 2 a run could not start as written). */
    private int execute(ExperimentPlan plan, PlanExecutor executor, int threads, PrintWriter out, PrintWriter err) {
        int n = plan.runs().size();
        try {
            Files.createDirectories(plan.directory());
        } catch (IOException e) {
            err.println("gdcert: " + plan.scriptFile() + ": cannot create the results folder " + plan.directory() + ": "
                    + ioReason(e));
            return Main.SCRIPT_ERROR;
        }
        out.println(plan.scriptFile() + ": " + (n == 1 ? "1 run" : n + " runs") + " -> " + plan.directory());
        out.flush();
        ProgressPrinter progress = new ProgressPrinter(out, main.terminal, n);
        CtrlC ctrlC = CtrlC.install();
        long start = System.nanoTime();
        try {
            PlanExecutor.PlanResult result = executor.execute(plan, new PlanExecutor.Options(threads, true), progress,
                    ctrlC.cancelled());
            progress.clear();
            return report(plan, result, (System.nanoTime() - start) * 1e-9, out, err);
        } finally {
            // after the report, so that Ctrl-C still shows what was done before the JVM exits
            out.flush();
            err.flush();
            ctrlC.release();
        }
    }

    /** Prints the outcome of a plan; returns the exit code. */
    private static int report(ExperimentPlan plan, PlanExecutor.PlanResult result, double seconds, PrintWriter out,
            PrintWriter err) {
        int n = plan.runs().size();
        if (n == 1) {
            PlanExecutor.Outcome o = result.outcomes().get(0);
            if (o.error().isPresent() && !notStarted(o)) {
                err.println("gdcert: " + plan.scriptFile() + ": " + o.error().get());
                return Main.SCRIPT_ERROR;
            }
            if (o.skipped()) {
                out.println("already done: results in " + o.spec().directory() + " (use --fresh to run again)");
                return 0;
            }
            if (o.result().isEmpty()) { // cancelled before it began
                out.println("cancelled; run the same command again to resume");
                return Main.RUN_FAILED;
            }
            summarize(o.result().orElseThrow(), out);
            if (o.result().get().status() == RunStatus.CANCELLED) {
                out.println("cancelled; run the same command again to start it afresh");
            }
        } else {
            long ok = result.outcomes().stream().filter(o -> o.skipped() || o.result().map(r -> r.status().isSuccess())
                    .orElse(false)).count();
            long skipped = result.outcomes().stream().filter(PlanExecutor.Outcome::skipped).count();
            long notStarted = result.outcomes().stream().filter(RunCommand::notStarted).count();
            out.println(String.format(Locale.ROOT, "%d of %d runs succeeded%s in %s; table: %s", ok, n,
                    skipped == n ? " (all were already done; use --fresh to run again)"
                            : skipped > 0 ? " (" + skipped + (skipped == 1 ? " was" : " were") + " already done)" : "",
                    ProgressPrinter.duration(seconds), result.results().map(Path::toString).orElse("-")));
            if (notStarted > 0 || result.outcomes().stream().anyMatch(o -> o.result().map(r -> r.status()
                    == RunStatus.CANCELLED).orElse(false))) {
                out.println("cancelled" + (notStarted > 0 ? " (" + notStarted + " runs not started)" : "")
                        + "; run the same command again to resume");
            }
            result.outcomes().stream().filter(o -> o.error().isPresent() && !notStarted(o)).forEach(o -> err.println(
                    "gdcert: " + plan.scriptFile() + ": " + o.spec().runId() + ": " + o.error().get()));
        }
        out.flush();
        err.flush();
        if (result.outcomes().stream().anyMatch(o -> o.error().isPresent() && !notStarted(o))) {
            return Main.SCRIPT_ERROR;
        }
        return result.allSucceeded() ? 0 : Main.RUN_FAILED;
    }

    private static boolean notStarted(PlanExecutor.Outcome o) {
        return o.error().map(PlanExecutor.NOT_STARTED::equals).orElse(false);
    }

    /** What went wrong with a file operation, in words (the JDK's messages are often just the path). */
    static String ioReason(IOException e) {
        if (e instanceof NoSuchFileException x) {
            return x.getFile() + ": no such file or folder";
        }
        if (e instanceof AccessDeniedException x) {
            return x.getFile() + ": permission denied";
        }
        if (e instanceof FileAlreadyExistsException x) {
            return x.getFile() + ": a file of that name is in the way";
        }
        if (e instanceof NotDirectoryException x) {
            return x.getFile() + ": not a folder";
        }
        if (e instanceof FileSystemException x) {
            return x.getFile() + ": " + (x.getReason() != null ? x.getReason() : "cannot be created");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The human summary of one run: certificates, monitors, final numbers, where the results are. */
    static void summarize(RunResult r, PrintWriter out) {
        if (!r.certificates().isEmpty()) {
            out.println("certificates on θ0:");
            for (CertificateReport c : r.certificates()) {
                out.print(indent(ReportText.report(c, false)));
            }
        }
        if (!r.checks().isEmpty()) {
            out.println("along training:");
            out.print(ReportText.checks(r.checks()));
        }
        String eta = Double.isNaN(r.stepSize()) ? "" : String.format(Locale.ROOT, ", η = %.4g (%s)", r.stepSize(),
                r.stepSizeSource());
        out.println(String.format(Locale.ROOT, "%s: %s; loss %.4e -> %.4e after %d steps%s; %s", r.spec().runId(),
                r.status().name().toLowerCase(Locale.ROOT), r.initialLoss(), r.finalLoss(), r.steps(), eta,
                ProgressPrinter.duration(r.wallSeconds())));
        if (!r.status().isSuccess()) {
            out.println("  " + r.message());
        }
        out.println("results: " + r.directory());
    }

    private static String indent(String s) {
        StringBuilder sb = new StringBuilder();
        for (String line : s.split("\n", -1)) {
            if (!line.isEmpty()) {
                sb.append("  ").append(line);
            }
            sb.append('\n');
        }
        return sb.toString().replaceAll("\n+$", "\n");
    }
}
