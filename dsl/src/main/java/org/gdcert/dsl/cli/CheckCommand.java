package org.gdcert.dsl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.engine.LayerSpec;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.run.ExperimentPlan;
import org.gdcert.core.run.MonitorChoice;
import org.gdcert.core.run.ReportText;
import org.gdcert.core.run.RunException;
import org.gdcert.core.run.RunListener;
import org.gdcert.core.run.RunSpec;
import org.gdcert.core.run.Runner;
import org.gdcert.core.train.StopRules;
import org.gdcert.dsl.compile.ExperimentCompiler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code gdcert check FILE}: validate and show the expanded plan and the certificates, without training. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Parse and validate a script, print the runs it expands into, and assess its certificates on "
                + "θ0 (data are loaded and θ0 drawn, but nothing is trained or written)."})
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(paramLabel = "FILE", description = "an experiment script (.exp)")
    Path file;

    @Option(names = "--seed", paramLabel = "N", description = "seed, overriding the script's")
    Long seed;

    @Option(names = "--backend", paramLabel = "NAME", description = "compute backend, overriding the script's")
    String backend;

    @Option(names = "--threads", paramLabel = "N", description = "backend threads")
    Integer threads;

    @Option(names = "--all", description = "assess the certificates of every run (default: the first)")
    boolean all;

    @Option(names = "--no-certificates", negatable = true, description = "assess certificates (default: yes)")
    boolean certificates = true;

    @Override
    public Integer call() {
        PrintWriter out = main.out();
        PrintWriter err = main.err();
        ExperimentCompiler compiler = main.injector().getInstance(ExperimentCompiler.class);
        var c = Scripts.compile(compiler, file, RunCommand.options(null, seed, backend, threads), err);
        if (c.isEmpty()) {
            return Main.SCRIPT_ERROR;
        }
        ExperimentPlan plan = c.get().plan().orElseThrow();
        out.println(file + ": ok, " + (plan.runs().size() == 1 ? "1 run" : plan.runs().size() + " runs")
                + (plan.sweepVariables().isEmpty() ? "" : " over " + String.join(", ", plan.sweepVariables()))
                + " -> " + plan.directory());
        int shown = 0;
        for (RunSpec r : plan.runs()) {
            if (shown++ < 20 || all) {
                out.print(describe(r));
            }
        }
        if (shown > 20 && !all) {
            out.println("  ... " + (shown - 20) + " more runs (--all shows them)");
        }
        if (!certificates) {
            return 0;
        }
        Runner runner = main.injector().getInstance(Runner.class);
        List<RunSpec> toCheck = all ? plan.runs() : plan.runs().subList(0, 1);
        for (RunSpec r : toCheck) {
            try {
                Runner.Check check = runner.check(r, RunListener.NONE);
                out.println(String.format(Locale.ROOT, "%s: N = %d, d = %d, Φ(θ0) = %.6g%s", r.runId(), check.samples(),
                        check.dimension(), check.initialLoss(), Double.isNaN(check.stepSize()) ? ""
                                : String.format(Locale.ROOT, ", η = %.6g (%s)", check.stepSize(), check.stepSizeSource())));
                for (CertificateReport rep : check.reports()) {
                    out.print(ReportText.report(rep, true));
                }
            } catch (RunException e) {
                err.println("gdcert: " + file + ": " + r.runId() + ": " + e.getMessage());
                return Main.SCRIPT_ERROR;
            }
        }
        out.flush();
        return 0;
    }

    static String describe(RunSpec r) {
        StringBuilder sb = new StringBuilder();
        sb.append("  run ").append(r.runId());
        if (!r.bindings().isEmpty()) {
            sb.append("  ").append(r.bindings());
        }
        sb.append("  seed ").append(r.seed()).append('\n');
        sb.append("    data      ").append(r.data()).append('\n');
        r.holdout().ifPresent(h -> sb.append("    holdout   ").append(h).append('\n'));
        NetworkSpec net = r.network();
        sb.append("    net       ").append(net.widthsText()).append("  (").append(net.parameterization())
                .append(" parameterization, ").append(net.trainableParameterCount()).append(" trainable parameters)\n");
        for (int l = 1; l <= net.depth(); l++) {
            LayerSpec s = net.layer(l);
            sb.append("    layer ").append(l).append("   ").append(s.activation().map(Object::toString).orElse("linear"))
                    .append(", init ").append(r.initializers().get(l - 1));
            if (s.bias()) {
                sb.append(", bias");
            }
            if (!s.trainable()) {
                sb.append(", frozen");
            }
            if (s.residual()) {
                sb.append(", residual");
            }
            if (s.branchScale() != 1 || s.weightScale() != 1) {
                sb.append(String.format(Locale.ROOT, ", scales %.6g/%.6g", s.weightScale(), s.branchScale()));
            }
            sb.append('\n');
        }
        sb.append("    train     ").append(r.optimizer()).append(", loss ").append(r.reduction().name()
                .toLowerCase(Locale.ROOT)).append('\n');
        sb.append("    stop      ").append(stop(r.stop())).append('\n');
        if (!r.certificates().isEmpty()) {
            sb.append("    certify   ").append(r.certificates()).append('\n');
        }
        for (MonitorChoice m : r.monitors()) {
            sb.append("    monitor   ").append(m.monitor()).append(" every ").append(m.every()).append(" records\n");
        }
        sb.append("    backend   ").append(r.backend()).append('\n');
        return sb.toString();
    }

    private static String stop(StopRules s) {
        StringBuilder sb = new StringBuilder();
        if (s.maxSteps() < ExperimentCompiler.CONTINUOUS_STEP_BUDGET) {
            sb.append("steps ").append(s.maxSteps());
        }
        if (Double.isFinite(s.maxTime())) {
            sb.append(sb.length() > 0 ? ", " : "").append("t = ").append(s.maxTime());
        }
        if (s.lossBelow() > 0) {
            sb.append(sb.length() > 0 ? ", " : "").append("loss < ").append(s.lossBelow());
        }
        if (s.residualBelow() > 0) {
            sb.append(sb.length() > 0 ? ", " : "").append("residual < ").append(s.residualBelow());
        }
        if (Double.isFinite(s.wallSeconds())) {
            sb.append(sb.length() > 0 ? ", " : "").append("wall time ").append(ProgressPrinter.duration(s.wallSeconds()));
        }
        return sb.toString();
    }
}
