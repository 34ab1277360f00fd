package org.gdcert.certificates.du;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.engine.LayerSpec;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProperties;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.spi.Initializer;
import org.gdcert.core.spi.ParamValue;
import org.gdcert.core.spi.ValidatedParams;
import org.gdcert.core.train.Axis;

/**
 * Phase A of the checker (spec certificates-du.md §5.2): the exact decisions on architecture,
 * parameterization, activation, data, initialization and optimizer, each with its reason code.
 * A failed decision makes the verdict INAPPLICABLE; the structure, when it maps onto one of the
 * paper's models at all, is still returned so that diagnostics can run.
 */
final class Applicability {
    /** Initializers that sample i.i.d. N(0,1) whatever the layer (seed 002's construction). */
    static final Set<String> UNIT_GAUSSIAN = Set.of("standard_normal", "du", "du_ntk", "ntk", "seed002");
    /** Initializers whose name says they sample N(0, v) with a parameter for v or its square root. */
    static final Set<String> GAUSSIAN = Set.of("gaussian", "normal");
    /** Fan-scaled or non-Gaussian initializers of the standard parameterization. */
    static final Set<String> STANDARD = Set.of("lecun", "he", "kaiming", "xavier", "glorot", "orthogonal", "uniform",
            "zero", "zeros", "identity", "scaled_identity", "signs", "song", "shallow_gaussian", "n21_cor32",
            "n21_scaled", "nm20_autoscale", "nm20_pyramidal");

    /** The decisions, the model when the layers map onto one, and c_σ. */
    record Result(List<CheckItem> checks, Optional<DuModel> model, double cSigma, double etaPaper, double etaGiven,
            double etaConversion) {
        Result {
            checks = List.copyOf(checks);
        }

        boolean applicable() {
            return model.isPresent() && checks.stream().noneMatch(c -> c.status().excludes());
        }

        /** Whether only the optimizer is outside the theorems (monitors still run, spec §5.9). */
        boolean onlyOptimizerNotCovered() {
            List<CheckItem> excluded = failures();
            return model.isPresent() && !excluded.isEmpty()
                    && excluded.stream().allMatch(c -> c.status() == CheckItem.Status.NOT_COVERED);
        }

        List<CheckItem> failures() {
            return checks.stream().filter(c -> c.status().excludes()).toList();
        }
    }

    private Applicability() {
    }

    static Result analyze(CertificateContext ctx, DuSettings settings) {
        List<CheckItem> checks = new ArrayList<>();
        NetworkSpec spec = ctx.spec();
        double eta = ctx.stepSize().orElse(Double.NaN);
        double conv = ctx.reduction().gradientMultiplier(ctx.samples(), spec.outputDim());
        if (settings.arch().equals("convresnet")) {
            checks.add(CheckItem.fail("DU-ARCH-01", "the convolutional ResNet of Theorem 7.1 is not supported yet: "
                    + "gdcert's network engine has no convolution layers (spec §1.4 comes with convolution support)"));
            return new Result(checks, Optional.empty(), Double.NaN, eta * conv, eta, conv);
        }
        Optional<DuModel> model = structure(spec, settings, checks);
        double cSigma = Double.NaN;
        if (model.isPresent()) {
            DuModel m = model.get();
            GaussianExpectations e = new GaussianExpectations(m.sigma(), settings.quadrature());
            cSigma = e.cSigma();
            model = Optional.of(scales(spec, m, cSigma, checks));
            activation(m.activation(), checks);
        }
        data(ctx, settings, checks);
        initialization(ctx, checks);
        optimizer(ctx, checks, eta, conv);
        return new Result(checks, model, cSigma, eta * conv, eta, conv);
    }

    /** DU-ARCH-01/03/04 and the residual pattern; empty when the layers are not one of the models. */
    private static Optional<DuModel> structure(NetworkSpec spec, DuSettings settings, List<CheckItem> checks) {
        int layers = spec.depth();
        int depth = layers - 1;
        if (depth < 1) {
            checks.add(CheckItem.fail("DU-ARCH-01", "the network has no hidden layer; seed 002's models have H >= 1 "
                    + "hidden layers and an output vector a"));
            return Optional.empty();
        }
        boolean ok = true;
        LayerSpec out = spec.layer(layers);
        if (out.width() != 1) {
            checks.add(CheckItem.fail("DU-ARCH-01", "the output has " + out.width()
                    + " units; Theorems 5.1/6.1 are for a scalar output f = aᵀx^(H)"));
            ok = false;
        }
        for (int l = 1; l <= layers; l++) {
            if (spec.layer(l).bias()) {
                checks.add(CheckItem.fail("DU-ARCH-01", "layer " + l + " has a bias; seed 002's networks have no "
                        + "biases (θ = (W^(1), ..., W^(H), a))"));
                ok = false;
                break;
            }
        }
        for (int l = 1; l <= layers; l++) {
            if (!spec.layer(l).trainable()) {
                checks.add(CheckItem.fail("DU-ARCH-01", "layer " + l + " is frozen; the theorems train every layer, "
                        + "the output vector a included"));
                ok = false;
                break;
            }
        }
        Configured<Activation> act = null;
        for (int h = 1; h <= depth; h++) {
            Optional<Configured<Activation>> a = spec.layer(h).activation();
            if (a.isEmpty()) {
                checks.add(CheckItem.fail("DU-ARCH-01", "hidden layer " + h + " is linear; seed 002 applies σ at "
                        + "every hidden layer"));
                return Optional.empty();
            }
            if (act == null) {
                act = a.get();
            } else if (!act.name().equals(a.get().name()) || !act.params().equals(a.get().params())) {
                checks.add(CheckItem.fail("DU-ARCH-01", "hidden layers use different activations (" + act + " and "
                        + a.get() + " at layer " + h + "); the theorems have one σ"));
                return Optional.empty();
            }
        }
        int m = spec.width(1);
        for (int h = 2; h <= depth; h++) {
            if (spec.width(h) != m) {
                checks.add(CheckItem.fail("DU-ARCH-03", "hidden widths differ (" + spec.widthsText() + "): "
                        + "rectangular layers are not covered (footnote 3)"));
                return Optional.empty();
            }
        }
        checks.add(CheckItem.pass("DU-ARCH-03", "equal hidden widths m = " + m + ", W^(1) is m×d with d = "
                + spec.inputDim()));
        if (spec.layer(1).residual()) {
            checks.add(CheckItem.fail("DU-ARCH-01", "layer 1 is residual; the first layer of seed 002's ResNet is "
                    + "x^(1) = √(c_σ/m)·σ(W^(1)x), without skip"));
            return Optional.empty();
        }
        int residual = 0;
        for (int h = 2; h <= depth; h++) {
            if (spec.layer(h).residual()) {
                residual++;
            }
        }
        Architecture arch;
        if (residual == 0) {
            arch = Architecture.FC;
        } else if (residual == depth - 1) {
            arch = Architecture.RESNET;
        } else {
            checks.add(CheckItem.fail("DU-ARCH-01", "only " + residual + " of the layers 2.." + depth + " are residual;"
                    + " seed 002's ResNet has a skip at every layer h >= 2 (footnote 4)"));
            return Optional.empty();
        }
        if (settings.arch().equals("resnet") && arch == Architecture.FC) {
            if (depth == 1) {
                checks.add(CheckItem.fail("DU-ARCH-04", "a ResNet needs H >= 2 (spec A23); with H = 1 use the fully "
                        + "connected certificate (Theorem 5.1, arch=fc)"));
            } else {
                checks.add(CheckItem.fail("DU-ARCH-01", "arch=resnet but no layer is residual"));
            }
            return Optional.empty();
        }
        if (settings.arch().equals("fc") && arch == Architecture.RESNET) {
            checks.add(CheckItem.fail("DU-ARCH-01", "arch=fc but layers 2.." + depth + " are residual blocks"));
            return Optional.empty();
        }
        if (ok) {
            checks.add(CheckItem.pass("DU-ARCH-01", arch.words() + ", H = " + depth + ", scalar output, no biases, "
                    + "every layer trained"));
        }
        return ok ? Optional.of(new DuModel(arch, depth, m, spec.inputDim(), Double.NaN, act)) : Optional.empty();
    }

    /** DU-ARCH-02 (multipliers) and DU-HYP-01 (0 < c_res < 1); returns the model with c_res. */
    private static DuModel scales(NetworkSpec spec, DuModel m, double cSigma, List<CheckItem> checks) {
        int depth = m.depth();
        double expected = Math.sqrt(cSigma / m.width());
        List<String> problems = new ArrayList<>();
        for (int l = 1; l <= m.layers(); l++) {
            if (spec.layer(l).weightScale() != 1) {
                problems.add(String.format(Locale.ROOT, "layer %d multiplies F W by %.6g (seed 002 has N(0,1) "
                        + "weights and no pre-activation multiplier)", l, spec.layer(l).weightScale()));
            }
        }
        int fcLayers = m.resnet() ? 1 : depth;
        for (int h = 1; h <= fcLayers; h++) {
            double s = spec.layer(h).branchScale();
            if (!(Math.abs(s - expected) <= DuSettings.SCALE_TOLERANCE * expected)) {
                problems.add(String.format(Locale.ROOT, "layer %d multiplies σ by %.9g, not √(c_σ/m) = %.9g", h, s,
                        expected));
            }
        }
        double cRes = Double.NaN;
        if (m.resnet()) {
            double s = spec.layer(2).branchScale();
            for (int h = 3; h <= depth; h++) {
                double t = spec.layer(h).branchScale();
                if (!(Math.abs(t - s) <= DuSettings.BRANCH_EQUALITY * Math.abs(s))) {
                    problems.add(String.format(Locale.ROOT, "residual branches have different multipliers (%.9g at "
                            + "layer 2, %.9g at layer %d); seed 002 uses c_res/(H√m) on every branch", s, t, h));
                    break;
                }
            }
            cRes = s * depth * Math.sqrt(m.width());
            if (!(cRes > 0 && cRes < 1)) {
                checks.add(CheckItem.fail("DU-HYP-01", String.format(Locale.ROOT, "c_res = branchScale·H·√m = %.6g is "
                        + "not in (0, 1)", cRes)));
            } else {
                checks.add(CheckItem.pass("DU-HYP-01", String.format(Locale.ROOT, "c_res = %.6g ∈ (0, 1)", cRes)));
                checks.add(new CheckItem("DU-HYP-01", CheckItem.Status.UNDECIDABLE_HIDDEN_CONSTANT, String.format(
                        Locale.ROOT, "'c_res is a small constant': how small is unspecified (c_res = %.6g)", cRes)));
            }
        }
        if (problems.isEmpty()) {
            checks.add(CheckItem.pass("DU-ARCH-02", String.format(Locale.ROOT, "multipliers √(c_σ/m) = %.9g%s "
                    + "(NTK-style parameterization, spec §1.5)", expected, m.resnet()
                    ? String.format(Locale.ROOT, " on layer 1 and c_res/(H√m) = %.6g on the residual branches",
                            spec.layer(2).branchScale()) : " on every hidden layer")));
        } else {
            checks.add(CheckItem.fail("DU-ARCH-02", String.join("; ", problems)
                    + " — the certificate requires exactly the parameterization of spec §1.5"));
        }
        return new DuModel(m.architecture(), depth, m.width(), m.inputDim(), cRes, m.activation());
    }

    /** DU-ACT-01 (Condition 3.1) and DU-ACT-02 (Condition 3.2). */
    private static void activation(Configured<Activation> act, List<CheckItem> checks) {
        Activation s = act.instance();
        ActivationProperties p = s.properties();
        double sigma0 = Math.abs(s.value(0));
        double lip = p.derivativeAbsMax();
        double smooth = p.derivativeLipschitz();
        double c = Math.max(sigma0, Math.max(lip, smooth));
        if (Double.isFinite(c)) {
            checks.add(CheckItem.pass("DU-ACT-01", String.format(Locale.ROOT, "Condition 3.1 with c = %.6g "
                    + "(|σ(0)| = %.6g, sup|σ'| = %.6g, Lip(σ') = %.6g, as declared by %s)", c, sigma0, lip, smooth,
                    act.name())));
        } else {
            checks.add(CheckItem.fail("DU-ACT-01", String.format(Locale.ROOT, "Condition 3.1 fails for %s: |σ(0)| = "
                    + "%.6g, sup|σ'| = %.6g, Lip(σ') = %.6g (σ' must be Lipschitz)", act, sigma0, lip, smooth)));
        }
        if (!p.smooth() || p.piecewiseLinear()) {
            checks.add(CheckItem.fail("DU-ACT-02", act + " is not analytic (declared "
                    + (p.piecewiseLinear() ? "piecewise linear" : "not C²") + "); Condition 3.2 needs a real-analytic, "
                    + "non-polynomial σ"));
        } else if (p.analytic()) {
            checks.add(CheckItem.pass("DU-ACT-02", act.name() + " is real-analytic and not a polynomial, as its "
                    + "plugin declares (Condition 3.2)"));
        } else {
            checks.add(new CheckItem("DU-ACT-02", CheckItem.Status.UNDECIDABLE, act.name()
                    + " does not declare itself real-analytic and non-polynomial; Condition 3.2 is undecidable"));
        }
    }

    /** DU-DATA-01..04. */
    private static void data(CertificateContext ctx, DuSettings settings, List<CheckItem> checks) {
        HostMatrix x = ctx.inputs();
        int n = x.rows();
        int d = x.cols();
        double worst = 0;
        int worstRow = 0;
        double[] norms = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < d; k++) {
                double v = x.get(i, k);
                s += v * v;
            }
            norms[i] = Math.sqrt(s);
            double dev = Math.abs(norms[i] - 1);
            if (!(dev <= worst)) {
                worst = dev;
                worstRow = i;
            }
        }
        if (worst <= settings.tolNorm()) {
            checks.add(CheckItem.pass("DU-DATA-01", String.format(Locale.ROOT, "‖x_i‖ = 1 for all %d samples "
                    + "(max deviation %.2g <= tol_norm %.1g)", n, worst, settings.tolNorm())));
        } else {
            checks.add(CheckItem.fail("DU-DATA-01", String.format(Locale.ROOT, "‖x_%d‖ = %.12g, not 1 (tol_norm %.1g); "
                    + "Theorems 5.1/6.1 assume unit-norm inputs: normalize the rows (the certificate then applies to "
                    + "the normalized data)", worstRow + 1, norms[worstRow], settings.tolNorm())));
        }
        double maxCos = 0;
        List<String> duplicates = new ArrayList<>();
        List<String> antiparallel = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dot = 0;
                double diff = 0;
                double sum = 0;
                for (int k = 0; k < d; k++) {
                    double a = x.get(i, k);
                    double b = x.get(j, k);
                    dot += a * b;
                    diff += (a - b) * (a - b);
                    sum += (a + b) * (a + b);
                }
                double denom = norms[i] * norms[j];
                if (denom > 0) {
                    maxCos = Math.max(maxCos, Math.abs(dot) / denom);
                }
                double scale = Math.max(1, Math.max(norms[i], norms[j]));
                if (Math.sqrt(diff) <= settings.tolPar() * scale && duplicates.size() < 5) {
                    duplicates.add("(" + (i + 1) + ", " + (j + 1) + ")");
                }
                if (Math.sqrt(sum) <= settings.tolPar() * scale && antiparallel.size() < 5) {
                    antiparallel.add("(" + (i + 1) + ", " + (j + 1) + ")");
                }
            }
        }
        if (duplicates.isEmpty()) {
            checks.add(CheckItem.pass("DU-DATA-02", String.format(Locale.ROOT, "no duplicate inputs (max |cos| = %.6g)",
                    maxCos)));
        } else {
            checks.add(CheckItem.fail("DU-DATA-02", "duplicate inputs " + String.join(", ", duplicates)
                    + " make K^(H) singular (λ_0 = 0)"));
        }
        if (!antiparallel.isEmpty()) {
            checks.add(new CheckItem("DU-DATA-03", CheckItem.Status.WARNING, "antiparallel inputs "
                    + String.join(", ", antiparallel) + " (x_i = −x_j): λ_0 > 0 is decided numerically (spec §2.2)"));
        }
        HostMatrix y = ctx.targets();
        double maxAbs = 0;
        double sq = 0;
        for (double v : y.data()) {
            maxAbs = Math.max(maxAbs, Math.abs(v));
            sq += v * v;
        }
        checks.add(new CheckItem("DU-DATA-04", CheckItem.Status.UNDECIDABLE_HIDDEN_CONSTANT, String.format(Locale.ROOT,
                "|y_i| = O(1) has an unspecified constant: max |y_i| = %.6g, ‖y‖²/n = %.6g", maxAbs, sq / n)));
    }

    /** DU-INIT-01 (by provider name) and DU-INIT-02 (statistics of the concrete θ0). */
    private static void initialization(CertificateContext ctx, List<CheckItem> checks) {
        int layers = ctx.spec().depth();
        List<String> wrong = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int l = 1; l <= layers; l++) {
            Optional<Configured<Initializer>> init = ctx.initializer(l);
            if (init.isEmpty()) {
                unknown.add("layer " + l + ": no initializer recorded");
                continue;
            }
            String name = init.get().name();
            if (UNIT_GAUSSIAN.contains(name)) {
                continue;
            }
            if (GAUSSIAN.contains(name)) {
                Optional<Double> spread = spreadParameter(init.get().params());
                if (spread.isPresent() && Math.abs(spread.get() - 1) > 1e-12) {
                    wrong.add("layer " + l + ": " + init.get() + " is not N(0,1)");
                } else if (spread.isEmpty()) {
                    unknown.add("layer " + l + ": " + init.get());
                }
                continue;
            }
            if (STANDARD.contains(name)) {
                wrong.add("layer " + l + ": " + init.get() + " (standard parameterization)");
            } else {
                unknown.add("layer " + l + ": " + init.get());
            }
        }
        List<String> stats = new ArrayList<>();
        List<String> ksWarnings = new ArrayList<>();
        for (int l = 1; l <= layers; l++) {
            NormalityCheck nc = NormalityCheck.of(ctx.weight(l).data());
            if (!nc.momentsConsistent()) {
                stats.add("W_" + l + ": " + nc.describe());
            } else if (!nc.ksPasses()) {
                ksWarnings.add("W_" + l + ": " + nc.describe());
            }
        }
        if (!wrong.isEmpty()) {
            checks.add(CheckItem.fail("DU-INIT-01", "θ0 must be i.i.d. N(0,1) in every W and in a (spec §1.5): "
                    + String.join("; ", wrong)));
        } else if (!stats.isEmpty()) {
            checks.add(CheckItem.fail("DU-INIT-01", "θ0 does not look i.i.d. N(0,1): " + String.join("; ", stats)));
        } else if (!unknown.isEmpty()) {
            checks.add(new CheckItem("DU-INIT-01", CheckItem.Status.ESTIMATE, "initializer not known to sample N(0,1) ("
                    + String.join("; ", unknown) + "); the moments of θ0 are consistent with N(0,1)"));
        } else {
            checks.add(CheckItem.pass("DU-INIT-01", "every W and a drawn i.i.d. N(0,1)"));
        }
        if (!ksWarnings.isEmpty()) {
            checks.add(new CheckItem("DU-INIT-02", CheckItem.Status.WARNING, "θ(0) does not look N(0,1) "
                    + "(Kolmogorov–Smirnov at level 1e-3): " + String.join("; ", ksWarnings)));
        } else if (stats.isEmpty()) {
            checks.add(new CheckItem("DU-INIT-02", CheckItem.Status.ESTIMATE, "mean, variance and KS test of every "
                    + "tensor of θ0 consistent with N(0,1)"));
        }
    }

    /**
     * The standard deviation a Gaussian initializer was configured with: {@code var} when given,
     * else {@code std} (the initializers module's {@code gaussian(std=…)} or {@code gaussian(var=…)},
     * both defaulting to 1), else other common names; empty when none is declared.
     */
    static Optional<Double> spreadParameter(ValidatedParams params) {
        Map<String, ParamValue> map = params.asMap();
        for (String k : List.of("var", "variance")) {
            if (map.get(k) instanceof ParamValue.Num n && params.isGiven(k)) {
                return Optional.of(Math.sqrt(n.value()));
            }
        }
        for (String k : List.of("std", "sigma", "scale", "stddev", "var", "variance")) {
            if (map.get(k) instanceof ParamValue.Num n) {
                return Optional.of(k.startsWith("var") ? Math.sqrt(n.value()) : n.value());
            }
        }
        return Optional.empty();
    }

    /** DU-OPT-01 and the loss-convention conversion of η (spec §1.8). */
    private static void optimizer(CertificateContext ctx, List<CheckItem> checks, double eta, double conv) {
        String name = ctx.optimizer();
        String conversion = String.format(Locale.ROOT, "η = %.6g on the %s loss is η_paper = %.6g × %.6g = %.6g "
                + "on L = ½Σ(u_i − y_i)²", eta, ctx.reduction(), eta, conv, eta * conv);
        if (name.equals("clarke")) {
            checks.add(CheckItem.fail("DU-OPT-01", "the Clarke-subgradient flow is for non-smooth activations, which "
                    + "violate Conditions 3.1/3.2 (spec §5.9)"));
        } else if (ctx.axis() == Axis.TIME || name.equals("flow")) {
            checks.add(new CheckItem("DU-OPT-01", CheckItem.Status.NOT_COVERED, "gradient flow (" + name + "): "
                    + "Theorems 5.1/6.1/7.1 cover full-batch GD with constant step only; the [X] flow bounds are "
                    + "extensions"));
        } else if (name.equals("gd")) {
            checks.add(CheckItem.pass("DU-OPT-01", "full-batch gradient descent with constant step; "
                    + (Double.isNaN(eta) ? "step size not known yet" : conversion)));
        } else {
            checks.add(new CheckItem("DU-OPT-01", CheckItem.Status.NOT_COVERED, name + ": Theorems 5.1/6.1/7.1 cover "
                    + "full-batch GD with constant step only (minibatch SGD is future work in the paper's Conclusion);"
                    + " monitors still run on full-batch quantities"));
        }
    }
}
