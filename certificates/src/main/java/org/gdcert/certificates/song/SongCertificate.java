package org.gdcert.certificates.song;

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
import org.gdcert.core.cert.Quantity;
import org.gdcert.core.cert.Tag;
import org.gdcert.core.cert.Verdict;
import org.gdcert.core.spi.Certificate;
import org.gdcert.core.spi.Monitor;
import org.gdcert.core.train.Axis;

/**
 * The {@code song} checker: seed 003 (Song, Ramezani-Kebrya, Pethick, Eftekhari, Cevher,
 * "Subquadratic overparameterization for shallow neural networks", NeurIPS 2021), Theorems 1 and 2
 * through Lemma 3 on the concrete θ0, as specified in {@code shared/specs/certificates-song.md}.
 *
 * <p>PAPER mode (default) evaluates Lemma 3's μ = σ_min(φ(W0X)) (0 when d1 &lt; n, §1.3),
 * ν = φ̇_max σ_max(X) σ_max(V0) + σ_max(φ(W0X)) and β with the self-consistent χ* (§4.3); EXACT mode
 * ([X]) uses the exact singular values of the Jacobian from the tangent-kernel Gram (§3.2). Both feed
 * the explicit-constant Theorems 1′ (gradient flow: h0 &lt; α_f μ⁶/(288β²ν²)) and 2′ (gradient
 * descent: h0 &lt; α_f μ⁶/(4608β²ν²), η ≤ η_max) of §2.6, which are sufficient versions of the
 * paper's O(·) statements (9), (13), (14) with every constant derived from the proofs. The verdict
 * is for the run's optimizer: gradient flow when the axis is TIME or the optimizer is {@code flow},
 * full-batch GD for {@code gd}; anything else is INAPPLICABLE with diagnostics. Theorem 3's width
 * condition is reported as an order estimate with its hidden constants, never as a guarantee.
 */
public final class SongCertificate implements Certificate {
    static final String NAME = "song";
    static final String PAPER = "seed 003 (Song et al. 2021)";

    private final SongSettings settings;
    private final Assessments<SongAssessment> assessments = new Assessments<>(this::evaluate, SongAssessment::report);

    SongCertificate(SongSettings settings) {
        this.settings = settings;
    }

    SongSettings settings() {
        return settings;
    }

    @Override
    public CertificateReport assess(CertificateContext ctx) {
        return assessments.assess(ctx);
    }

    @Override
    public Optional<Monitor> monitor(CertificateReport report, CertificateContext ctx) {
        SongAssessment a = assessments.get(report, ctx);
        if (a.net() == null || a.paper() == null || !a.paper().available()) {
            return Optional.empty();
        }
        return Optional.of(new SongMonitor(a, ctx, settings));
    }

    /** The assessment; never throws on a setting outside the theorems. */
    SongAssessment evaluate(CertificateContext ctx) {
        SongApplicability.Result app;
        try {
            app = SongApplicability.analyze(ctx, settings);
        } catch (RuntimeException e) {
            return SongAssessment.of(CertificateReport.inapplicable(NAME, PAPER, List.of("the applicability check "
                    + "failed: " + e.getMessage()), List.of()), null);
        }
        try {
            return evaluate(ctx, app, null);
        } catch (RuntimeException e) {
            List<String> reasons = new ArrayList<>(app.failures().stream().map(SongCheck::line).toList());
            reasons.add("the certificate could not be computed: " + e.getMessage());
            return SongAssessment.of(CertificateReport.inapplicable(NAME, PAPER, reasons, checkNotes(app)), app);
        }
    }

    /**
     * The assessment of {@code ctx} with the instance's arrays taken from {@code instance} when given
     * (the paper's layout through {@link ShallowNet#columnMajor}, spec §7 P5), else from the context.
     */
    SongAssessment evaluate(CertificateContext ctx, SongApplicability.Result app, ShallowNet instance) {
        List<Note> notes = checkNotes(app);
        String theorem = PAPER + ", " + (app.optimizer().theorem.equals("none") ? "Theorems 1–2 via Lemma 3 ("
                + app.optimizer().words + ": not covered)" : app.optimizer().theorem + " (" + app.optimizer().words
                + ") via Lemma 3, explicit constants of " + app.optimizer().theorem + "′ (spec §2.6)");
        if (!app.computable()) {
            List<String> reasons = app.failures().stream().map(SongCheck::line).toList();
            hiddenConstants(notes);
            return SongAssessment.of(CertificateReport.inapplicable(NAME, theorem, reasons, notes), app);
        }
        ActivationConstants ac = app.constants().get();
        ShallowNet net = instance != null ? instance : ShallowNet.rowMajor(ctx.inputs(), ctx.targets(),
                ctx.weight(1), ctx.weight(2), app.activation().get().instance());
        NearIsometry.Paper paper = NearIsometry.paper(net, ac.dotMax(), settings);
        List<Quantity> q = new ArrayList<>();
        List<Condition> c = new ArrayList<>();
        List<String> reasons = new ArrayList<>(app.failures().stream().map(SongCheck::line).toList());
        instance(net, app, ac, paper, q);
        if (!paper.available()) {
            reasons.add("Lemma 3's bounds were not computed: " + paper.unavailable());
            hiddenConstants(notes);
            return new SongAssessment(new CertificateReport(NAME, theorem, Verdict.INAPPLICABLE, reasons, c, q,
                    OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(), notes), app, net, paper, null,
                    null, null, settings.exact());
        }
        double s = app.scale();
        PlConstants plPaper = PlConstants.of(paper.mu(), paper.nu(), paper.sigmaMaxX(), paper.sigmaMaxV0(),
                paper.xMax(), ac.dotMax(), ac.ddotMax(), s, paper.residualNorm(), settings.userChi());
        NearIsometry.Exact exact = NearIsometry.exact(net, settings);
        PlConstants plExact = exact.available() && exact.mu() > 0 ? PlConstants.of(exact.mu(), exact.nu(),
                paper.sigmaMaxX(), paper.sigmaMaxV0(), paper.xMax(), ac.dotMax(), ac.ddotMax(), s,
                paper.residualNorm(), settings.userChi()) : null;
        lemmaThree(paper, plPaper, ac, q);
        if (plPaper.mu() > 0) {
            framework(plPaper, app, "", Tag.DERIVED, q);
        }
        exactQuantities(exact, plExact, app, q, notes);
        boolean exactMode = settings.exact();
        PlConstants pl = exactMode ? plExact : plPaper;
        String mode = exactMode ? "EXACT mode ([X] exact Jacobian singular values, not Lemma 3)"
                : "PAPER mode (Lemma 3's bounds)";
        Verdict verdict;
        OptionalDouble rate = OptionalDouble.empty();
        OptionalDouble stepBound = OptionalDouble.empty();
        Optional<LossBound> bound = Optional.empty();
        conditions(net, paper, exact, pl, app, exactMode, c);
        double mu = exactMode ? (exact.available() ? exact.mu() : 0) : paper.mu();
        if (!(mu > 0)) {
            verdict = Verdict.INAPPLICABLE;
            if (exactMode) {
                reasons.add(exact.available() ? String.format(Locale.ROOT, "EXACT mode: μ_ex = σ_min(∇Φ*(Θ0)) = 0 "
                        + "(λ_min(K0) = %.6g within rounding)", exact.lambdaMin()) : "EXACT mode unavailable: "
                        + exact.reason());
            } else {
                reasons.add(paper.muReason());
                if (plExact != null) {
                    reasons.add(String.format(Locale.ROOT, "EXACT mode ([X]) applies: μ_ex = %.10g > 0 (d = %d ≥ "
                            + "d2·n = %d); song(mode=exact) gives its verdict", exact.mu(), net.parameterCount(),
                            net.d2 * net.n));
                } else if (!exact.available()) {
                    reasons.add("EXACT mode ([X]) unavailable: " + exact.reason());
                }
            }
        } else {
            boolean flow = app.flow();
            List<Condition> relevant = c.stream().filter(k -> k.id().startsWith(flow ? "GF" : "GD")
                    || k.id().equals("chi_user")).toList();
            boolean all = relevant.stream().allMatch(Condition::holds);
            boolean applicable = app.failures().isEmpty();
            verdict = !applicable ? Verdict.INAPPLICABLE : all ? Verdict.CERTIFIED : Verdict.NOT_CERTIFIED;
            double eta = Double.isNaN(app.eta()) ? pl.etaMax() : app.eta();
            if (app.optimizer() == SongApplicability.OptimizerKind.GD || app.optimizer()
                    == SongApplicability.OptimizerKind.SGD) {
                stepBound = OptionalDouble.of(pl.etaMax());
            }
            if (verdict == Verdict.CERTIFIED) {
                double phi0 = pl.h0() / (2 * s);
                if (flow) {
                    rate = OptionalDouble.of(pl.flowRate());
                    bound = Optional.of(new LossBound(Axis.TIME, phi0, pl.flowRate(), "h(γ(t)) ≤ e^{−α_f μ² t/2} h(Θ0)"
                            + " (Theorem 1′ of spec §2.6: rate derived from the local PL constant, not in the paper, "
                            + "A38)", Tag.DERIVED));
                    reasons.add(0, String.format(Locale.ROOT, "CERTIFIED (%s): h(Θ0) = %.6g < α_f μ⁶/(288β²ν²) = %.6g "
                            + "(margin %.4g); gradient flow stays in ball(Θ0, ρ = %.6g) and converges to a global "
                            + "minimum", mode, pl.h0(), pl.thresholdFlow(), pl.thresholdFlow() / pl.h0(), pl.rho()));
                } else {
                    double qq = pl.contraction(eta);
                    rate = OptionalDouble.of(qq);
                    bound = Optional.of(new LossBound(Axis.STEP, phi0, qq, "h(Θ_i) ≤ (1 − η α_f μ²/4)^i h(Θ0) (Theorem "
                            + "2′ of spec §2.6: the paper's (14) with C = 1/4 derived)" + (Double.isNaN(app.eta())
                            ? " at η = η_max" : ""), Tag.DERIVED));
                    reasons.add(0, String.format(Locale.ROOT, "CERTIFIED (%s): h(Θ0) = %.6g < α_f μ⁶/(4608β²ν²) = %.6g "
                            + "(margin %.4g) and %s; gradient descent stays in ball(Θ0, ρ = %.6g) and h contracts by "
                            + "q = %.12g per step", mode, pl.h0(), pl.thresholdDescent(), pl.thresholdDescent()
                            / pl.h0(), Double.isNaN(app.eta()) ? String.format(Locale.ROOT, "the step size is not "
                            + "known yet: any η ≤ η_max = %.6g is certified", pl.etaMax()) : String.format(Locale.ROOT,
                            "η = %.6g ≤ η_max = %.6g", app.eta(), pl.etaMax()), pl.rho(), qq));
                }
            } else {
                for (Condition k : relevant) {
                    if (!k.holds()) {
                        reasons.add(String.format(Locale.ROOT, "%s %s %s: %.6g %s %.6g %s (slack %.4g)", k.id(),
                                k.equation(), k.description(), k.lhs(), k.relation(), k.rhs(), k.status()
                                        == Condition.Status.INDETERMINATE ? "is numerically marginal" : "fails",
                                k.slack()));
                    }
                }
                if (verdict == Verdict.NOT_CERTIFIED) {
                    reasons.add(0, "NOT_CERTIFIED (" + mode + ")");
                }
            }
            boolean gf = Condition.evaluate("GF1", "", "", pl.h0(), "<", pl.thresholdFlow(), settings.marginal(), "",
                    Tag.DERIVED).holds();
            boolean gd = Condition.evaluate("GD1", "", "", pl.h0(), "<", pl.thresholdDescent(), settings.marginal(),
                    "", Tag.DERIVED).holds();
            reasons.add(String.format(Locale.ROOT, "per optimizer (%s): gradient flow %s (h0/thr_GF = %.4g), gradient "
                    + "descent %s (h0/thr_GD = %.4g%s)", exactMode ? "EXACT" : "PAPER", gf ? "CERTIFIED"
                    : "NOT_CERTIFIED", pl.h0() / pl.thresholdFlow(), gd ? "CERTIFIED for η ≤ η_max" : "NOT_CERTIFIED",
                    pl.h0() / pl.thresholdDescent(), String.format(Locale.ROOT, ", η_max = %.6g", pl.etaMax())));
        }
        theoremThree(ctx, net, paper, ac, q, notes);
        lazy(paper, plPaper, exact, ac, q);
        explain(app, paper, notes);
        hiddenConstants(notes);
        CertificateReport report = new CertificateReport(NAME, theorem, verdict, reasons, c, q, rate, stepBound, bound,
                notes);
        return new SongAssessment(report, app, net, paper, exact, plPaper, plExact, exactMode);
    }

    private static List<Note> checkNotes(SongApplicability.Result app) {
        List<Note> notes = new ArrayList<>();
        if (app != null) {
            for (SongCheck k : app.checks()) {
                notes.add(new Note(k.code(), k.status() + ": " + k.message(), Tag.PAPER));
            }
        }
        return notes;
    }

    private static void instance(ShallowNet net, SongApplicability.Result app, ActivationConstants ac,
            NearIsometry.Paper p, List<Quantity> q) {
        q.add(Quantity.of("n", "n", net.n, "§5.1", Tag.PAPER));
        q.add(Quantity.of("d0", "d0", net.d0, "(15)", Tag.PAPER));
        q.add(Quantity.of("d1", "d1", net.d1, "(15)", Tag.PAPER));
        q.add(Quantity.of("d2", "d2", net.d2, "(15)", Tag.PAPER));
        q.add(Quantity.of("d", "d = d1(d0 + d2)", net.parameterCount(), "§1.1", Tag.PAPER));
        q.add(Quantity.of("dTilde", "d̃ = d2 n", (double) net.d2 * net.n, "§1.1", Tag.PAPER));
        q.add(Quantity.of("dOverDTilde", "d/d̃", (double) net.parameterCount() / ((double) net.d2 * net.n), "§4.4",
                Tag.PAPER));
        q.add(new Quantity("lossScale", "s", app.scale(), "§2.6", Tag.DERIVED, "training loss f(Z) = s‖Z − Y‖²_F; "
                + "the paper's h has s = 1"));
        q.add(new Quantity("dotMax", "φ̇_max", ac.dotMax(), "Assumption 2", Tag.PAPER, "declared by the activation"));
        q.add(new Quantity("ddotMax", "φ̈_max", ac.ddotMax(), "Assumption 2", Tag.PAPER, "declared by the activation"));
        q.add(new Quantity("dotMaxSampled", "sup|φ̇| sampled", ac.sampledDotMax(), "§3.6", Tag.DERIVED,
                "numerical check of the declaration"));
        q.add(new Quantity("ddotMaxSampled", "sup|φ̈| sampled", ac.sampledDdotMax(), "§3.6", Tag.DERIVED,
                "numerical check of the declaration"));
        q.add(Quantity.of("phiAtZero", "φ(0)", ac.phiAtZero(), "Assumption 2", Tag.PAPER));
        q.add(new Quantity("xMax", "x_max = max_a ‖x_a‖", p.xMax(), "§4.3 step 1", Tag.DERIVED, p.unitNorm()
                ? "all ‖x_a‖ = 1 (Assumption 2 holds)" : "‖x_a‖ = 1 fails (Assumption 2); β uses x_max (A5)"));
        double rr = p.residualNorm();
        q.add(new Quantity("residualNorm0", "‖Z0 − Y‖_F", rr, "(16)", Tag.PAPER, ""));
        double yy = 0;
        for (double v : net.y) {
            yy += v * v;
        }
        q.add(new Quantity("targetNorm", "‖Y‖_F", Math.sqrt(yy), "Assumption 2", Tag.PAPER, Math.sqrt(yy) <= 1
                ? "" : "‖Y‖ ≤ 1 fails; only Theorem 3's (73) uses it"));
    }

    private static void lemmaThree(NearIsometry.Paper p, PlConstants pl, ActivationConstants ac, List<Quantity> q) {
        q.add(new Quantity("sigmaMaxX", "σ_max(X)", p.sigmaMaxX(), "(18)", Tag.PAPER, "verified upper bound"));
        q.add(new Quantity("sigmaMaxV0", "σ_max(V0)", p.sigmaMaxV0(), "(18)", Tag.PAPER, "verified upper bound"));
        q.add(new Quantity("lambdaMinM0", "λ_min(M0)", p.lambdaMinM0(), "§1.3", Tag.PAPER, Double.isNaN(
                p.lambdaMinM0()) ? "not computed: d1 < n makes σ_min(φ(W0X)) = 0" : "M0 = φ(W0X)ᵀφ(W0X), n×n"));
        q.add(new Quantity("sigmaMinH", "σ_min(φ(W0X))", p.sigmaMinH(), "(18), §1.3", Tag.PAPER, p.muReason()
                .isEmpty() ? "verified lower bound (core spectral toolkit)" : p.muReason()));
        q.add(new Quantity("sigmaMaxH", "σ_max(φ(W0X))", p.sigmaMaxH(), "(18)", Tag.PAPER, "verified upper bound"));
        q.add(new Quantity("mu", "μ_Φ", p.mu(), "(18) Lemma 3", Tag.PAPER, "= σ_min(φ(W0X))"));
        q.add(Quantity.of("termV", "T_V = φ̇_max σ_max(X) σ_max(V0)", p.termV(), "(18)", Tag.PAPER));
        q.add(Quantity.of("termW", "T_W = σ_max(φ(W0X))", p.termW(), "(18)", Tag.PAPER));
        q.add(Quantity.of("nu", "ν_Φ", p.nu(), "(18) Lemma 3", Tag.PAPER));
        q.add(new Quantity("beta0", "β0", pl.beta0(), "§4.3 step 6", Tag.DERIVED, "β with χ = σ_max(V0)"));
        q.add(new Quantity("chi", pl.selfConsistent() ? "χ*" : "χ", pl.chi(), pl.selfConsistent() ? "§4.3 step 6"
                : "(18), Assumption 2", pl.selfConsistent() ? Tag.DERIVED : Tag.PAPER, pl.selfConsistent()
                ? "χ* = σ_max(V0) + μ/(2β0) bounds σ_max(V) on ball(Θ0, ρ) (A4)" : "user's χ: valid only while "
                + "σ_max(V_k) ≤ χ, checked along the trajectory"));
        q.add(new Quantity("beta", "β_Φ", pl.beta(), "(18)", Tag.PAPER, "√2 σ_max(X)(φ̇_max + φ̈_max x_max χ); x_max "
                + "generalizes ‖X‖_∞ = 1 (A5)"));
        q.add(new Quantity("rho", "ρ_Φ = μ/(2β)", pl.rho(), "(6)", Tag.PAPER, ""));
        q.add(new Quantity("h0", "h(Θ0)", pl.h0(), "(16)", Tag.PAPER, "s‖Z0 − Y‖²_F"));
        q.add(new Quantity("G0", "G0 = ‖∇f(Z0)‖", pl.g0(), "§2.6", Tag.DERIVED, "2s‖Z0 − Y‖_F"));
        q.add(new Quantity("alphaF", "α_f", pl.alphaF(), "App. E", Tag.PAPER, "2s"));
        q.add(new Quantity("betaF", "β_f", pl.betaF(), "App. E", Tag.PAPER, "2s"));
    }

    /** Theorems 1′ and 2′ for one mode; {@code suffix} "" (PAPER) or "Exact". */
    private void framework(PlConstants pl, SongApplicability.Result app, String suffix, Tag tag,
            List<Quantity> q) {
        String x = suffix.isEmpty() ? "" : " [X]";
        q.add(new Quantity("alphaH" + suffix, "α_h = α_f μ²/4", pl.alphaH(), "§2.3", tag, "PL constant of h on the "
                + "ball" + x));
        q.add(new Quantity("thrGF" + suffix, "α_f μ⁶/(288β²ν²)", pl.thresholdFlow(), "(9) → (GF1)", tag,
                "explicit constant 288 derived from the proof of Theorem 1" + x));
        q.add(Quantity.of("marginGF" + suffix, "thr_GF/h0", pl.thresholdFlow() / pl.h0(), "(GF1)", tag));
        q.add(new Quantity("LGF" + suffix, "L_GF", pl.lengthFlow(), "Thm 1′", tag, "bound on the flow's path length"
                + x));
        q.add(new Quantity("rateExponentGF" + suffix, "κ_GF = α_f μ²/2", pl.flowRate(), "Thm 1′", tag,
                "h(γ(t)) ≤ h0 e^{−κt}; not in the paper (A38)" + x));
        q.add(new Quantity("thrGD" + suffix, "α_f μ⁶/(4608β²ν²)", pl.thresholdDescent(), "(9) → (GD1)", tag,
                "explicit constant 4608 = 16·288 derived from the proof of Theorem 2 (A6)" + x));
        q.add(Quantity.of("marginGD" + suffix, "thr_GD/h0", pl.thresholdDescent() / pl.h0(), "(GD1)", tag));
        q.add(new Quantity("etaDesc" + suffix, "η_desc = 1/(βG0 + (9/4)β_f ν²)", pl.etaDescent(), "(13) → (GD2)", tag,
                "on the training loss" + x));
        q.add(new Quantity("etaLast" + suffix, "η_last = μ/(6βνG0)", pl.etaLast(), "App. C → (GD2)", tag,
                "the last-step condition missing from (13) (A8)" + x));
        q.add(new Quantity("etaMax" + suffix, "η_max", pl.etaMax(), "(GD2)", tag, "min(η_desc, η_last), on the "
                + "training loss; the paper's h takes η_paper = s·η" + x));
        double eta = Double.isNaN(app.eta()) ? pl.etaMax() : app.eta();
        q.add(new Quantity("q" + suffix, "q = 1 − η α_f μ²/4", pl.contraction(eta), "(14), Thm 2′", tag, "C = 1/4 "
                + "derived; at η = " + (Double.isNaN(app.eta()) ? "η_max" : "the given η") + x));
        q.add(new Quantity("LGD" + suffix, "L_GD", pl.lengthDescent(), "Thm 2′", tag, "bound on GD's path length"
                + x));
        double eps = settings.epsilon() * pl.h0();
        q.add(new Quantity("itersToEps" + suffix, "i_ε", pl.iterationsTo(eps, eta), "Thm 2′", tag,
                "steps until h ≤ ε·h0 (ε from the epsilon parameter)" + x));
        q.add(new Quantity("timeToEps" + suffix, "t_ε", pl.timeTo(eps), "Thm 1′", tag, "flow time until h ≤ ε·h0"
                + x));
        q.add(new Quantity("largestResidualGD" + suffix, "√(thr_GD/s)", pl.largestResidual(false), "§4.3 step 11", tag,
                "largest ‖Y − Z0‖_F that (GD1) certifies at this θ0" + x));
        q.add(new Quantity("largestResidualGF" + suffix, "√(thr_GF/s)", pl.largestResidual(true), "§4.3 step 11", tag,
                "largest ‖Y − Z0‖_F that (GF1) certifies at this θ0" + x));
        q.add(new Quantity("paperRatio9" + suffix, "h0β²ν²/(α_f μ⁶)", pl.paperRatio(), "(9)", Tag.HIDDEN,
                "must be 'small': O(·) with an unspecified constant" + x));
        q.add(new Quantity("paperStep13" + suffix, "1/(βG0 + β_f μ² + β_f ν²)", pl.paperStep(), "(13)", Tag.HIDDEN,
                "η = O(this) with an unspecified constant" + x));
        if (!Double.isNaN(app.eta())) {
            q.add(new Quantity("etaPaper" + suffix, "η_paper = s·η", app.scale() * app.eta(), "§2.6", Tag.DERIVED,
                    "the given step on the paper's h = ‖·‖²"));
        }
    }

    private void exactQuantities(NearIsometry.Exact exact, PlConstants plExact, SongApplicability.Result app,
            List<Quantity> q, List<Note> notes) {
        if (!exact.available()) {
            notes.add(new Note("exact", "EXACT mode ([X]) not computed: " + exact.reason(), Tag.EXTENSION));
            return;
        }
        q.add(new Quantity("lambdaMinK0", "λ_min(K0)", exact.lambdaMin(), "§3.2", Tag.EXTENSION,
                "[X] K0 = ∇Φ(Θ0)∇Φ*(Θ0), (d2 n)×(d2 n)"));
        q.add(new Quantity("lambdaMaxK0", "λ_max(K0)", exact.lambdaMax(), "§3.2", Tag.EXTENSION, "[X]"));
        q.add(new Quantity("muExact", "μ_ex = σ_min(∇Φ*(Θ0))", exact.mu(), "§3.2", Tag.EXTENSION,
                "[X] exact Jacobian singular value (not Lemma 3); ≥ μ since K0 ⪰ M0 ⊗ I"));
        q.add(new Quantity("nuExact", "ν_ex = σ_max(∇Φ*(Θ0))", exact.nu(), "§3.2", Tag.EXTENSION, "[X] ≤ ν"));
        if (plExact != null) {
            q.add(new Quantity("chiExact", "χ* (exact)", plExact.chi(), "§4.3", Tag.EXTENSION, "[X]"));
            q.add(new Quantity("betaExact", "β (exact)", plExact.beta(), "(18)", Tag.EXTENSION, "[X]"));
            q.add(new Quantity("rhoExact", "ρ (exact)", plExact.rho(), "(6)", Tag.EXTENSION, "[X]"));
            framework(plExact, app, "Exact", Tag.EXTENSION, q);
        }
        notes.add(new Note("exact", "quantities suffixed Exact are [X]: exact Jacobian singular values (not Lemma 3) "
                + "fed into the same explicit-constant Theorems 1′/2′; the headline verdict uses them only with "
                + "mode=exact", Tag.EXTENSION));
    }

    private void conditions(ShallowNet net, NearIsometry.Paper p, NearIsometry.Exact exact, PlConstants pl,
            SongApplicability.Result app, boolean exactMode, List<Condition> c) {
        double tol = settings.marginal();
        long d = net.parameterCount();
        long dTilde = (long) net.d2 * net.n;
        c.add(Condition.evaluate("dims", "§4.2", "d = d1(d0 + d2) ≥ d2·n (else no PL inequality is possible)", d,
                ">=", dTilde, 0, "", Tag.PAPER));
        if (!exactMode) {
            c.add(Condition.evaluate("width", "§1.3", "d1 ≥ n, else σ_min(φ(W0X)) = 0", net.d1, ">=", net.n, 0, "",
                    Tag.PAPER));
            boolean ok = p.mu() > 0;
            c.add(new Condition("mu_positive", "Def. 1, (18)", "μ = σ_min(φ(W0X)) > 0 (a verified lower bound)",
                    p.mu(), ">", 0, ok ? Condition.Status.SATISFIED : Condition.Status.VIOLATED, "", Tag.PAPER));
        } else {
            boolean ok = exact.available() && exact.mu() > 0;
            c.add(new Condition("mu_positive", "Def. 1, §3.2", "[X] μ_ex = σ_min(∇Φ*(Θ0)) > 0 (a verified lower "
                    + "bound less the formation margin)", exact.available() ? exact.mu() : Double.NaN, ">", 0, ok
                    ? Condition.Status.SATISFIED : exact.available() ? Condition.Status.VIOLATED
                    : Condition.Status.INDETERMINATE, "", Tag.EXTENSION));
        }
        if (pl == null || !(pl.mu() > 0)) {
            return;
        }
        Tag tag = exactMode ? Tag.EXTENSION : Tag.DERIVED;
        String x = exactMode ? " [X]" : "";
        if (!pl.selfConsistent()) {
            c.add(Condition.evaluate("chi_user", "Assumption 2", "σ_max(V0) ≤ χ (the user's bound must hold at Θ0)",
                    p.sigmaMaxV0(), "<=", pl.chi(), 0, "", Tag.PAPER));
        }
        if (app.flow()) {
            c.add(Condition.evaluate("GF1", "(9) → Thm 1′", "h(Θ0) < α_f μ⁶/(288 β² ν²)" + x, pl.h0(), "<",
                    pl.thresholdFlow(), tol, binding(pl), tag));
        } else {
            c.add(Condition.evaluate("GD1", "(9) → Thm 2′", "h(Θ0) < α_f μ⁶/(4608 β² ν²)" + x, pl.h0(), "<",
                    pl.thresholdDescent(), tol, binding(pl), tag));
            if (!Double.isNaN(app.eta())) {
                c.add(Condition.evaluate("GD2", "(13) → Thm 2′", "η ≤ η_max = min(1/(βG0 + (9/4)β_f ν²), μ/(6βνG0))"
                        + x, app.eta(), "<=", pl.etaMax(), 0, pl.etaLast() < pl.etaDescent() ? "η_last (last step "
                        + "inside the ball)" : "η_desc (descent inequality)", tag));
            }
        }
    }

    /** Which factor makes the threshold small: μ⁶ against β²ν². */
    private static String binding(PlConstants pl) {
        return String.format(Locale.ROOT, "μ⁶ = %.3g vs β²ν² = %.3g", Math.pow(pl.mu(), 6), pl.beta() * pl.beta()
                * pl.nu() * pl.nu());
    }

    private TheoremThree.Estimate theoremThree(CertificateContext ctx, ShallowNet net, NearIsometry.Paper paper,
            ActivationConstants ac, List<Quantity> q, List<Note> notes) {
        double[] omegas = new double[2];
        String[] sources = new String[2];
        for (int layer = 1; layer <= 2; layer++) {
            int l = layer;
            double emp = InitFamily.empiricalOmega(l == 1 ? net.w : net.v);
            Optional<InitFamily.Declared> dec = ctx.initializer(l).flatMap(i -> InitFamily.declared(i, l, net.d0,
                    net.d1, net.d2));
            q.add(new Quantity("omega" + l + "Empirical", "ω̂" + l, emp, "(17)", Tag.DERIVED, "root mean square of the "
                    + (l == 1 ? "W0" : "V0") + " entries"));
            if (dec.isPresent()) {
                q.add(new Quantity("omega" + l, "ω" + l, dec.get().omega(), "(17)", Tag.PAPER, "declared by "
                        + dec.get().source()));
                omegas[l - 1] = dec.get().omega();
                sources[l - 1] = "declared by the initializers";
            } else {
                omegas[l - 1] = emp;
                sources[l - 1] = "estimated from θ0 (initializer " + ctx.initializer(l).map(Object::toString)
                        .orElse("unknown") + " does not declare a Gaussian (17))";
            }
        }
        String src = sources[0].equals(sources[1]) ? sources[0] : "ω1 " + sources[0] + ", ω2 " + sources[1];
        q.add(new Quantity("omegaRatio", "ω2/ω1", omegas[1] / omegas[0], "§6", Tag.PAPER, "Figure 1's axis: ω2/ω1 → 0 "
                + "makes training lazy (F.2), ω2/ω1 → ∞ may avoid it (F.1); " + src));
        q.add(new Quantity("heProduct", "2/√(d0 d1)", InitFamily.heProduct(net.d0, net.d1), "App. G", Tag.PAPER,
                "He's ω1ω2 (App. G: 0.002259 for 784–1000)"));
        if (net.d0 == InitFamily.FIGURE_D0 && net.d1 == InitFamily.FIGURE_D1) {
            notes.add(new Note("figure1", String.format(Locale.ROOT, "App. G's shape (784–1000): Figure 1 fixes ω1ω2 = "
                    + "2/√(d0 d1) = %.10g (He) and varies ω2 over %s (10 values in [0.002, 0.1], geometric spacing "
                    + "ASSUMED, spec §6.3), ω1 = P/ω2; this run has ω2/ω1 = %.4g (He: %.6g). Figure 1 used minibatch "
                    + "SGD with d1 < n: an empirical illustration, no certificate", InitFamily.heProduct(net.d0,
                    net.d1), InitFamily.figureOneText(InitFamily.heProduct(net.d0, net.d1)), omegas[1] / omegas[0],
                    Math.sqrt((double) net.d0 / net.d1)), Tag.PAPER));
        }
        TheoremThree.Estimate e = TheoremThree.estimate(net, paper, ac, omegas[0], omegas[1], src, settings);
        q.addAll(e.quantities());
        notes.addAll(e.notes());
        return e;
    }

    private static void lazy(NearIsometry.Paper p, PlConstants pl, NearIsometry.Exact exact, ActivationConstants ac,
            List<Quantity> q) {
        q.add(new Quantity("regimeRatio", "R0 = T_V/T_W", p.termV() / p.termW(), "§5.2", Tag.DERIVED, "≳ 1: case 1 "
                + "(F.1 side, can avoid lazy training); ≲ 1: case 2 (F.2 side, lazy asymptotically); indicator only"));
        q.add(new Quantity("lazyIndicator", "β_Φ(χ*)/ν²", pl.beta() / (p.nu() * p.nu()), "(82)", Tag.HIDDEN,
                "Lip(∇Φ)/Lip(Φ)² with the certificate's χ; indicator, not a bound with a known constant"));
        double b = pl.mu() > 0 ? pl.lazyBound(p.sigmaMaxX(), p.sigmaMaxV0(), p.xMax(), ac.dotMax(), ac.ddotMax())
                : Double.POSITIVE_INFINITY;
        q.add(new Quantity("lazyBound", "B_lazy = β_Φ(χ_lazy)/ν²", b, "(83), (84)", Tag.HIDDEN, pl.mu() > 0
                ? "χ_lazy = σ_max(V0) + ν√h0/(√α_f μ²); the paper's ≲ hides a constant; upper bound on |h − h̄| only"
                : "uninformative (μ = 0)"));
        double lip = exact != null && exact.available() ? exact.nu() : p.nu();
        q.add(new Quantity("chizatScale", "κ0 = ‖Z0 − Y‖ β/σ_max(∇Φ)²", p.residualNorm() * pl.beta() / (lip * lip),
                "§5.2", Tag.EXTENSION, "[X] Chizat's relative scale, indicative only (β over-estimates ‖D²Φ‖, "
                        + (exact != null && exact.available() ? "σ_max exact" : "ν² over-estimates σ_max²") + ")"));
    }

    private static void explain(SongApplicability.Result app, NearIsometry.Paper p, List<Note> notes) {
        notes.add(new Note("constants", "288, 4608, 9/4, the 6 of η_last, C = 1/4 and κ_GF = α_f μ²/2 are explicit "
                + "constants derived from the paper's proofs (spec §2.6) — sufficient versions of (9), (13), (14), not "
                + "the paper's constants (it states O(·) only)", Tag.DERIVED));
        notes.add(new Note("chi", "Assumption 2's σ_max(V_k) = O(φ̇_max/φ̇_max) is read as O(φ̇_max/φ̈_max) (A4) and "
                + "replaced by the self-consistent χ* = σ_max(V0) + μ/(2β0), valid on ball(Θ0, ρ) (§4.3 step 6)",
                Tag.REPAIRED));
        notes.add(new Note("lastStep", "Theorem 2's statement (13) omits the learning-rate condition for the step "
                + "that could leave the ball (App. C); η_last = μ/(6βνG0) is always checked (A8). (35)'s inequality "
                + "runs the wrong way for a sufficient condition (A7): η_desc uses (9/4)β_f ν² and no μ² term",
                Tag.REPAIRED));
        notes.add(new Note("sigmaMin", "σ_min(φ(W0X)) is the smallest singular value of the d1×n matrix as an "
                + "operator on ℝⁿ: 0 when d1 < n, never the min(d1, n)-th singular value (§1.3, A2)", Tag.PAPER));
        notes.add(new Note("numerics", "safe sides (§4.5): σ_max(X), σ_max(V0), σ_max(φ(W0X)) are verified upper "
                + "bounds and μ a verified lower bound from core's spectral toolkit (Gram rounding included); x_max "
                + "×(1 + c_eig·d0·ε); the EXACT kernel's extremes are widened by τ_eig = c_eig·m·ε·λ_max for its "
                + "formation; thresholds within the marginal tolerance count as NOT_CERTIFIED", Tag.DERIVED));
        notes.add(new Note("lazy", "lazy-training outputs are indicators: the paper proves only an upper bound "
                + "(82)–(85) on |h − h̄| (necessary for non-lazy, sufficient for lazy asymptotically), never a lower "
                + "bound; no run can be certified non-lazy. The linearization is Chizat's (of the model, not of h; "
                + "A25); Section 6's α = ω1ω2 rewriting needs a 1-homogeneous φ (A26)", Tag.PAPER));
        if (app.optimizer() == SongApplicability.OptimizerKind.SGD) {
            notes.add(new Note("sgd", "no convergence certificate in this paper applies (Theorem 2 is full-batch GD); "
                    + "Figure 1's SGD runs are an empirical illustration", Tag.PAPER));
        }
        if (!p.unitNorm()) {
            notes.add(new Note("data", "inputs are not unit-norm (Assumption 2): Lemma 3 is applied with x_max in β "
                    + "(A5); Theorem 3's Hermite formulas (52), (56), (57) assume ‖x_a‖ = 1 (A36)", Tag.DERIVED));
        }
    }

    private static void hiddenConstants(List<Note> notes) {
        notes.add(Note.hidden("C (14)", "Theorem 2's rate (1 − Cηα_fμ²)^i has a universal constant C; the explicit "
                + "sufficient version uses C = 1/4 (derived), not the paper's value"));
        notes.add(Note.hidden("O(·) in (9), (13)", "Theorems 1–2 state h(w0) = O(α_f μ⁶/(β²ν²)) and "
                + "η = O(1/(β‖∇f‖ + β_f μ² + β_f ν²)); the paper-form ratios are reported without a verdict"));
        notes.add(Note.hidden("Lemma 2 O(·)", "the path-length bound of Lemma 2 hides its constant; L_GF, L_GD are "
                + "derived"));
        notes.add(Note.hidden("Theorem 3: C, k1, k2, k3, δ1–δ4", "the universal constants C in p1, p4, p5 and in "
                + "every ≲, the 'sufficiently large' k1, k2, k3, the free δ1, δ2, δ3 (δ4 = max(k1, k2)) and the "
                + "constants of Lemma 7 (A33) are unspecified: the width condition (20)/(77), ξ (78) and ψ are order "
                + "estimates, never guarantees"));
        notes.add(Note.hidden("Theorem 3: Ω̃ and ≃", "log factors in Ω̃ and the heuristics σ_max(X) ≃ √(n/d0), "
                + "σ_min(X^{*t}) ≃ 1 for n ≃ d0^t (§5.3)"));
        notes.add(Note.hidden("ξ (78)", "ξ is called a constant w.r.t. d0, d1, n but contains ω1^{−(3r1−r2)} (a hidden "
                + "power of d0 under He/LeCun) and χ_max (A24)"));
        notes.add(Note.hidden("r1, r2", "the τ-scaling exponents of Theorem 3 do not exist for GeLU (no finite r2; "
                + "footnote 3's ω1 = 1 is then needed, A22); tanh: r1 = 1, r2 = 0"));
        notes.add(Note.hidden("(82)–(85)", "the lazy-training bound ‖h − h̃‖ ≲ Lip(∇Φ)/Lip(Φ)² hides its constant; "
                + "B_lazy is reported with the constant set to 1 as an indicator"));
    }
}
