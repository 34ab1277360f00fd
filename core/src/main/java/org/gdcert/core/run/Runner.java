package org.gdcert.core.run;

import com.google.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.BooleanSupplier;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.Condition;
import org.gdcert.core.engine.LayerSpec;
import org.gdcert.core.engine.Network;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.engine.Ntk;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.json.Json;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.random.Rng;
import org.gdcert.core.registry.PluginRegistry;
import org.gdcert.core.registry.Plugins;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Certificate;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.spi.DataContext;
import org.gdcert.core.spi.DataException;
import org.gdcert.core.spi.Dataset;
import org.gdcert.core.spi.Initializer;
import org.gdcert.core.spi.LabelSource;
import org.gdcert.core.spi.LayerContext;
import org.gdcert.core.spi.Matrix;
import org.gdcert.core.spi.Monitor;
import org.gdcert.core.spi.Optimizer;
import org.gdcert.core.spi.ParamValue;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.MonitorCheck;
import org.gdcert.core.train.TrainingProblem;
import org.gdcert.core.train.TrainingResult;

/**
 * Runs one {@link RunSpec}: data, θ0, certificates, step-size resolution, training under a
 * {@link RunControl}, and the run folder. A diverging or failing run still writes everything it
 * recorded and a summary saying what happened.
 */
public final class Runner {
    /** The version written to provenance. */
    public static final String VERSION = "0.1.0";
    /**
     * {@code eta=certified} uses this fraction of the certified bound η_max: the theorems need
     * η strictly below it, and seed 000's spec reports its numbers at 0.99·η_max.
     */
    public static final double CERTIFIED_FRACTION = 0.99;
    private final Plugins plugins;

    @Inject
    public Runner(Plugins plugins) {
        this.plugins = plugins;
    }

    /** The data and targets of a run, as the runner would load them. */
    public record LoadedData(Dataset dataset, HostMatrix inputs, HostMatrix targets) {
    }

    /** Loads data and labels of a run spec (also used by {@code gdcert check}). */
    public LoadedData loadData(DataSpec data, long seed) {
        return load(data, "data", data.labels(), data.baseDirectory(), seed, "",
                "`labels signs` or `labels onehot`");
    }

    /**
     * Loads the held-out data of a run: the holdout's source with its own random stream
     * ({@code holdout}, so a random source draws other points than the training data's), labelled
     * by the holdout's own label source, else by the training data's label source applied to the
     * held-out inputs with the training labels' stream (a teacher is the same teacher), else by the
     * source's own targets.
     */
    public LoadedData loadHoldout(DataSpec data, DataSpec holdout, long seed) {
        Path labelBase = holdout.labels().isPresent() ? holdout.baseDirectory() : data.baseDirectory();
        return load(holdout, "holdout", holdout.labels().or(data::labels), labelBase, seed, "holdout: ",
                "`holdout ... labels onehot`");
    }

    /** The source of {@code spec} on the seed's stream {@code stream}, labelled on its "labels" stream. */
    private LoadedData load(DataSpec spec, String stream, Optional<PluginChoice<LabelSource>> labels, Path labelBase,
            long seed, String what, String labelsHint) {
        Rng rng = Rng.of(seed);
        DataContext ctx = new DataContext(spec.baseDirectory(), rng.stream(stream), this::activationByName);
        Dataset ds = spec.source().create().instance().load(ctx);
        HostMatrix y;
        if (labels.isPresent()) {
            y = labels.get().create().instance().labels(ds, new DataContext(labelBase, rng.stream("labels"),
                    this::activationByName));
        } else {
            y = ds.targets().orElseThrow(() -> new RunException(what + "data source '" + spec.source().name()
                    + "' provides no targets; add labels, e.g. " + labelsHint));
        }
        if (y.rows() != ds.samples()) {
            throw new RunException(what + "labels have " + y.rows() + " rows for " + ds.samples() + " samples");
        }
        return new LoadedData(ds, ds.inputs(), y);
    }

    /**
     * Checks that held-out data fit the network; the message names what differs.
     *
     * @throws RunException if the input dimension or the number of target columns differs
     */
    public static void checkHoldoutShape(LoadedData holdout, NetworkSpec net) {
        if (holdout.inputs().cols() != net.inputDim()) {
            throw new RunException("holdout: the held-out data have d = " + holdout.inputs().cols()
                    + " but the network takes inputs of width " + net.inputDim() + " (the training data's d)");
        }
        if (holdout.targets().cols() != net.outputDim()) {
            throw new RunException("holdout: the held-out labels have " + holdout.targets().cols()
                    + " columns but the network has " + net.outputDim() + " outputs");
        }
    }

    private Optional<Activation> activationByName(String name) {
        return plugins.activations().find(name).map(p -> p.configureDefaults().instance());
    }

    /** Draws θ0: W_l by the layer's initializer from the stream "init#l", biases from "bias#l". */
    public static List<HostMatrix[]> initialize(NetworkSpec net, List<Configured<Initializer>> inits, HostMatrix x,
            HostMatrix y, long seed) {
        Rng rng = Rng.of(seed);
        List<HostMatrix[]> out = new ArrayList<>();
        List<HostMatrix> previous = new ArrayList<>();
        for (int l = 1; l <= net.depth(); l++) {
            LayerSpec ls = net.layer(l);
            LayerContext ctx = new LayerContext(l, net.depth(), net.width(l - 1), net.width(l), ls.activation(), x, y,
                    previous);
            HostMatrix w = new HostMatrix(net.width(l - 1), net.width(l));
            Initializer init = inits.get(l - 1).instance();
            init.initialize(ctx, w, rng.stream("init", l));
            HostMatrix b = null;
            if (ls.bias()) {
                b = new HostMatrix(1, net.width(l));
                init.initializeBias(ctx, b.data(), rng.stream("bias", l));
            }
            out.add(new HostMatrix[] {w, b});
            previous.add(w);
        }
        return out;
    }

    /** Runs with no listener and no cancellation. */
    public RunResult run(RunSpec spec) {
        return run(spec, RunListener.NONE, () -> false);
    }

    /**
     * Runs {@code spec}. Problems with the specification itself (data that do not fit the network,
     * {@code eta=certified} without a holding certificate) raise {@link RunException} before any
     * file is written; failures during training end in a FAILED or DIVERGED result with everything
     * recorded so far on disk.
     */
    public RunResult run(RunSpec spec, RunListener listener, BooleanSupplier cancelled) {
        long t0 = System.nanoTime();
        Instant started = Instant.now();
        Configured<Backend> backendC = spec.backend().create();
        try (Backend backend = backendC.instance()) {
            Prepared p = prepare(spec, backend, listener);
            return runOn(spec, backend, p, listener, cancelled, t0, started);
        }
    }

    /** What {@code gdcert check} shows: θ0's certificates and the step size training would use. */
    public record Check(RunSpec spec, int samples, int dimension, double initialLoss, List<CertificateReport> reports,
            double stepSize, String stepSizeSource) {
        public Check {
            reports = List.copyOf(reports);
        }
    }

    /** Loads data, draws θ0, resolves the step size and assesses the certificates, without training or writing. */
    public Check check(RunSpec spec, RunListener listener) {
        Configured<Backend> backendC = spec.backend().create();
        try (Backend backend = backendC.instance()) {
            Prepared p = prepare(spec, backend, listener);
            double eta = p.optimizer().params().schema().find("eta").isPresent()
                    && p.optimizer().params().symbol("eta").isEmpty() ? p.optimizer().params().getDouble("eta")
                    : Double.NaN;
            double phi0 = 0.5 * squaredDistance(backend, p.network(), p.x(), p.y());
            return new Check(spec, p.data().inputs().rows(), p.data().inputs().cols(), phi0, p.reports(), eta,
                    p.etaSource());
        }
    }

    /** Everything set up before training. */
    private record Prepared(LoadedData data, List<Configured<Initializer>> inits, List<HostMatrix> w0,
            List<HostMatrix> b0, Matrix x, Matrix y, ParameterSet params, ParameterSet initial, Network network,
            PluginChoice<Optimizer> optimizer, String etaSource, Axis axis, List<Configured<Certificate>> certs,
            CertificateContext context, List<CertificateReport> reports, Optional<LoadedData> holdout,
            Optional<Matrix[]> holdoutOnBackend) {
    }

    private Prepared prepare(RunSpec spec, Backend backend, RunListener listener) {
        LoadedData data;
        try {
            data = loadData(spec.data(), spec.seed());
        } catch (DataException e) {
            throw new RunException(e.getMessage(), e);
        }
        NetworkSpec net = spec.network();
        if (data.inputs().cols() != net.inputDim()) {
            throw new RunException("the network takes inputs of width " + net.inputDim() + " but the data have d = "
                    + data.inputs().cols());
        }
        if (data.targets().cols() != net.outputDim()) {
            throw new RunException("the network has " + net.outputDim() + " outputs but the labels have "
                    + data.targets().cols() + " columns");
        }
        Optional<LoadedData> holdout = Optional.empty();
        if (spec.holdout().isPresent()) {
            try {
                holdout = Optional.of(loadHoldout(spec.data(), spec.holdout().get(), spec.seed()));
            } catch (DataException e) {
                throw new RunException("holdout: " + e.getMessage(), e);
            }
            checkHoldoutShape(holdout.get(), net);
        }
        List<Configured<Initializer>> inits = spec.initializers().stream().map(PluginChoice::create).toList();
        List<HostMatrix[]> theta0 = initialize(net, inits, data.inputs(), data.targets(), spec.seed());
        List<HostMatrix> w0 = theta0.stream().map(a -> a[0]).toList();
        List<HostMatrix> b0 = new ArrayList<>();
        theta0.forEach(a -> b0.add(a[1]));
        Matrix x = backend.upload(data.inputs());
        Matrix y = backend.upload(data.targets());
        Optional<Matrix[]> holdoutOnBackend = holdout.map(h -> new Matrix[] {backend.upload(h.inputs()),
                backend.upload(h.targets())});
        ParameterSet params = ParameterSet.upload(net, backend, w0, b0);
        ParameterSet initial = params.copy();
        Network network = new Network(params);

        PluginChoice<Optimizer> optChoice = spec.optimizer();
        String etaSource = "given";
        boolean hasEta = optChoice.params().schema().find("eta").isPresent();
        Optional<String> etaSymbol = hasEta ? optChoice.params().symbol("eta") : Optional.empty();
        Axis axis = optChoice.provider() instanceof org.gdcert.core.spi.OptimizerProvider op ? op.axis() : Axis.STEP;
        if (etaSymbol.isPresent() && etaSymbol.get().equals("auto")) {
            double lambdaMax = ntkLambdaMax(network, x, spec.seed());
            double c = spec.reduction().gradientMultiplier(data.inputs().rows(), net.outputDim());
            double eta = 1 / (c * lambdaMax);
            optChoice = optChoice.with("eta", ParamValue.Num.of(eta));
            etaSource = String.format(Locale.ROOT, "auto: 1/λ_max(NTK) with λ_max = %.6g", lambdaMax);
            listener.message(String.format(Locale.ROOT, "eta=auto: η = %.6g = 1/λ_max(NTK at θ0), λ_max = %.6g", eta,
                    lambdaMax));
        }
        OptionalDouble known = hasEta && optChoice.params().symbol("eta").isEmpty()
                ? OptionalDouble.of(optChoice.params().getDouble("eta")) : OptionalDouble.empty();

        List<Configured<Certificate>> certs = spec.certificates().stream().map(PluginChoice::create).toList();
        CertificateContext ctx = context(spec, network, data, w0, b0, inits, optChoice, axis, known);
        List<CertificateReport> reports = assess(certs, ctx);
        if (etaSymbol.isPresent() && etaSymbol.get().equals("certified")) {
            List<CertificateReport> first = reports;
            CertificateReport holding = first.stream()
                    .filter(r -> r.holds() && r.stepSizeBound().isPresent()).findFirst()
                    .orElseThrow(() -> new RunException(noCertifiedStepMessage(first)));
            double bound = holding.stepSizeBound().getAsDouble();
            double eta = CERTIFIED_FRACTION * bound;
            optChoice = optChoice.with("eta", ParamValue.Num.of(eta));
            etaSource = String.format(Locale.ROOT, "certified: %.2f x the bound %.6g of %s (%s)", CERTIFIED_FRACTION,
                    bound, holding.checker(), holding.theorem());
            listener.message(String.format(Locale.ROOT, "eta=certified: η = %.6g = %.2f × η_max of %s", eta,
                    CERTIFIED_FRACTION, holding.checker()));
            ctx = context(spec, network, data, w0, b0, inits, optChoice, axis, OptionalDouble.of(eta));
            reports = assess(certs, ctx);
        }
        return new Prepared(data, inits, w0, b0, x, y, params, initial, network, optChoice, etaSource, axis, certs, ctx,
                reports, holdout, holdoutOnBackend);
    }

    /**
     * λ_max of the empirical NTK J Jᵀ at θ0, matrix-free on JVP/VJP products: power iteration to a
     * relative change of 1e-10, and where the top of the spectrum is clustered (many outputs) and
     * the power iteration has not settled after {@value #POWER_ITERATIONS} products, Lanczos
     * with full reorthogonalization on the same operator.
     */
    static double ntkLambdaMax(Network network, Matrix x, long seed) {
        Ntk.PowerResult pr = Ntk.lambdaMax(network, x, 1e-10, POWER_ITERATIONS, seed);
        if (pr.relativeChange() < 1e-10) {
            return pr.value();
        }
        try (org.gdcert.core.spectral.NetworkJacobian jac = org.gdcert.core.spectral.NetworkJacobian.at(network, x);
                org.gdcert.core.spectral.SpectralSolver solver = new org.gdcert.core.spectral.SpectralSolver(
                        org.gdcert.core.spectral.SpectralOptions.defaults().withSeed(seed).withTolerance(1e-12))) {
            return Math.max(pr.value(), solver.lambdaMax(jac.ntk()).value());
        }
    }

    /** Power-iteration products before {@code eta=auto} turns to Lanczos. */
    static final int POWER_ITERATIONS = 300;

    private RunResult runOn(RunSpec spec, Backend backend, Prepared p, RunListener listener, BooleanSupplier cancelled,
            long t0, Instant started) {
        LoadedData data = p.data();
        List<HostMatrix> w0 = p.w0();
        List<HostMatrix> b0 = p.b0();
        Matrix x = p.x();
        Matrix y = p.y();
        ParameterSet params = p.params();
        Network network = p.network();
        List<Configured<Certificate>> certs = p.certs();
        List<CertificateReport> reports = p.reports();
        CertificateContext ctx = p.context();
        String etaSource = p.etaSource();
        Configured<Optimizer> optimizer = p.optimizer().create();
        double eta = optimizer.instance().stepSize().orElse(Double.NaN);

        ResultWriter out = new ResultWriter(spec.directory());
        out.writeText("experiment.exp", spec.source());
        out.writeText("certificates.json", Json.write(reports.stream().map(ReportJson::report).toList()));
        out.writeNpy("X.npy", data.inputs());
        out.writeNpy("Y.npy", data.targets());
        p.holdout().ifPresent(h -> {
            out.writeNpy("X_holdout.npy", h.inputs());
            out.writeNpy("Y_holdout.npy", h.targets());
        });
        writeTheta(out, "theta0", w0, b0);
        Provenance prov = provenance(spec, backend, data, p.inits(), optimizer, certs, started);
        out.writeText("provenance.json", Json.write(provenanceJson(prov)));

        List<RunControl.Watched> watched = new ArrayList<>();
        for (MonitorChoice mc : spec.monitors()) {
            Monitor m = mc.monitor().create().instance();
            if (p.holdoutOnBackend().isPresent()) {
                m = m.withHoldout(p.holdoutOnBackend().get()[0], p.holdoutOnBackend().get()[1]);
            }
            watched.add(new RunControl.Watched(m, mc.every()));
        }
        for (int i = 0; i < certs.size(); i++) {
            Optional<Monitor> m;
            try {
                m = certs.get(i).instance().monitor(reports.get(i), ctx);
            } catch (RuntimeException e) {
                listener.message("monitor of " + certs.get(i).name() + " failed to start: " + e.getMessage());
                m = Optional.empty();
            }
            m.ifPresent(mon -> watched.add(new RunControl.Watched(mon, 1)));
        }
        RunControl control = new RunControl(spec.runId(), spec.stop(), spec.schedule(), network, x, y, p.initial(), p.axis(),
                eta, watched, out::appendRow, listener, cancelled);
        out.startTrajectory(control.trajectory().columns());
        double initialLoss = 0.5 * squaredDistance(backend, network, x, y);

        Optional<TrainingResult> tr = Optional.empty();
        RunStatus status;
        String message;
        try {
            TrainingResult r = optimizer.instance().train(new TrainingProblem(network, x, y, spec.reduction(),
                    Rng.of(spec.seed()).stream("sampler")), control);
            tr = Optional.of(r);
            status = switch (r.reason()) {
                case DIVERGED -> RunStatus.DIVERGED;
                case CANCELLED -> RunStatus.CANCELLED;
                case STALLED -> RunStatus.FAILED;
                default -> RunStatus.COMPLETED;
            };
            message = r.message().isEmpty() ? r.reason().text() : r.message();
        } catch (IllegalArgumentException | IllegalStateException e) {
            // an optimizer refusing the problem explains itself in its message
            status = RunStatus.FAILED;
            message = "training failed: " + (e.getMessage() == null ? e.toString() : e.getMessage());
            tr = Optional.of(new TrainingResult(org.gdcert.core.train.StopReason.STALLED, message,
                    Math.max(0, control.lastStep()), control.lastTime(), control.lastLoss(), 0, Map.of()));
        } catch (RuntimeException e) {
            status = RunStatus.FAILED;
            message = "training failed: " + e;
            tr = Optional.of(new TrainingResult(org.gdcert.core.train.StopReason.STALLED, message,
                    Math.max(0, control.lastStep()), control.lastTime(), control.lastLoss(), 0, Map.of()));
        } finally {
            out.finishTrajectory();
        }
        writeTheta(out, "theta_final", params.downloadWeights(), params.downloadBiases());
        List<MonitorCheck> checks = new ArrayList<>();
        for (RunControl.Watched w : watched) {
            checks.addAll(w.monitor().checks());
        }
        double wall = (System.nanoTime() - t0) * 1e-9;
        RunResult result = new RunResult(spec, status, message, tr, reports, checks, eta, etaSource, initialLoss, wall,
                out.directory(), control.trajectory());
        out.writeText(ResultWriter.SUMMARY, Json.write(summaryJson(result, control, data.inputs().rows(), p.axis())));
        control.close();
        return result;
    }

    private static double squaredDistance(Backend b, Network net, Matrix x, Matrix y) {
        try (var fp = net.newForwardPass(x.rows())) {
            net.forward(x, fp);
            return 2 * net.loss(fp, y);
        }
    }

    private CertificateContext context(RunSpec spec, Network network, LoadedData data, List<HostMatrix> w0,
            List<HostMatrix> b0, List<Configured<Initializer>> inits, PluginChoice<Optimizer> opt, Axis axis,
            OptionalDouble eta) {
        return new CertificateContext(spec.network(), network, data.inputs(), data.targets(), w0, b0, inits, opt.name(),
                opt.params(), axis, eta, spec.reduction(), spec.seed());
    }

    private static List<CertificateReport> assess(List<Configured<Certificate>> certs, CertificateContext ctx) {
        List<CertificateReport> reports = new ArrayList<>();
        for (Configured<Certificate> c : certs) {
            try {
                reports.add(c.instance().assess(ctx));
            } catch (RuntimeException e) {
                reports.add(CertificateReport.inapplicable(c.name(), "", List.of("the checker failed: " + e),
                        List.of()));
            }
        }
        return reports;
    }

    static String noCertifiedStepMessage(List<CertificateReport> reports) {
        if (reports.isEmpty()) {
            return "eta=certified needs a certificate: add e.g. `certify nguyen_mondelli`";
        }
        StringBuilder sb = new StringBuilder("eta=certified: no certificate holds");
        for (CertificateReport r : reports) {
            sb.append("\n  ").append(r.checker()).append(": ").append(r.verdict());
            if (!r.reasons().isEmpty()) {
                sb.append(" (").append(String.join("; ", r.reasons())).append(')');
            }
            for (Condition c : r.conditions()) {
                if (!c.holds()) {
                    sb.append(String.format(Locale.ROOT, "\n    %s %s: %.4g %s %.4g fails by a factor %.3g", c.id(),
                            c.equation(), c.lhs(), c.relation(), c.rhs(), c.slack()));
                }
            }
        }
        return sb.toString();
    }

    private static void writeTheta(ResultWriter out, String prefix, List<HostMatrix> ws, List<HostMatrix> bs) {
        for (int l = 1; l <= ws.size(); l++) {
            out.writeNpy(prefix + "_W" + l + ".npy", ws.get(l - 1));
            if (bs.get(l - 1) != null) {
                out.writeNpy(prefix + "_b" + l + ".npy", bs.get(l - 1));
            }
        }
    }

    private Provenance provenance(RunSpec spec, Backend backend, LoadedData data, List<Configured<Initializer>> inits,
            Configured<Optimizer> opt, List<Configured<Certificate>> certs, Instant started) {
        List<Map<String, String>> used = new ArrayList<>();
        addPlugin(used, "data", spec.data().source().provider(), spec.data().source().toString());
        spec.data().labels().ifPresent(l -> addPlugin(used, "labels", l.provider(), l.toString()));
        spec.holdout().ifPresent(h -> {
            addPlugin(used, "holdout data", h.source().provider(), h.source().toString());
            h.labels().ifPresent(l -> addPlugin(used, "holdout labels", l.provider(), l.toString()));
        });
        for (int l = 1; l <= spec.network().depth(); l++) {
            LayerSpec ls = spec.network().layer(l);
            final int layer = l;
            ls.activation().ifPresent(a -> plugins.activations().find(a.name()).ifPresent(p -> addPlugin(used,
                    "activation (layer " + layer + ")", p, a.toString())));
            addPlugin(used, "initializer (layer " + l + ")", spec.initializers().get(l - 1).provider(),
                    inits.get(l - 1).toString());
        }
        addPlugin(used, "optimizer", spec.optimizer().provider(), opt.toString());
        addPlugin(used, "backend", spec.backend().provider(), spec.backend().toString());
        for (int i = 0; i < certs.size(); i++) {
            addPlugin(used, "certificate", spec.certificates().get(i).provider(), certs.get(i).toString());
        }
        for (MonitorChoice m : spec.monitors()) {
            addPlugin(used, "monitor", m.monitor().provider(), m.monitor().toString());
        }
        return new Provenance(VERSION, spec.seed(), System.getProperty("java.version"),
                System.getProperty("java.vendor") + " " + System.getProperty("java.vm.name"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), backend.describe() + "; chosen by " + spec.backendOrigin(), used,
                org.gdcert.core.data.Datasets.fingerprint(data.inputs(), data.targets()), data.dataset().description(), sha256(spec.source()),
                started, spec.bindings());
    }

    private static void addPlugin(List<Map<String, String>> used, String role, Object provider, String config) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("role", role);
        m.put("plugin", config);
        m.put("class", provider.getClass().getName());
        m.put("origin", PluginRegistry.describeOrigin(provider));
        used.add(m);
    }

    static Map<String, Object> provenanceJson(Provenance p) {
        return Json.object().put("gdcert_version", p.gdcertVersion()).put("seed", p.seed())
                .put("java_version", p.javaVersion()).put("java_vendor", p.javaVendor()).put("os", p.os())
                .put("processors", p.processors()).put("backend", p.backend()).put("plugins", p.plugins())
                .put("data", p.data()).put("data_sha256", p.dataFingerprint()).put("source_sha256", p.sourceSha256())
                .put("started", p.started().toString()).put("bindings", p.bindings()).build();
    }

    /**
     * The summary; {@code samples}, {@code widths} (n_0..n_L) and {@code axis} (STEP or TIME) let
     * plots and aggregates be drawn from the run folder alone.
     */
    private static Map<String, Object> summaryJson(RunResult r, RunControl control, int samples, Axis axis) {
        NetworkSpec net = r.spec().network();
        int[] widths = new int[net.depth() + 1];
        for (int l = 0; l <= net.depth(); l++) {
            widths[l] = net.width(l);
        }
        Json.Obj o = Json.object().put("experiment", r.spec().experiment()).put("run", r.spec().runId())
                .put("bindings", r.spec().bindings()).put("seed", r.spec().seed()).put("samples", samples)
                .put("widths", widths).put("axis", axis).put("status", r.status())
                .put("message", r.message()).put("initial_loss", r.initialLoss()).put("final_loss", r.finalLoss())
                .put("steps", r.steps()).put("step_size", r.stepSize()).put("step_size_source", r.stepSizeSource())
                .put("wall_seconds", r.wallSeconds());
        r.training().ifPresent(t -> o.put("stop_reason", t.reason()).put("final_time", t.time())
                .put("gradient_evaluations", t.gradientEvaluations()).put("counters", t.counters()));
        List<Object> verdicts = new ArrayList<>();
        for (CertificateReport c : r.certificates()) {
            verdicts.add(Json.object().put("checker", c.checker()).put("verdict", c.verdict())
                    .put("step_size_bound", c.stepSizeBound()).put("rate", c.rate()).build());
        }
        o.put("certificates", verdicts);
        o.put("checks", r.checks().stream().map(ReportJson::check).toList());
        o.put("notes", control.notes());
        return o.build();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
