package org.gdcert.certificates.nguyen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.gdcert.certificates.kernels.ExpectedGram;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.Condition;
import org.gdcert.core.cert.LossBound;
import org.gdcert.core.cert.Note;
import org.gdcert.core.cert.Tag;
import org.gdcert.core.cert.Verdict;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Certificate;
import org.gdcert.core.spi.Monitor;
import org.gdcert.core.train.Axis;

/**
 * Seed 000 (Nguyen &amp; Mondelli 2020), Theorem 3.2, on the concrete θ0: Assumptions 2.1 and 2.2,
 * conditions (4) and (5) with left side, right side, slack and the binding layer (through the exact
 * decompositions slack_4 = max_l D_l/B_l and slack_5 = D_F/(λ_F/2) of spec §1.4), α_0, Q_0, η_max,
 * Q_1, the loss bound (7), k_ε, λ_* of eq. (13) as a diagnostic, and the remediation hints of
 * spec §1.6 step 9 (flagged heuristic where they are).
 */
public final class NguyenMondelli implements Certificate {
    static final String NAME = "nguyen_mondelli";
    static final String THEOREM = "seed 000 (Nguyen & Mondelli 2020), Theorem 3.2";
    /** R3 of spec §6.3: below this per-step decrease ηα_0 a passing certificate is vacuous in practice. */
    static final double VACUOUS = 1e-8;

    private final double tolerance;
    private final double epsilon;
    private final boolean lambdaStar;
    private final int nodes;
    private final int exactEvery;
    private final double monitorTolerance;

    /**
     * @param tolerance τ of the tri-state verdict (spec §1.6 step 8)
     * @param epsilon target loss ε for k_ε; 0 means 10⁻⁶·Φ(θ0)
     * @param lambdaStar whether to compute λ_* of eq. (13)
     * @param nodes Gauss–Hermite nodes for λ_* when σ has no closed form
     * @param exactEvery the monitor's exact spectral invariants every this many recorded iterates
     * @param monitorTolerance τ_mon of the monitor; 0 for the spec's default
     */
    public NguyenMondelli(double tolerance, double epsilon, boolean lambdaStar, int nodes, int exactEvery,
            double monitorTolerance) {
        this.tolerance = tolerance;
        this.epsilon = epsilon;
        this.lambdaStar = lambdaStar;
        this.nodes = nodes;
        this.exactEvery = exactEvery;
        this.monitorTolerance = monitorTolerance;
    }

    @Override
    public CertificateReport assess(CertificateContext ctx) {
        return Reports.guarded(NAME, THEOREM, () -> evaluate(ctx));
    }

    private CertificateReport evaluate(CertificateContext ctx) {
        Setting st = Setting.check(ctx, "Theorem 3.2");
        if (!st.problems().isEmpty()) {
            return CertificateReport.inapplicable(NAME, THEOREM, st.problems(), List.of());
        }
        SmoothActivation sa = SmoothActivation.resolve(st.activation());
        if (!sa.problems().isEmpty()) {
            List<String> reasons = new ArrayList<>();
            reasons.add("Assumption 2.2 does not hold for " + st.activation() + " (γ, β read from " + sa.source()
                    + ")");
            reasons.addAll(sa.problems());
            return CertificateReport.inapplicable(NAME, THEOREM, reasons, List.of());
        }
        int depth = ctx.spec().depth();
        int n = ctx.samples();
        int d = ctx.spec().inputDim();
        Reports.Parts p = new Reports.Parts();
        double normXF = ctx.inputs().frobeniusNorm();
        double[] s = new double[depth + 1];
        double[] lam = new double[depth + 1];
        double normX2;
        double r0;
        double phi0;
        double lambdaF;
        Optional<ExpectedGram.Result> ls = Optional.empty();
        boolean privateBackend;
        List<String> methods;
        try (Theta0 t0 = new Theta0(ctx)) {
            privateBackend = t0.privateBackend;
            phi0 = t0.phi0;
            r0 = t0.r0();
            normX2 = t0.normX2();
            for (int l = 1; l <= depth; l++) {
                s[l] = t0.specNorm(l);
                lam[l] = l >= 3 ? t0.sigmaMin(l) : Double.NaN;
            }
            lambdaF = t0.sigmaNFeatures(1, "λ_F = σ_N(F_1)");
            if (lambdaStar) {
                ls = ExpectedGram.lambdaStar(t0.backend, ctx.inputs(), st.activation(), 1.0 / d, nodes);
            }
            methods = List.copyOf(t0.methods);
        }
        NmBounds b = NmBounds.of(depth, sa.gamma(), sa.beta(), normXF, normX2, r0, s, lam, lambdaF);
        double c = st.gradientMultiplier();
        boolean flow = st.flow();
        OptionalDouble etaGiven = flow ? OptionalDouble.empty() : ctx.stepSize();
        double etaPhi = etaGiven.isPresent() ? etaGiven.getAsDouble() * c : Double.NaN;
        double eps = epsilon > 0 ? epsilon : 1e-6 * phi0;

        // ---- Assumption 2.1
        List<String> inapplicable = new ArrayList<>();
        Condition width = Condition.evaluate("width", "Ass. 2.1", "first hidden layer at least as wide as the "
                + "number of samples: n_1 >= N", ctx.spec().width(1), ">=", n, 0, "", Tag.PAPER);
        p.conditions.add(width);
        if (!width.holds()) {
            inapplicable.add("Assumption 2.1 fails: n_1 = " + ctx.spec().width(1) + " < N = " + n
                    + " (then λ_F = σ_N(F_1) = 0)");
        }
        for (int l = 2; l < depth; l++) {
            Condition pyr = Condition.evaluate("pyramid_" + l, "Ass. 2.1", "pyramidal widths: n_" + l + " >= n_"
                    + (l + 1), ctx.spec().width(l), ">=", ctx.spec().width(l + 1), 0, "", Tag.PAPER);
            p.conditions.add(pyr);
            if (!pyr.holds()) {
                inapplicable.add("Assumption 2.1 fails: n_" + l + " = " + ctx.spec().width(l) + " < n_" + (l + 1)
                        + " = " + ctx.spec().width(l + 1) + " (the widths after layer 2 must not increase)");
            }
        }

        // ---- conditions (4), (5) and the step size
        int bind = b.bindingLayer();
        String bind4 = String.format(Locale.ROOT, "layer %d: D_%d/B_%d = %.4g (path-length bound of W_%d over its "
                + "movement budget %s)", bind, bind, bind, b.layerSlack(bind), bind, bind <= 2 ? "B = 1"
                        : "B = λ_" + bind + "/2");
        String bind5 = String.format(Locale.ROOT, "feature drift: D_F/(λ_F/2) = %.4g (bound on ‖F_1^k − F_1^0‖_F "
                + "over half of λ_F)", b.featureSlack());
        double margin = flow ? 2 : 1;
        Tag ctag = flow ? Tag.EXTENSION : Tag.PAPER;
        String fl = flow ? " (gradient flow, spec §7.1: a factor-2 margin suffices)" : "";
        Condition c4 = Condition.evaluate("cond4", "(4)", "λ_F² >= K_L ‖X‖_F √(2Φ_0) (λ̄_{3→L}/λ²_{3→L}) max(2λ̄_1"
                + "λ̄_2/min_{l>=3} λ_l λ̄_l, λ̄_1, λ̄_2)" + fl, lambdaF * lambdaF, ">=", b.rhs4() / margin, tolerance,
                bind4, ctag);
        Condition c5 = Condition.evaluate("cond5", "(5)", "λ_F³ >= 2K_L ‖X‖_2 ‖X‖_F √(2Φ_0) (λ̄_{3→L}/λ²_{3→L}) "
                + "λ̄_2" + fl, lambdaF * lambdaF * lambdaF, ">=", b.rhs5() / margin, tolerance, bind5, ctag);
        p.conditions.add(c4);
        p.conditions.add(c5);
        if (etaGiven.isPresent()) {
            p.conditions.add(Condition.evaluate("eta", "Thm 3.2", "step size η < min(1/α_0, 1/Q_0) (η on the "
                    + "loss ½‖F_L − Y‖²)", etaPhi, "<", b.etaMax(), tolerance, b.q0Binds() ? "1/Q_0" : "1/α_0",
                    Tag.PAPER));
        }

        // ---- quantities
        p.q("gamma", "γ", sa.gamma(), "Ass. 2.2", Tag.PAPER, "read from " + sa.source());
        p.q("beta", "β", sa.beta(), "Ass. 2.2", Tag.PAPER, "Lipschitz constant of σ' (T0.14)");
        p.q("N", "N", n, "", Tag.PAPER);
        p.q("L", "L", depth, "", Tag.PAPER);
        p.q("phi0", "Φ(θ_0)", phi0, "", Tag.PAPER, "½‖F_L(θ_0) − Y‖_F², from the forward pass");
        p.q("r0", "√(2Φ(θ_0))", r0, "(4)", Tag.PAPER);
        p.q("normXF", "‖X‖_F", normXF, "(4)", Tag.PAPER);
        p.q("normX2", "‖X‖_2", normX2, "(5)", Tag.PAPER);
        for (int l = 1; l <= depth; l++) {
            p.q("specNorm" + l, "‖W_" + l + "^0‖_2", s[l], "(3)", Tag.PAPER);
        }
        for (int l = 1; l <= depth; l++) {
            p.q("lambdaBar" + l, "λ̄_" + l, b.lambdaBar()[l], "(3)", Tag.PAPER,
                    l <= 2 ? "(2/3)(1 + ‖W_" + l + "^0‖_2)" : "‖W_" + l + "^0‖_2");
        }
        for (int l = 3; l <= depth; l++) {
            p.q("lambda" + l, "λ_" + l, lam[l], "(3)", Tag.PAPER, "σ_min(W_" + l + "^0) = σ_{n_" + l + "}");
        }
        p.q("lambdaF", "λ_F", lambdaF, "§3", Tag.PAPER, "σ_N(σ(X W_1^0)), the N-th singular value; 0 if n_1 < N "
                + "(T0.16)");
        p.q("KL", "K_L", b.kL(), "(4)", Tag.PAPER, "(γ⁴/3)(6/γ²)^L");
        p.q("M", "M", b.m(), "(4)", Tag.PAPER, "min_{l∈{3..L}} λ_l λ̄_l; +∞ for L = 2 (T0.13)");
        for (int l = 1; l <= depth; l++) {
            p.q("D" + l, "D_" + l, b.d()[l], "proof of Thm 3.2", Tag.DERIVED,
                    "bound on the path length Σ_k ‖W_" + l + "^{k+1} − W_" + l + "^k‖_F");
            p.q("B" + l, "B_" + l, b.b()[l], "proof of Thm 3.2", Tag.DERIVED, "movement budget of W_" + l);
            p.q("slack4Layer" + l, "D_" + l + "/B_" + l, b.layerSlack(l), "(4)", Tag.DERIVED,
                    "per-layer factor of (4): slack_4 = max_l D_l/B_l");
        }
        p.q("DF", "D_F", b.dF(), "proof of Thm 3.2", Tag.DERIVED, "‖X‖_2 D_1, bound on ‖F_1^k − F_1^0‖_F");
        p.q("slack5Feature", "D_F/(λ_F/2)", b.featureSlack(), "(5)", Tag.DERIVED, "equals slack_5");
        p.q("alpha0", "α_0", b.alpha0(), "(6)", Tag.PAPER, "(4/γ⁴)(γ²/4)^L λ_F² λ²_{3→L}; PL constant, "
                + "‖∇_{W_2}Φ‖² >= 2α_0 Φ");
        p.q("R", "R", b.r(), "Thm 3.2", Tag.PAPER, "∏_p max(1, (3/2)λ̄_p) (T0.9)");
        p.q("Q0", "Q_0", b.q0(), "(6)", Tag.PAPER, "local Lipschitz constant of ∇Φ");
        p.q("etaMax", "η_max", b.etaMax(), "Thm 3.2", Tag.PAPER, "min(1/α_0, 1/Q_0) on the loss ½‖·‖²; "
                + "the theorem needs η strictly below it");
        p.q("Q1", "Q_1", b.q1(), "(8)", Tag.PAPER, "distance bound ‖θ_k − θ_*‖ <= (1 − ηα_0)^{k/2} Q_1");
        double etaRef = etaGiven.isPresent() ? etaPhi : 0.99 * b.etaMax();
        String at = etaGiven.isPresent() ? "at the given η" : "at η = 0.99·η_max";
        if (!flow) {
            if (etaGiven.isPresent()) {
                p.q("eta", "η", etaPhi, "", Tag.PAPER, "the run's step on the loss ½‖·‖²"
                        + (c != 1 ? String.format(Locale.ROOT, " (optimizer's η × %.6g for its loss reduction)", c)
                                : ""));
                p.q("etaRatio", "η/η_max", etaPhi / b.etaMax(), "", Tag.DERIVED);
            }
            p.q("rho", "1 − ηα_0", b.contraction(etaRef), "(7)", Tag.PAPER, "per-step contraction of the loss " + at);
            p.q("u", "√(1 − ηα_0)", b.u(etaRef), "proof of (9)", Tag.DERIVED, at);
            p.q("kEps", "k_ε", b.stepsTo(eps, etaRef), "(7)", Tag.DERIVED, String.format(Locale.ROOT,
                    "steps until the bound guarantees Φ <= ε = %.4g, %s", eps, at));
            p.q("kEps099", "k_ε(0.99 η_max)", b.stepsTo(eps, 0.99 * b.etaMax()), "(7)", Tag.DERIVED,
                    "the same at η = 0.99·η_max");
        } else {
            p.q("flowRate", "2α_0", 2 * b.alpha0() * c, "§7.1", Tag.EXTENSION,
                    "gradient flow: Φ(t) <= e^{−2α_0 t} Φ(0) while the invariants hold");
        }
        ls.ifPresent(r -> {
            p.q("lambdaStar", "λ_*", r.value(), "(13)", Tag.PAPER, "λ_min(E_w[σ(Xw)σ(Xw)ᵀ]), w ~ N(0, I_d/d), by "
                    + r.method() + "; a diagnostic, not a condition of Theorem 3.2");
            if (!r.closedForm()) {
                p.q("lambdaStarError", "err(λ_*)", r.errorEstimate(), "§3.3", Tag.DERIVED,
                        "‖G_n − G_2n‖_F of the quadrature; bounds the change of λ_min between the two rules");
            }
            p.q("lambdaFRatio", "λ_F²/(n_1 λ_*)", lambdaF * lambdaF / (ctx.spec().width(1) * r.value()), "§3.4",
                    Tag.DERIVED, "≈ 1 under LeCun init for n_1 >> N (λ_F² is an M = n_1 sample of n_1 λ_*)");
        });
        if (lambdaStar && ls.isEmpty()) {
            p.note("λ_*", "not computed: σ has no closed form and 2-D quadrature on " + n + "x" + n
                    + " entries would be too expensive", Tag.DERIVED);
        }

        // ---- verdict
        Verdict verdict = p.verdict(inapplicable, flow
                ? "conditions (4) and (5) hold with the factor-2 margin of the gradient-flow extension"
                : "Assumptions 2.1 and 2.2 and conditions (4) and (5) hold" + (etaGiven.isPresent()
                        ? ", and η < η_max" : "; train with η < η_max"));

        // ---- notes
        p.note("Assumption 2.2", "γ and β were read from " + sa.source() + "; σ(0) = 0, contractive and C² as "
                + "declared; a grid check found no contradiction (a sanity check, not a proof)", Tag.PAPER);
        if (sa.smoothRelu()) {
            p.note("T0.1", "activation (2) is printed with max(γu, x) inside the integral; the intended "
                    + "max(γu, u) is used (the printed form gives σ(0) = (1−γ)(2γ−1)/(2πβ) ≠ 0)", Tag.REPAIRED);
        }
        p.note("T0.16", "λ_F = σ_min(σ(XW_1^0)) is read as σ_N, the N-th largest singular value of the N×n_1 "
                + "matrix F_1 (0 when n_1 < N)", Tag.REPAIRED);
        p.note("T0.5", "invariants used by the monitor: σ_min(W_l^k) >= λ_l/2 (l >= 3), ‖W_l^k‖_2 <= (3/2)λ̄_l, "
                + "σ_N(F_1^k) >= λ_F/2 (P0-(21), garbled display repaired)", Tag.REPAIRED);
        if (depth == 2) {
            p.note("T0.13", "L = 2: λ_{3→L} = λ̄_{3→L} = 1 and the first argument of the max in (4) vanishes",
                    Tag.PAPER);
        }
        p.note("numerics", "τ = " + tolerance + " (SATISFIED if slack <= 1 − τ, VIOLATED if > 1 + τ); norms rounded "
                + "up and λ_F, λ_l rounded down: " + String.join("; ", methods), Tag.DERIVED);
        if (privateBackend) {
            p.privateBackendNote();
        }
        if (c != 1) {
            p.note("loss reduction", String.format(Locale.ROOT, "the run trains on %s, whose gradient is %.6g·∇Φ: "
                    + "η_max above is for Φ = ½‖·‖²; the step-size bound reported to the runner is η_max/%.6g",
                    ctx.reduction(), c, c), Tag.DERIVED);
        }
        if (flow) {
            p.note("§7.1", "gradient flow is not covered by Theorem 3.2; the [derived] continuous-time analogue is "
                    + "used: while the invariants hold, dΦ/dt <= −2α_0Φ, so (4) and (5) with a factor-2 margin "
                    + "suffice and no step-size condition applies; certified for the exact flow, the numerical "
                    + "trajectory is monitored", Tag.EXTENSION);
        }
        if (b.q0Binds() && !flow) {
            p.note("C3", "η_max = 1/Q_0: Q_0 >= α_0 always [derived]; here Q_0/α_0 = " + Reports.num(b.q0()
                    / b.alpha0()), Tag.DERIVED);
        }
        if (verdict == Verdict.CERTIFIED && !flow && etaRef * b.alpha0() < VACUOUS) {
            p.note("vacuous in practice", String.format(Locale.ROOT, "the certificate holds but guarantees a loss "
                    + "decrease of only ηα_0 = %.3g per step (%d steps for a 10⁻⁶ reduction, spec §6.3 R3)",
                    etaRef * b.alpha0(), (long) Math.min(Long.MAX_VALUE, b.stepsTo(1e-6 * phi0, etaRef))),
                    Tag.DERIVED);
        }
        ls.ifPresent(r -> p.note("λ_*", "λ_* (eq. 13) is a diagnostic: Theorem 3.2 uses the concrete λ_F, not λ_*. "
                + "Under LeCun init λ_F² ≈ n_1 λ_* (spec §3.4, T0.3), which drives the width requirement (12) and "
                + "the heuristic projection below", Tag.DERIVED));
        p.notes.add(Note.hidden("(12)", "the LeCun width requirement n_1 = Ω(max(‖X‖_2²/λ_* log²(N/λ_*), "
                + "N² 2^{O(L)}/λ_*²)) and Theorem C.4 have unspecified constants (Appendix C is not in the text); "
                + "only the heuristic projection is given"));
        remediation(p, ctx, b, s, lam, depth);

        OptionalDouble rate = OptionalDouble.empty();
        Optional<LossBound> bound = Optional.empty();
        if (verdict == Verdict.CERTIFIED) {
            if (flow) {
                rate = OptionalDouble.of(2 * b.alpha0() * c);
                bound = Optional.of(new LossBound(Axis.TIME, phi0, 2 * b.alpha0() * c,
                        "Φ(θ(t)) <= e^{−2α_0 t} Φ(θ(0)) (spec §7.1)", Tag.EXTENSION));
            } else {
                rate = OptionalDouble.of(b.contraction(etaRef));
                bound = Optional.of(new LossBound(Axis.STEP, phi0, b.contraction(etaRef),
                        "Φ(θ_k) <= (1 − ηα_0)^k Φ(θ_0)" + (etaGiven.isPresent() ? "" : " at η = 0.99·η_max"),
                        Tag.PAPER));
            }
        }
        OptionalDouble step = flow ? OptionalDouble.empty() : OptionalDouble.of(b.etaMax() / c);
        return new CertificateReport(NAME, THEOREM, verdict, p.reasons, p.conditions, p.quantities, rate, step, bound,
                p.notes);
    }

    /** Spec §1.6 step 9: the §3.1 scale of W_3..W_L, and the heuristic LeCun width projection. */
    private static void remediation(Reports.Parts p, CertificateContext ctx, NmBounds b, double[] s, double[] lam,
            int depth) {
        double slack = Math.max(b.slack4(), b.slack5());
        if (!(slack > 1) || !Double.isFinite(slack)) {
            return;
        }
        boolean w2Zero = isZero(ctx.weight(2));
        if (depth >= 3 && w2Zero) {
            double t = minimalScale(b, s, lam, depth);
            if (Double.isFinite(t)) {
                NmBounds bt = scaled(b, s, lam, depth, t);
                p.q("minimalScale", "t_min", t, "§3.1", Tag.DERIVED, String.format(Locale.ROOT,
                        "smallest factor on W_3..W_L (W_2 = 0) for which (4) and (5) hold (§1.3 b); then η_max = "
                                + "%.3g and k(10⁻⁶) = %.3g", bt.etaMax(), bt.stepsTo(1e-6 * 0.5 * b.r0() * b.r0(),
                                0.99 * bt.etaMax())));
            }
        } else {
            p.note("§3.1 scaling", depth < 3 ? "the §3.1 construction needs L >= 3: for L = 2 only scaling W_1 can "
                    + "help (T0.13)" : "the §3.1 construction needs W_2^0 = 0 (v = 0)", Tag.DERIVED);
        }
        int n1 = ctx.spec().width(1);
        double proj = n1 * Math.max(b.slack4() * b.slack4(), Math.pow(b.slack5(), 2.0 / 3.0));
        p.q("projectedN1", "n_1*", proj, "§1.6 step 9", Tag.EXTENSION, "[heuristic] LeCun width at which (4) and (5) "
                + "would hold, assuming λ_F² ≈ n_1λ_* and ‖W_1‖_2 ≈ 1 + √(n_1/d): n_1·max(slack_4², slack_5^{2/3}); "
                + "a projection, not a theorem");
    }

    private static boolean isZero(HostMatrix m) {
        for (double v : m.data()) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    static NmBounds scaled(NmBounds b, double[] s, double[] lam, int depth, double t) {
        double[] st = s.clone();
        double[] lt = lam.clone();
        for (int l = 3; l <= depth; l++) {
            st[l] *= t;
            lt[l] *= t;
        }
        return NmBounds.of(depth, b.gamma(), b.beta(), b.normXF(), b.normX2(), b.r0(), st, lt, b.lambdaF());
    }

    /** Smallest t with max(slack_4, slack_5) ≤ 1 when W_3..W_L are multiplied by t (both decrease in t). */
    static double minimalScale(NmBounds b, double[] s, double[] lam, int depth) {
        double lo = 1;
        double hi = 2;
        int guard = 0;
        while (worst(scaled(b, s, lam, depth, hi)) > 1) {
            lo = hi;
            hi *= 2;
            if (++guard > 400) {
                return Double.NaN;
            }
        }
        for (int i = 0; i < 80; i++) {
            double mid = Math.sqrt(lo * hi);
            if (worst(scaled(b, s, lam, depth, mid)) > 1) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    private static double worst(NmBounds b) {
        return Math.max(b.slack4(), b.slack5());
    }

    @Override
    public Optional<Monitor> monitor(CertificateReport report, CertificateContext ctx) {
        return Reports.monitor(report, ctx, "nm", () -> new NguyenMondelliMonitor(report, ctx, exactEvery,
                monitorTolerance));
    }
}
