package org.gdcert.certificates.sgdrelu;

import static org.gdcert.certificates.sgdrelu.Sections.fmt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.gdcert.certificates.kernels.Assessments;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.Condition;
import org.gdcert.core.cert.LossBound;
import org.gdcert.core.cert.Note;
import org.gdcert.core.cert.Tag;
import org.gdcert.core.cert.Verdict;
import org.gdcert.core.spi.Certificate;
import org.gdcert.core.spi.Monitor;
import org.gdcert.core.train.Axis;

/**
 * The {@code sgd_relu} checker: seed 004 (Polaczyk &amp; Cyranka, "Improved overparametrization
 * bounds for global convergence of SGD for shallow neural networks"), as specified in
 * {@code shared/specs/certificates-sgd-relu.md}.
 *
 * <ul>
 *   <li>CERT-DI (§4.1): Theorem 3.4 on the concrete X, Y, W0, V0 — every constant explicit, with
 *       rounding margins: α = σ_min(H0ᵀ) &gt; 0 and F &lt; 1/8 (eq. 11) give
 *       L(θ(t)) ≤ L(θ0)e^{−α²t} for every solution of the differential inclusion θ' ∈ −∂L(θ);
 *       Λ &lt; 1 (eq. 10) is the proof-level condition.</li>
 *   <li>CERT-SGD (§4.3): the (S)GD results are qualitative; η0 is reported as not computable, k*
 *       as indicative, the robust ball [EXT] and a stability step size [HEURISTIC] besides.</li>
 *   <li>ASYMPTOTIC (§4.4): the explicit parts of Theorem 4.3 – Theorem 5.1 with every hidden
 *       constant named.</li>
 *   <li>CHECK-TRAJ (§4.2): the {@link TrajectoryMonitor}.</li>
 * </ul>
 *
 * <p>Verdicts: CERTIFIED when F &lt; 1/8 and the run is a flow (clarke, flow); CONDITIONAL when
 * only Λ &lt; 1 holds (proof level), or when the run is plain (S)GD inside Theorem 5.6, whose η0
 * is hidden; NOT_CERTIFIED when neither condition holds; INAPPLICABLE outside the setting (not a
 * two-layer ReLU network without biases, W-only training, d1 &lt; N, momentum or epoch shuffling).
 */
public final class SgdReluCertificate implements Certificate {
    static final String NAME = "sgd_relu";
    static final String SPEC = "shared/specs/certificates-sgd-relu.md";
    static final String THEOREM = "seed 004 (Polaczyk & Cyranka), Thm 3.4 (CERT-DI), Thms 5.1/5.6 (CERT-SGD), "
            + "Thm 4.3–Cor 4.5 (asymptotic)";

    private final SgdReluSettings settings;
    private final Assessments<Assessment> assessments = new Assessments<>(this::evaluate, Assessment::report);

    SgdReluCertificate(SgdReluSettings settings) {
        this.settings = settings;
    }

    @Override
    public CertificateReport assess(CertificateContext ctx) {
        return assessments.assess(ctx);
    }

    @Override
    public Optional<Monitor> monitor(CertificateReport report, CertificateContext ctx) {
        Assessment a = assessments.take(report, ctx);
        if (a.instance() == null || a.numbers() == null || !(a.numbers().alphaLower() > 0)) {
            return Optional.empty();
        }
        return Optional.of(new TrajectoryMonitor(a, settings));
    }

    /** Everything of one assessment; never throws on a setting outside the theorems. */
    Assessment evaluate(CertificateContext ctx) {
        Setup.Result setup;
        try {
            setup = Setup.analyze(ctx, settings);
        } catch (RuntimeException e) {
            return new Assessment(inapplicable(List.of("the applicability check failed: " + e.getMessage()), List.of()),
                    null, null, null, Assessment.Level.NONE);
        }
        Sections s = new Sections();
        for (Finding f : setup.findings()) {
            s.note(f.code(), f.status() + ": " + f.message(), Tag.PAPER);
        }
        if (setup.instance().isEmpty()) {
            List<String> reasons = setup.excluding().stream().map(Finding::line).toList();
            return new Assessment(inapplicable(reasons, s.notes), setup, null, null, Assessment.Level.NONE);
        }
        Instance inst = setup.instance().get();
        OptimizerScope opt = setup.optimizer();
        instanceQuantities(ctx, inst, opt, s);
        DiNumbers num = null;
        Assessment.Level level;
        try {
            Spectra.OpNorm op = Spectra.opNormUpper(inst.x());
            InitScales.Scale bw = InitScales.of(ctx, 1, inst.w0());
            InitScales.Scale bv = InitScales.of(ctx, 2, inst.v0());
            DataChecks data = DataChecks.compute(inst, op, bw.value(), bv.value());
            dataQuantities(data, s);
            if (inst.mask() == Instance.Mask.BOTH) {
                num = DiNumbers.compute(inst, op);
                level = certDi(inst, num, s);
                CertSgd.report(ctx, inst, num, level, opt, settings, s);
            } else {
                level = Assessment.Level.NOT_COVERED;
            }
            Asymptotic.report(inst, num, data, bw, bv, opt, settings, s);
        } catch (RuntimeException e) {
            List<String> reasons = new ArrayList<>(setup.excluding().stream().map(Finding::line).toList());
            reasons.add("the certificate could not be computed: " + e.getMessage());
            return new Assessment(inapplicable(reasons, s.notes), setup, inst, null, Assessment.Level.NONE);
        }
        commonNotes(inst, num, s);
        CertificateReport report = verdict(ctx, setup, inst, num, level, opt, s);
        return new Assessment(report, setup, inst, num == null ? null : num.withoutPreactivations(), level);
    }

    private CertificateReport verdict(CertificateContext ctx, Setup.Result setup, Instance inst, DiNumbers num,
            Assessment.Level level, OptimizerScope opt, Sections s) {
        List<String> reasons = new ArrayList<>();
        Verdict verdict;
        OptionalDouble rate = OptionalDouble.empty();
        Optional<LossBound> bound = Optional.empty();
        List<Finding> excluding = setup.excluding();
        String di = num == null ? "" : diSummary(num);
        switch (level) {
            case NOT_COVERED, NOT_APPLICABLE, NONE -> {
                verdict = Verdict.INAPPLICABLE;
                excluding.stream().map(Finding::line).forEach(reasons::add);
            }
            case NOT_CERTIFIED -> {
                verdict = Verdict.NOT_CERTIFIED;
                reasons.add("CERT-DI NOT_CERTIFIED: " + di + "; the certificate applies only to very wide networks "
                        + "(e.g. F ≈ 0.046 at N = d0 = 200, d1 = 20000 for unit-norm data; the Section 6 experiments, "
                        + "d1 < N, are far outside it)");
            }
            default -> {
                boolean paper = level == Assessment.Level.CERTIFIED;
                String what = paper ? "CERT-DI CERTIFIED: " + di + ": every solution of the DI θ' ∈ −∂L(θ) is global "
                        + "and L(θ(t)) ≤ L(θ0)e^{−α²t} (12) [Theorem 3.4]"
                        : "CERT-DI CERTIFIED_PROOF_LEVEL: " + di + ": (11) fails but Lemma 3.3's (10) holds, and the "
                        + "proof of Theorem 3.4 uses (11) only through Lemma 3.3 [DERIVED, spec §3.3]";
                double alpha = num.alphaLower();
                if (opt.continuous() && opt.known()) {
                    verdict = paper ? Verdict.CERTIFIED : Verdict.CONDITIONAL;
                    reasons.add(what);
                    if (!paper) {
                        reasons.add("CONDITIONAL: the paper's stated hypothesis (11) fails; the guarantee rests on the "
                                + "derived reading of the proof");
                    }
                    double r = alpha * alpha * opt.timeScale();
                    rate = OptionalDouble.of(r);
                    String conv = opt.timeScale() != 1 ? String.format(Locale.ROOT, "; on the %s loss the flow's time "
                            + "t is DI time %s·t, so Φ(θ(t)) ≤ Φ(θ0)e^{−%s t}", ctx.reduction(), fmt(opt.timeScale()),
                            fmt(r)) : "";
                    bound = Optional.of(new LossBound(Axis.TIME, num.loss0(), r, "L(θ(t)) ≤ L(θ0)·exp(−α² t), α² = "
                            + fmt(alpha * alpha) + " (eq. 12, every DI solution)" + conv, paper ? Tag.PAPER
                            : Tag.DERIVED));
                } else if (!opt.continuous() && opt.inScope()) {
                    verdict = Verdict.CONDITIONAL;
                    reasons.add(what + " — a statement about the continuous-time DI");
                    reasons.add("CONDITIONAL: for " + opt.describe() + " seed 004 gives Theorem 5.6 only: "
                            + "L(θ_{k*}) < ε for almost every η below an η0 that EXISTS but is NOT COMPUTABLE "
                            + "(qualitative), with probability ≥ 1 − δ given θ0 ∈ Q; see CERT-SGD (sgd.*) for the "
                            + "indicative k* and the robust ball Q = B(θ0, r*)");
                } else {
                    verdict = Verdict.INAPPLICABLE;
                    reasons.add(what + " — a statement about the continuous-time DI");
                    reasons.add("INAPPLICABLE for this run: " + opt.describe() + " is outside Theorems 5.1/5.6 ("
                            + String.join("; ", opt.outside()) + "); the monitor compares the run with the DI bound "
                            + "under the heuristic time map, which is NOT a guarantee");
                }
            }
        }
        if (level == Assessment.Level.NOT_APPLICABLE && num != null) {
            reasons.add(0, "CERT-DI NOT_APPLICABLE: d1 = " + inst.width() + " < N = " + inst.samples() + " gives "
                    + "α = σ_min(H0ᵀ) = 0; the explicit constants are still reported (di.*)");
        } else if (level == Assessment.Level.NOT_COVERED) {
            reasons.add(0, "NOT_COVERED: " + inst.mask().words() + " — no certificate in the main text (spec §4.4(f)); "
                    + "the Section 6 trajectory metrics (zeros, patterns, ΔD monitors) still run");
        }
        return new CertificateReport(NAME, THEOREM, verdict, reasons, s.conditions, s.quantities, rate,
                OptionalDouble.empty(), bound, s.notes);
    }

    private static String diSummary(DiNumbers num) {
        if (!(num.alphaLower() > 0)) {
            return "α = σ_min(H0ᵀ) = " + fmt(num.alpha()) + " is not positive after the rounding margin";
        }
        DiConstants k = num.constants();
        return String.format(Locale.ROOT, "α = %s, F = %s %s 1/8 (eq. 11), Λ = %s %s 1 (eq. 10)", fmt(num.alphaLower()),
                fmt(k.f()), k.f() < 0.125 ? "<" : "≥", fmt(k.lambda()), k.lambda() < 1 ? "<" : "≥");
    }

    /** CERT-DI (§4.1): conditions, constants, guarantee table; returns the level. */
    private Assessment.Level certDi(Instance inst, DiNumbers num, Sections s) {
        int n = inst.samples();
        int d1 = inst.width();
        double tol = settings.tolerance();
        s.conditions.add(Condition.evaluate("width", "§1.4, Thm 3.4", "d1 ≥ N (otherwise rank(H0) < N and α = 0)", d1,
                ">=", n, 0, "", Tag.PAPER));
        s.q("di.xop", "‖X‖_op", num.xop(), "eq. (7)", Tag.PAPER, num.opNorm().method());
        s.q("di.xopUpper", "‖X‖_op (upper)", num.xopUpper(), "§4.1 step 1", Tag.DERIVED, "the toolkit's verified upper "
                + "bound, at least 10·max(N,d0)·u·‖X‖_F above ‖X‖_op (power iteration alone would be a lower bound)");
        s.q("di.normW0", "‖W0‖_F", num.normW(), "eq. (7)", Tag.PAPER, "compensated sum");
        s.q("di.normV0", "‖V0‖_F", num.normV(), "eq. (7)", Tag.PAPER, "compensated sum");
        s.q("di.normTheta0", "‖θ0‖", num.normTheta(), "eq. (13)", Tag.PAPER);
        s.q("di.loss0", "L(θ0)", num.loss0(), "§1.2", Tag.PAPER, "½‖φ(XW0)V0 − Y‖²_F (SUM_HALF)");
        s.q("di.a", "a = √L(θ0)", num.a(), "eq. (8)", Tag.PAPER);
        s.q("di.aUpper", "a (upper)", num.aUpper(), "§4.1 step 3", Tag.DERIVED, "plus the rounding bound of the "
                + "residual (DiNumbers)");
        s.q("di.alpha", "α = σ_min(H0ᵀ)", num.alpha(), "eq. (8)", Tag.PAPER, num.alphaMethod());
        s.q("di.alphaLower", "α (lower)", num.alphaLower(), "§4.1 step 5", Tag.DERIVED, "the toolkit's verified lower "
                + "bound (at least 10·max(N,d1)·u·‖H0‖_op below α) minus the rounding bound of H0 (Weyl)");
        s.q("di.h0op", "‖H0‖_op", num.h0op(), "§4.3", Tag.DERIVED);
        DiConstants k = num.constants();
        s.q("di.c", "c = ‖X‖²_op", k.c(), "eq. (7)", Tag.PAPER);
        s.q("di.c1", "c1 = 2√2‖X‖²_op‖V0‖_F", k.c1(), "eq. (7)", Tag.PAPER);
        s.q("di.c2", "c2 = 2‖X‖³_op‖W0‖_F", k.c2(), "eq. (7)", Tag.PAPER);
        if (d1 < n) {
            return Assessment.Level.NOT_APPLICABLE;
        }
        if (!(num.alphaLower() > 0)) {
            s.conditions.add(new Condition("alpha_positive", "Thm 3.4", "α = σ_min(H0ᵀ) > 0 (after the rounding margin "
                    + fmt(num.alpha() - num.alphaLower()) + ")", num.alphaLower(), ">", 0, Condition.Status.VIOLATED,
                    "", Tag.PAPER));
            return Assessment.Level.NOT_CERTIFIED;
        }
        s.conditions.add(Condition.evaluate("alpha_positive", "Thm 3.4", "α = σ_min(H0ᵀ) > 0 (after the rounding "
                + "margin)", num.alphaLower(), ">", 0, 0, "", Tag.PAPER));
        double f = k.f();
        double lambda = k.lambda();
        double termA = k.termA();
        double termB = k.termB();
        double e = k.exponent();
        s.q("di.termA", "A = a c1/α³", termA, "eq. (11)", Tag.PAPER, "second-layer (‖V0‖) term");
        s.q("di.termB", "B = a² c2/α⁵", termB, "eq. (11)", Tag.PAPER, "first-layer (‖W0‖) term");
        s.q("di.exponent", "E = 4ca²/α⁴", e, "eq. (11)", Tag.PAPER, e > DiConstants.EXPONENT_CAP
                ? "above 700: F and Λ reported as +∞" : "");
        s.q("di.F", "F", f, "eq. (11)", Tag.PAPER, "(A + B)·e^E, evaluated in the log domain; ln F = " + fmt(k.logF()));
        s.q("di.Lambda", "Λ", lambda, "eq. (10)", Tag.PAPER, "4(A + 2B)·e^E ≤ 8F, so F < 1/8 implies Λ < 1");
        s.q("di.margin8F", "8F", 8 * f, "eq. (11)", Tag.DERIVED, "≤ 1 means (11) holds");
        String binding = (termB >= termA ? "B = a²c2/α⁵ (first layer, ‖W0‖)" : "A = ac1/α³ (second layer, ‖V0‖)")
                + (e > 0.1 ? String.format(Locale.ROOT, ", e^E = %s", fmt(Math.exp(Math.min(e, 700)))) : "");
        Condition eq11 = Condition.evaluate("eq11", "(11)", "F = (ac1/α³ + a²c2/α⁵)·exp(4ca²/α⁴) < 1/8 (Theorem "
                + "3.4)", f, "<", 0.125, tol, binding, Tag.PAPER);
        Condition eq10 = Condition.evaluate("eq10", "(10)", "Λ = 4(ac1/α³ + 2a²c2/α⁵)·exp(4ca²/α⁴) < 1 (Lemma 3.3; "
                + "sufficient for Theorem 3.4's proof [DERIVED])", lambda, "<", 1, tol, binding, Tag.PAPER);
        s.conditions.add(eq11);
        s.conditions.add(eq10);
        DiConstants nominal = num.nominal();
        s.q("di.Fnominal", "F (no margins)", nominal.f(), "eq. (11)", Tag.DERIVED, "what a float64 prototype reports");
        Assessment.Level level = eq11.holds() ? Assessment.Level.CERTIFIED
                : eq10.holds() ? Assessment.Level.CERTIFIED_PROOF_LEVEL : Assessment.Level.NOT_CERTIFIED;
        guarantees(inst, num, k, level, s);
        return level;
    }

    /** The guarantee table of §4.1, valid for every DI solution and every t ≥ 0 when certified. */
    private void guarantees(Instance inst, DiNumbers num, DiConstants k, Assessment.Level level, Sections s) {
        Tag tag = level == Assessment.Level.CERTIFIED ? Tag.PAPER : Tag.DERIVED;
        String valid = level.certifies() ? "" : "NOT a guarantee (the instance is not certified): ";
        double alpha = k.alpha();
        double a = k.a();
        double xop = num.xopUpper();
        s.q("di.rate", "γ = α²", alpha * alpha, "eq. (12)", tag, valid + "L(θ(t)) ≤ L(θ0)e^{−α²t}");
        s.q("di.lbarBound", "2a/α²", k.lbarBound(), "Lemma 3.3", tag, valid + "L̄(t) = ∫₀ᵗ√L ≤ (2a/α²)(1 − "
                + "e^{−α²t/2}) < 2a/α²; √L(θ(t)) ≤ a e^{−α²t/2}");
        s.q("di.driftBound", "α/4", alpha / 4, "(6), Lemma 3.3", Tag.DERIVED, valid + "‖X‖_op‖W(t) − W0‖_F < α/4 "
                + "(αg(L̄) < α²/2 in Lemma 3.3's proof)");
        s.q("di.alphaFloor", "3α/4", 0.75 * alpha, "(4)", Tag.DERIVED, valid + "α0(t) = σ_min(H(t)ᵀ) > 3α/4");
        double lbar = k.lbarBound();
        double u = k.u(xop);
        double dispSharp = DiConstants.displacement(xop, num.normW() + num.normV(), lbar);
        s.q("di.displacementBound", "U(2a/α²)", dispSharp, "(5), Lemma 3.1", tag, valid + "‖θ(t) − θ0‖ ≤ "
                + "√2‖X‖(‖W0‖ + ‖V0‖)·s·e^{√2‖X‖s} at s = 2a/α²");
        s.q("di.u", "u = 4‖X‖_op a/α²", u, "(13)", Tag.PAPER);
        s.q("di.displacementPaper", "u‖θ0‖e^u", u * num.normTheta() * Math.exp(u), "(13)", tag, valid
                + "the paper's form of the displacement bound");
        s.q("di.ballRadius", "2U(2a/α²)", 2 * dispSharp, "proof of Thm 3.4", Tag.PAPER, "radius of the ball G the "
                + "proof works in");
        double eps = settings.epsilonFor(num.loss0());
        s.q("di.timeToEpsilon", "T_ε = ln(L0/ε)/α²", k.timeTo(eps), "(12)", Tag.DERIVED, valid + "DI time at which "
                + "the bound (12) reaches ε = " + fmt(eps));
    }

    private static void instanceQuantities(CertificateContext ctx, Instance inst, OptimizerScope opt, Sections s) {
        s.q("inst.samples", "N", inst.samples(), "§1.1", Tag.PAPER);
        s.q("inst.d0", "d0", inst.inputDim(), "§1.1", Tag.PAPER);
        s.q("inst.d1", "d1", inst.width(), "§1.1", Tag.PAPER);
        s.q("inst.d2", "d2", inst.outputs(), "§1.1", Tag.PAPER);
        s.q("inst.scale", "X_eff/X", inst.scale(), "§1.4", Tag.DERIVED, "product of the layer multipliers; "
                + "certificates are in the coordinates actually trained");
        s.q("inst.sigmaPrimeZero", "σ'(0)", inst.derivativeAtZero(), "§2.3", Tag.PAPER, "the run's fixed selection");
        s.q("inst.reductionMultiplier", "m_N", opt.reductionFull(), "§1.2", Tag.DERIVED, ctx.reduction()
                + ": gradient multiplier relative to SUM_HALF (MEAN → 2/(N d2), SUM → 2)");
        s.q("inst.seed", "seed", ctx.seed(), "§1.3", Tag.PAPER);
        s.note("instance", String.format(Locale.ROOT, "N = %d, d0 = %d, d1 = %d, d2 = %d; trained: %s; loss "
                + "reduction %s (reported losses are L = ½‖·‖², SUM_HALF); optimizer %s; seed %d", inst.samples(),
                inst.inputDim(), inst.width(), inst.outputs(), inst.mask().words(), ctx.reduction(), opt.describe(),
                ctx.seed()), Tag.PAPER);
    }

    private static void dataQuantities(DataChecks d, Sections s) {
        s.q("data.rowNormMin", "min ‖x_i‖", d.rowNormMin(), "A1", Tag.PAPER);
        s.q("data.rowNormMax", "max ‖x_i‖", d.rowNormMax(), "A1", Tag.PAPER);
        s.q("data.delta0", "δ0_eff = ln d0/ln N", d.delta0(), "Thm 4.3", Tag.DERIVED);
        s.q("data.rank", "rank(X)", d.rank(), "§2.2", Tag.DERIVED, "numerical rank");
        s.q("data.maxCos", "max |cos∠(x_i, x_l)|", d.maxCos(), "§2.2", Tag.DERIVED);
        s.q("data.collinearPairs", "collinear pairs", d.collinearCount(), "§2.2", Tag.DERIVED, "DEGENERATE_KINK risk "
                + "when > 0");
        s.q("data.maxTargetNorm", "max ‖Y_i‖", d.maxTarget(), "A5", Tag.PAPER);
        for (Finding f : d.findings()) {
            s.note(f.code(), f.status() + ": " + f.message(), Tag.PAPER);
        }
    }

    private static void commonNotes(Instance inst, DiNumbers num, Sections s) {
        s.note("scope", "CERT-DI is deterministic and holds for any concrete X, Y, W0, V0 (no assumption A1–A5), but it "
                + "only certifies very wide networks: F ≈ 0.046 at N = d0 = 200, d1 = 20000 (unit-norm rows, W0 ~ "
                + "N(0,1), V0 ~ N(0,1/d1)); every Section 6 configuration has d1 < N and is far outside it", Tag.PAPER);
        if (num != null) {
            s.note("numerics", String.format(Locale.ROOT, "float64 on the host (core.spectral, EJML); margins applied: "
                    + "‖X‖_op +%s, a +%s, α −%s (u = 2^-53)", fmt(num.xopUpper() - num.xop()),
                    fmt(num.aUpper() - num.a()), fmt(num.alpha() - num.alphaLower())), Tag.DERIVED);
        }
        s.note("typos", "resolutions adopted (spec §6): eq. (9) read as y' ≤ a·exp(t[α(c1y + c2y²)e^{cy²} − α²]) "
                + "(item 1); Figure 1 matches eq. (9) only with a factor 2 in front of α (item 2); (10) and (11) "
                + "differ consistently, F < 1/8 ⇒ Λ < 1 (item 3); eq. (14) reads θ_{k+1} ∈ θ_k − η∂L^b(θ_k, ξ_{k+1}) "
                + "(item 4); θ(tN/b) in Thm 5.6's proof, its Lipschitz bound renamed Lip_G (item 5); [N]^b means "
                + "b-subsets (item 6); Remark 5.4's 'Corollary 5.1' is Theorem 5.1 (item 7); d2 restored in Theorem "
                + "5.1's probability and eq. (15) (item 8); Remark 5.3 means rows X_{i,:} (item 9); θ: ℝ+ → ℝ^D "
                + "(item 10); C(δ0), c(δ0) unknown functions of δ0 (item 11); (‖W0‖_F + ‖V0‖_F) used in U, not "
                + "√2‖θ‖ (item 12); σ_min(H0ᵀ) = √λ_min(H0H0ᵀ), 0 when d1 < N (item 18)", Tag.REPAIRED);
        s.note("appendices", "Appendices A–H (proofs of Prop 2.1, Lemma 3.1, Thm 4.3, Lemma 4.4, Cor 4.5, Appendix F, "
                + "Appendix G's W-only bound, Lemma H.1) are not in the source; nothing here needs their content",
                Tag.PAPER);
        s.note("provenance", "spec " + SPEC + "; source seeds/004 (review version, main text)"
                + (inst.scale() != 1 ? "; X_eff = " + org.gdcert.core.spi.ParamValue.renderNumber(inst.scale()) + "·X"
                : ""), Tag.DERIVED);
    }

    private static CertificateReport inapplicable(List<String> reasons, List<Note> notes) {
        return CertificateReport.inapplicable(NAME, THEOREM, reasons, notes);
    }
}
