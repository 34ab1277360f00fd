package org.gdcert.certificates.nguyen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.gdcert.certificates.kernels.ExpectedGram;
import org.gdcert.certificates.kernels.Spectral;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.Condition;
import org.gdcert.core.cert.LossBound;
import org.gdcert.core.cert.Note;
import org.gdcert.core.cert.Tag;
import org.gdcert.core.cert.Verdict;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProperties;
import org.gdcert.core.spi.Certificate;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.spi.Monitor;
import org.gdcert.core.train.Axis;

/**
 * Seed 001 (Nguyen 2021), Theorem 2.2, on the concrete θ0: the width hypothesis n_{L−1} ≥ N,
 * conditions (7), (8) and (9) — (9) with the square on λ̄_{1→L−1} that the proof needs (T1.2; the
 * printed form is reported for traceability only) — the step-size bound (10), the rate (11), the
 * proof's movement budgets, λ_* and the deep conjugate kernel as diagnostics, and the remediation
 * hints of spec §2.5 step 7 (minimal β of the §3.1 scaling, optimised C, heuristic width).
 *
 * <p>ReLU is the paper's activation; any σ with σ(0) = 0 and |σ'| ≤ 1 (leaky ReLU, ...) is
 * accepted as the [derived] extension of spec §2.2 and tagged so.
 */
public final class NguyenRelu implements Certificate {
    static final String NAME = "nguyen_relu";
    static final String THEOREM = "seed 001 (Nguyen 2021), Theorem 2.2";
    static final double VACUOUS = 1e-8;

    private final double tolerance;
    private final double epsilon;
    private final double[] constants;
    private final boolean optimizeC;
    private final boolean lambdaStar;
    private final int exactEvery;
    private final double monitorTolerance;

    /**
     * @param tolerance τ of the verdict
     * @param epsilon target loss for k_ε (0: 10⁻⁶·Φ(θ0))
     * @param constants C_1..C_L (empty: all 1; one value: the same for every layer)
     * @param optimizeC certify with the C that minimises the worst slack (any C > 0 is a valid
     *     instance of the theorem, spec §2.4)
     * @param lambdaStar compute λ_* and the deep conjugate kernel (diagnostics)
     * @param exactEvery the monitor's exact invariants every this many recorded iterates
     * @param monitorTolerance τ_mon (0: the spec's default)
     */
    public NguyenRelu(double tolerance, double epsilon, double[] constants, boolean optimizeC, boolean lambdaStar,
            int exactEvery, double monitorTolerance) {
        this.tolerance = tolerance;
        this.epsilon = epsilon;
        this.constants = constants.clone();
        this.optimizeC = optimizeC;
        this.lambdaStar = lambdaStar;
        this.exactEvery = exactEvery;
        this.monitorTolerance = monitorTolerance;
    }

    @Override
    public CertificateReport assess(CertificateContext ctx) {
        return Reports.guarded(NAME, THEOREM, () -> evaluate(ctx));
    }

    /** Whether σ is ReLU (paper), or a 1-Lipschitz σ with σ(0) = 0 (extension), or neither (null). */
    static Boolean isRelu(Configured<Activation> act) {
        Activation s = act.instance();
        boolean relu = true;
        for (double x : new double[] {-2.3, -0.4, 0, 0.2, 1.7}) {
            relu &= s.value(x) == Math.max(0, x);
        }
        if (relu) {
            return Boolean.TRUE;
        }
        ActivationProperties p = s.properties();
        if (p.zeroAtZero() && p.derivativeAbsMax() <= 1) {
            return Boolean.FALSE;
        }
        return null;
    }

    private CertificateReport evaluate(CertificateContext ctx) {
        Setting st = Setting.check(ctx, "Theorem 2.2");
        if (!st.problems().isEmpty()) {
            return CertificateReport.inapplicable(NAME, THEOREM, st.problems(), List.of());
        }
        Boolean relu = isRelu(st.activation());
        if (relu == null) {
            return CertificateReport.inapplicable(NAME, THEOREM, List.of(st.activation() + " is neither ReLU nor a "
                    + "1-Lipschitz activation with σ(0) = 0 (declared |σ'| <= " + st.activation().instance()
                            .properties().derivativeAbsMax() + ", σ(0) = 0: " + st.activation().instance().properties()
                                    .zeroAtZero() + "); Theorem 2.2's proof needs both"), List.of());
        }
        int depth = ctx.spec().depth();
        double[] c = new double[depth + 1];
        if (constants.length != 0 && constants.length != 1 && constants.length != depth) {
            return CertificateReport.inapplicable(NAME, THEOREM, List.of("c has " + constants.length
                    + " entries; give one per layer (" + depth + ") or a single value"), List.of());
        }
        for (int l = 1; l <= depth; l++) {
            c[l] = constants.length == 0 ? 1 : constants.length == 1 ? constants[0] : constants[l - 1];
        }
        int n = ctx.samples();
        int d = ctx.spec().inputDim();
        int nl1 = ctx.spec().width(depth - 1);
        double normXF = ctx.inputs().frobeniusNorm();
        double normYF = ctx.targets().frobeniusNorm();
        double[] s = new double[depth + 1];
        double r0;
        double phi0;
        double alpha0;
        double[] base = new double[depth + 1];
        double alphaBase = Double.NaN;
        Optional<ExpectedGram.Result> ls = Optional.empty();
        Optional<Spectral.Value> deep = Optional.empty();
        List<String> methods;
        boolean privateBackend;
        try (Theta0 t0 = new Theta0(ctx)) {
            privateBackend = t0.privateBackend;
            phi0 = t0.phi0;
            r0 = t0.r0();
            for (int l = 1; l <= depth; l++) {
                s[l] = t0.specNorm(l);
            }
            alpha0 = t0.sigmaNFeatures(depth - 1, "α_0 = σ_N(F_{L-1})");
            if (lambdaStar && relu) {
                ls = ExpectedGram.lambdaStar(t0.backend, ctx.inputs(), st.activation(), 1.0 / d,
                        ExpectedGram.DEFAULT_NODES);
                if (depth >= 3) {
                    deep = Optional.of(ExpectedGram.deepReluKernel(t0.backend, ctx.inputs(), depth - 1));
                }
            }
            methods = List.copyOf(t0.methods);
        }
        System.arraycopy(s, 0, base, 0, s.length);
        alphaBase = alpha0;
        double cm = st.gradientMultiplier();
        boolean flow = st.flow();
        OptionalDouble etaGiven = flow ? OptionalDouble.empty() : ctx.stepSize();
        double etaPhi = etaGiven.isPresent() ? etaGiven.getAsDouble() * cm : Double.NaN;
        double eps = epsilon > 0 ? epsilon : 1e-6 * phi0;

        double[] cOpt = optimizeConstants(depth, normXF, r0, alpha0, s, c);
        N21Bounds given = N21Bounds.of(depth, normXF, r0, alpha0, s, c);
        N21Bounds optimized = N21Bounds.of(depth, normXF, r0, alpha0, s, cOpt);
        boolean useOpt = optimizeC && optimized.worstSlack() < given.worstSlack();
        N21Bounds b = useOpt ? optimized : given;
        double[] cu = useOpt ? cOpt : c;

        Reports.Parts p = new Reports.Parts();
        List<String> inapplicable = new ArrayList<>();
        Condition width = Condition.evaluate("width", "Thm 2.2", "last hidden layer at least as wide as the number "
                + "of samples: n_{L-1} >= N", nl1, ">=", n, 0, "", Tag.PAPER);
        p.conditions.add(width);
        if (!width.holds()) {
            inapplicable.add("width hypothesis fails: n_" + (depth - 1) + " = " + nl1 + " < N = " + n
                    + " (then α_0 = σ_N(F_{L-1}) = 0)");
        }
        Tag ptag = relu ? Tag.PAPER : Tag.EXTENSION;
        double m4 = flow ? 4 : 1;
        String fl = flow ? " (gradient/Clarke flow, spec §7.1: a factor-4 margin suffices)" : "";
        int bl = b.bindingLayer();
        Condition c7 = Condition.evaluate("cond7", "(7)", "α_0² >= 16‖X‖_F max_l [λ̄_{1→L}/(λ̄_l C_l)] √(2Φ_0)" + fl,
                alpha0 * alpha0, ">=", b.rhs7() / m4, tolerance, String.format(Locale.ROOT,
                        "layer %d: D_%d/C_%d = %.4g (movement bound of W_%d over its budget C_%d)", bl, bl, bl,
                        b.layerSlack(bl), bl, bl), flow ? Tag.EXTENSION : ptag);
        Condition c8 = Condition.evaluate("cond8", "(8)", "α_0³ >= 32‖X‖_F² λ̄_L Σ_{l<L} [λ̄²_{1→L−1}/λ̄_l²] √(2Φ_0)"
                + fl, alpha0 * alpha0 * alpha0, ">=", b.rhs8() / m4, tolerance, String.format(Locale.ROOT,
                        "feature drift: D_F/(α_0/2) = %.4g (bound on ‖F_{L-1}^k − F_{L-1}^0‖_F over α_0/2)",
                        b.featureSlack()), flow ? Tag.EXTENSION : ptag);
        p.conditions.add(c7);
        p.conditions.add(c8);
        if (!flow) {
            p.conditions.add(Condition.evaluate("cond9", "(9)", "α_0² >= 16‖X‖_F² λ̄_L² Σ_{l<L} λ̄²_{1→L−1}/λ̄_l² "
                    + "(corrected: the square on λ̄_{1→L−1} is missing in print, T1.2)", alpha0 * alpha0, ">=",
                    b.rhs9(), tolerance, String.format(Locale.ROOT, "16 Q_2/α_0² = %.4g", b.slack9()),
                    Tag.REPAIRED));
            if (etaGiven.isPresent()) {
                p.conditions.add(Condition.evaluate("eta", "(10)", "step size η < min(8/α_0², Q_2/Q_1²) (η on the "
                        + "loss ½‖F_L − Y‖²)", etaPhi, "<", b.etaMax(), tolerance, b.alphaBinds() ? "8/α_0²"
                                : "Q_2/Q_1²", ptag));
            }
        }

        p.q("N", "N", n, "", Tag.PAPER);
        p.q("L", "L", depth, "", Tag.PAPER);
        p.q("phi0", "Φ(θ_0)", phi0, "", Tag.PAPER);
        p.q("r0", "√(2Φ(θ_0))", r0, "(7)", Tag.PAPER);
        p.q("normXF", "‖X‖_F", normXF, "(7)", Tag.PAPER);
        p.q("alpha0", "α_0", alpha0, "(6)", Tag.PAPER, "σ_N(F_{L-1}(θ_0)), the N-th singular value; 0 if n_{L-1} < N "
                + "(T1.4, T1.5)");
        for (int l = 1; l <= depth; l++) {
            p.q("specNorm" + l, "‖W_" + l + "^0‖_2", s[l], "(6)", Tag.PAPER);
        }
        for (int l = 1; l <= depth; l++) {
            p.q("C" + l, "C_" + l, cu[l], "Thm 2.2", Tag.PAPER, useOpt ? "optimised (any C > 0 is a valid instance)"
                    : "given");
            p.q("lambdaBar" + l, "λ̄_" + l, b.lambdaBar()[l], "(6)", Tag.PAPER, "‖W_" + l + "^0‖_2 + C_" + l);
        }
        for (int l = 1; l <= depth; l++) {
            p.q("D" + l, "D_" + l, b.d()[l], "proof of Thm 2.2", Tag.DERIVED, "bound on the total movement of W_" + l);
            p.q("slack7Layer" + l, "D_" + l + "/C_" + l, b.layerSlack(l), "(7)", Tag.DERIVED,
                    "per-layer factor of (7): slack_7 = max_l D_l/C_l");
        }
        p.q("DF", "D_F", b.dF(), "proof of Thm 2.2", Tag.DERIVED, "bound on ‖F_{L-1}^k − F_{L-1}^0‖_F");
        p.q("slack8Feature", "D_F/(α_0/2)", b.featureSlack(), "(8)", Tag.DERIVED, "equals slack_8");
        p.q("slack9Literal", "slack (9) as printed", b.slack9Literal(), "(9)", Tag.PAPER, "the printed (9) without the "
                + "square on λ̄_{1→L−1}; NOT sufficient for the proof (T1.2), reported for traceability only");
        p.q("Q1", "Q_1", b.q1(), "(10)", Tag.DERIVED, "‖X‖_F² λ̄²_{1→L} Σ_l λ̄_l^{-2} (the whole coefficient, T1.3)");
        p.q("Q2", "Q_2", b.q2(), "(10)", Tag.DERIVED, "‖X‖_F² λ̄²_{1→L−1} λ̄_L² Σ_{l<L} λ̄_l^{-2} (T1.3)");
        p.q("etaMax", "η_max", b.etaMax(), "(10)", Tag.PAPER, "min(8/α_0², Q_2/Q_1²) on the loss ½‖·‖²; strict");
        double etaRef = etaGiven.isPresent() ? etaPhi : 0.99 * b.etaMax();
        String at = etaGiven.isPresent() ? "at the given η" : "at η = 0.99·η_max";
        if (!flow) {
            if (etaGiven.isPresent()) {
                p.q("eta", "η", etaPhi, "", Tag.PAPER, "the run's step on the loss ½‖·‖²");
                p.q("etaRatio", "η/η_max", etaPhi / b.etaMax(), "", Tag.DERIVED);
            }
            p.q("rho", "1 − ηα_0²/8", b.contraction(etaRef), "(11)", Tag.PAPER, "per-step contraction " + at);
            p.q("u", "√(1 − ηα_0²/8)", Math.sqrt(b.contraction(etaRef)), "proof", Tag.DERIVED, at);
            p.q("kEps", "k_ε", b.stepsTo(eps, etaRef), "(11)", Tag.DERIVED, String.format(Locale.ROOT,
                    "steps until the bound guarantees Φ <= ε = %.4g, %s", eps, at));
        } else {
            p.q("flowRate", "α_0²/2", alpha0 * alpha0 / 2 * cm, "§7.1", Tag.EXTENSION,
                    "flow: Φ(t) <= e^{−α_0² t/2} Φ(0) while the invariants hold");
        }
        double sigma0 = st.activation().instance().derivative(0);
        p.q("reluDerivAtZero", "σ'(0)", sigma0, "T1.11", Tag.DERIVED, "the convention of the activation plugin; "
                + "the proof holds for any value in [0, 1]");
        ls.ifPresent(r -> p.q("lambdaStar", "λ_*", r.value(), "§3.2 (after (21))", Tag.PAPER, "λ_min(E_w[relu(Xw)"
                + "relu(Xw)ᵀ]), w ~ N(0, I/d), by " + r.method() + "; a diagnostic, not a condition"));
        deep.ifPresent(v -> {
            p.q("deepKernelLambdaMin", "λ_min(K^(L−1))", v.value(), "§3.2", Tag.DERIVED, "infinite-width conjugate "
                    + "kernel of the deep ReLU net under LeCun init (not in the paper)");
            p.q("alpha0SqOverWidth", "α_0²/n_{L−1}", alpha0 * alpha0 / nl1, "§3.2", Tag.DERIVED,
                    "≈ λ_min(K^(L−1)) at large widths under LeCun init");
        });

        Verdict verdict = p.verdict(inapplicable, flow
                ? "conditions (7) and (8) hold with the factor-4 margin of the flow extension"
                : "conditions (7), (8) and the corrected (9) hold" + (etaGiven.isPresent() ? ", and η < η_max"
                        : "; train with η < η_max"));

        if (!relu) {
            p.note("§2.2", st.activation() + " is not ReLU: the proof of Theorem 2.2 uses only |σ'| <= 1 and "
                    + "σ(0) = 0 with a linear output layer, so it applies as a [derived] extension", Tag.EXTENSION);
        }
        p.note("T1.2", String.format(Locale.ROOT, "condition (9) is printed without the square on λ̄_{1→L−1}; the "
                + "proof needs α_0² >= 16 Q_2, i.e. the squared form, which is used (slack %.4g). The printed form "
                + "(slack %.4g) is weaker and not sufficient", b.slack9(), b.slack9Literal()), Tag.REPAIRED);
        p.note("T1.4", "α_0 uses the N×N Gram matrix F_{L-1}F_{L-1}ᵀ (the n_{L-1}×n_{L-1} one is singular when "
                + "n_{L-1} > N)", Tag.REPAIRED);
        p.note("T1.11", "σ'(0) = " + sigma0 + " (the plugin's convention); any value in [0, 1] keeps the proof "
                + "valid", Tag.DERIVED);
        p.note("numerics", "τ = " + tolerance + "; norms rounded up, α_0 rounded down: " + String.join("; ", methods),
                Tag.DERIVED);
        if (privateBackend) {
            p.privateBackendNote();
        }
        if (cm != 1) {
            p.note("loss reduction", String.format(Locale.ROOT, "the run trains on %s (gradient %.6g·∇Φ): the "
                    + "step-size bound reported to the runner is η_max/%.6g", ctx.reduction(), cm, cm), Tag.DERIVED);
        }
        if (flow) {
            p.note("§7.1", "gradient (or Clarke) flow is not covered by Theorem 2.2; the [derived] analogue is used: "
                    + "dΦ/dt <= −‖∇_{W_L}Φ‖² <= −(α_0²/2)Φ, movement bounds D_l/4 and D_F/4, so (7) and (8) with a "
                    + "factor-4 margin suffice and (9), (10) are not needed", Tag.EXTENSION);
        }
        if (verdict == Verdict.CERTIFIED && !flow && etaRef * alpha0 * alpha0 / 8 < VACUOUS) {
            p.note("vacuous in practice", String.format(Locale.ROOT, "the certificate holds but guarantees a decrease "
                    + "of only ηα_0²/8 = %.3g per step (spec §6.3 R3)", etaRef * alpha0 * alpha0 / 8), Tag.DERIVED);
        }
        p.notes.add(Note.hidden("§3", "Lemma 3.3, Corollary 3.2 and the width statements of §3 use unspecified "
                + "constants and Ω̃(·); they are scaling laws only (T1.12)"));

        // remediation hints
        if (given.worstSlack() > 1) {
            p.q("optimizedWorstSlack", "min_C max slack", optimized.worstSlack(), "§2.4", Tag.DERIVED,
                    "worst slack of (7), (8), (9) at the C minimising it: C = " + Arrays.toString(Arrays.copyOfRange(
                            cOpt, 1, depth + 1)) + (useOpt ? " (used)" : " (optimize_c=true would use it)"));
            if (relu || isPositivelyHomogeneous(st.activation())) {
                double beta = minimalBeta(depth, normXF, normYF, alphaBase, base);
                if (Double.isFinite(beta)) {
                    N21Bounds bb = betaScaled(depth, normXF, normYF, alphaBase, base, beta);
                    p.q("minimalBeta", "β_min", beta, "§3.1", Tag.DERIVED, String.format(Locale.ROOT,
                            "smallest factor on W_1..W_{L-1} (with W_L = 0, C_l = 1) for which (7), (8), (9) hold "
                                    + "by positive homogeneity; then η_max = %.3g, rate %.3g per step", bb.etaMax(),
                            0.99 * bb.etaMax() * bb.alpha0() * bb.alpha0() / 8));
                }
            }
            if (depth == 2) {
                double proj = nl1 * Math.max(given.slack7() * given.slack7(), Math.max(Math.pow(given.slack8(),
                        2.0 / 3.0), given.slack9()));
                p.q("projectedWidth", "n_1*", proj, "§2.5 step 7", Tag.EXTENSION, "[heuristic] LeCun width at which "
                        + "(7)-(9) would hold (slack_7 ∝ n^{-1/2}, slack_8 ∝ n^{-3/2}, slack_9 ∝ n^{-1}); a "
                        + "projection, not a theorem");
            } else {
                p.note("width projection", "[heuristic] not projected: for L >= 3 under LeCun with C = 1 the slack of "
                        + "(9) tends to a constant as n_{L-1} grows (spec §6.2); see minimalBeta", Tag.DERIVED);
            }
        }

        OptionalDouble rate = OptionalDouble.empty();
        Optional<LossBound> bound = Optional.empty();
        if (verdict == Verdict.CERTIFIED) {
            if (flow) {
                rate = OptionalDouble.of(alpha0 * alpha0 / 2 * cm);
                bound = Optional.of(new LossBound(Axis.TIME, phi0, alpha0 * alpha0 / 2 * cm,
                        "Φ(θ(t)) <= e^{−α_0² t/2} Φ(θ(0)) (spec §7.1)", Tag.EXTENSION));
            } else {
                rate = OptionalDouble.of(b.contraction(etaRef));
                bound = Optional.of(new LossBound(Axis.STEP, phi0, b.contraction(etaRef),
                        "Φ(θ_k) <= (1 − ηα_0²/8)^k Φ(θ_0)" + (etaGiven.isPresent() ? "" : " at η = 0.99·η_max"),
                        ptag));
            }
        }
        OptionalDouble step = flow ? OptionalDouble.empty() : OptionalDouble.of(b.etaMax() / cm);
        return new CertificateReport(NAME, THEOREM, verdict, p.reasons, p.conditions, p.quantities, rate, step, bound,
                p.notes);
    }

    private static boolean isPositivelyHomogeneous(Configured<Activation> act) {
        Activation s = act.instance();
        for (double x : new double[] {-1.3, 0.7, 2.2}) {
            if (Math.abs(s.value(3 * x) - 3 * s.value(x)) > 1e-12 * Math.abs(3 * x)) {
                return false;
            }
        }
        return true;
    }

    /** argmin over C > 0 of the worst slack, Nelder–Mead on log C from several starts (spec §2.4). */
    static double[] optimizeConstants(int depth, double normXF, double r0, double alpha0, double[] s, double[] c0) {
        if (!(alpha0 > 0)) {
            return c0.clone();
        }
        java.util.function.ToDoubleFunction<double[]> f = z -> {
            double[] c = new double[depth + 1];
            for (int l = 1; l <= depth; l++) {
                c[l] = Math.exp(z[l - 1]);
            }
            double w = N21Bounds.of(depth, normXF, r0, alpha0, s, c).worstSlack();
            return Double.isFinite(w) ? Math.log(w) : 1e300;
        };
        SplittableRandom rnd = new SplittableRandom(2);
        double[][] starts = new double[4][depth];
        for (int l = 0; l < depth; l++) {
            starts[0][l] = Math.log(c0[l + 1]);
            starts[1][l] = -3;
            starts[2][l] = 3;
            starts[3][l] = 2 * (rnd.nextDouble() - 0.5) * 2;
        }
        double[] best = null;
        double fbest = Double.POSITIVE_INFINITY;
        for (double[] st : starts) {
            double[] z = NelderMead.minimize(f, st, 1.0, 4000, 1e-12);
            z = NelderMead.minimize(f, z, 0.1, 4000, 1e-13);
            double v = f.applyAsDouble(z);
            if (v < fbest) {
                fbest = v;
                best = z;
            }
        }
        double[] c = new double[depth + 1];
        for (int l = 1; l <= depth; l++) {
            c[l] = Math.exp(best[l - 1]);
        }
        return c;
    }

    /** The §3.1 instance θ̃ = (βW_1, …, βW_{L−1}, 0) with C_l = 1 (α_0 scales by β^{L−1}, r_0 = ‖Y‖_F). */
    static N21Bounds betaScaled(int depth, double normXF, double normYF, double alpha0, double[] s, double beta) {
        double[] sb = new double[depth + 1];
        double[] one = new double[depth + 1];
        for (int l = 1; l <= depth; l++) {
            sb[l] = l < depth ? beta * s[l] : 0;
            one[l] = 1;
        }
        return N21Bounds.of(depth, normXF, normYF, Math.pow(beta, depth - 1) * alpha0, sb, one);
    }

    /** Smallest β for which the §3.1 instance satisfies (7)–(9); the slacks decrease in β (spec §2.3 b). */
    static double minimalBeta(int depth, double normXF, double normYF, double alpha0, double[] s) {
        if (!(alpha0 > 0)) {
            return Double.NaN;
        }
        double lo = 1e-6;
        double hi = 1;
        int guard = 0;
        while (betaScaled(depth, normXF, normYF, alpha0, s, hi).worstSlack() > 1) {
            lo = hi;
            hi *= 2;
            if (++guard > 400) {
                return Double.NaN;
            }
        }
        if (guard == 0) {
            lo = 1e-12;
        }
        for (int i = 0; i < 100; i++) {
            double mid = Math.sqrt(lo * hi);
            if (betaScaled(depth, normXF, normYF, alpha0, s, mid).worstSlack() > 1) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    @Override
    public Optional<Monitor> monitor(CertificateReport report, CertificateContext ctx) {
        return Reports.monitor(report, ctx, "nr", () -> new NguyenReluMonitor(report, ctx, exactEvery,
                monitorTolerance));
    }
}
