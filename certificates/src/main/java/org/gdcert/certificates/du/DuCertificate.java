package org.gdcert.certificates.du;

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
 * The {@code du} checker: seed 002 (Du, Lee, Li, Wang, Zhai, ICML 2019), Theorem 5.1 (fully
 * connected) and Theorem 6.1 (ResNet), as specified in {@code shared/specs/certificates-du.md}.
 *
 * <p>Phase A decides the checkable hypotheses exactly (reason codes DU-…); phase B computes c_σ,
 * the corrected limit Grams and λ_0 with an error budget; phase C evaluates the theorem expressions
 * with every hidden constant reported as such (implied constants instead of pass/fail); phase D
 * measures the proof's quantities on the concrete θ0. The verdict is CONDITIONAL when everything
 * checkable holds (there is no CERTIFIED for this paper: the width and step hypotheses carry
 * unspecified constants), INAPPLICABLE otherwise. The monitor (phase E) checks the loss bound and
 * the proof's invariants on every recorded iterate.
 */
public final class DuCertificate implements Certificate {
    static final String NAME = "du";
    static final String SPEC = "shared/specs/certificates-du.md";
    /**
     * Largest n for the dense n × n kernels, Grams and eigenproblems of phases B–E (spec §3.7: the
     * cost grows like n² quadratures and n³ for λ_0; matrix-free variants are not implemented).
     */
    static final int MAX_SAMPLES = 2000;

    private final DuSettings settings;
    private final Assessments<DuAssessment> assessments = new Assessments<>(this::evaluate, DuAssessment::report);

    DuCertificate(DuSettings settings) {
        this.settings = settings;
    }

    @Override
    public CertificateReport assess(CertificateContext ctx) {
        return assessments.assess(ctx);
    }

    @Override
    public Optional<Monitor> monitor(CertificateReport report, CertificateContext ctx) {
        DuAssessment a = assessments.get(report, ctx);
        if (a.kernel() == null || a.model() == null || !(a.kernel().lambda0() > 0)) {
            return Optional.empty();
        }
        if (!a.applicability().applicable() && !a.applicability().onlyOptimizerNotCovered()) {
            return Optional.empty();
        }
        return Optional.of(new DuMonitor(a, ctx));
    }

    /** Phases A–D; never throws on a setting outside the theorems. */
    DuAssessment evaluate(CertificateContext ctx) {
        Applicability.Result app;
        try {
            app = Applicability.analyze(ctx, settings);
        } catch (RuntimeException e) {
            return DuAssessment.of(inapplicable("Theorems 5.1/6.1", List.of("the applicability check failed: "
                    + e.getMessage()), List.of()), null, null, null, null);
        }
        List<Note> notes = new ArrayList<>();
        for (CheckItem c : app.checks()) {
            notes.add(new Note(c.code(), c.status() + ": " + c.message(), Tag.PAPER));
        }
        if (app.model().isEmpty()) {
            List<String> reasons = app.failures().stream().map(CheckItem::line).toList();
            return DuAssessment.of(inapplicable("Theorems 5.1/6.1/7.1", reasons, notes), app, null, null, null);
        }
        DuModel model = app.model().get();
        String theorem = "seed 002 (Du et al. 2019), " + model.architecture().theorem() + ", "
                + model.architecture().words();
        if (ctx.samples() > MAX_SAMPLES) {
            List<String> reasons = new ArrayList<>(app.failures().stream().map(CheckItem::line).toList());
            reasons.add("λ_0 > 0 not established: n = " + ctx.samples() + " exceeds the dense limit " + MAX_SAMPLES
                    + " of the kernel computation (spec §3.7); λ_0 was not computed");
            return DuAssessment.of(inapplicable(theorem, reasons, notes), app, model, null, null);
        }
        double[][] x = rows(ctx);
        KernelSolver.Outcome kernel;
        try {
            kernel = KernelSolver.solve(model.architecture(), x, model.depth(),
                    model.resnet() ? model.cRes() : Double.NaN, model.sigma(), settings.quadratureSettings());
        } catch (RuntimeException e) {
            List<String> reasons = new ArrayList<>(app.failures().stream().map(CheckItem::line).toList());
            reasons.add("the limit kernel could not be computed: " + e.getMessage());
            return DuAssessment.of(inapplicable(theorem, reasons, notes), app, model, null, null);
        }
        List<Quantity> quantities = new ArrayList<>();
        List<Condition> conditions = new ArrayList<>();
        instance(ctx, model, app, quantities);
        kernelQuantities(model, kernel, quantities, conditions, notes);
        InitDiagnostics init = null;
        try {
            init = InitDiagnostics.compute(ctx, model, kernel, app.etaPaper(), settings.delta());
        } catch (RuntimeException e) {
            notes.add(new Note("init", "phase D (initialization diagnostics) failed: " + e.getMessage(), Tag.DERIVED));
        }
        boolean lambdaOk = kernel.status() == KernelSolver.Status.PASS;
        List<String> reasons = new ArrayList<>(app.failures().stream().map(CheckItem::line).toList());
        if (!lambdaOk) {
            reasons.add(String.format(Locale.ROOT, "λ_0 > 0 not established: λ_min(K^(H)) = %s, status %s%s",
                    kernel.numericText(), kernel.status(), kernel.status() == KernelSolver.Status.FAIL
                            ? " (kernel engine bug or degenerate data)" : ""));
        }
        boolean applicable = app.applicable() && lambdaOk;
        OptionalDouble rate = OptionalDouble.empty();
        Optional<LossBound> bound = Optional.empty();
        if (kernel.lambda0() > 0) {
            theorem(ctx, model, app, kernel, init, quantities, conditions, notes);
        }
        if (init != null) {
            quantities.addAll(init.quantities);
            conditions.addAll(init.conditions);
        }
        hiddenConstants(model, ctx, notes);
        contextNotes(model, app, notes);
        Verdict verdict = applicable ? Verdict.CONDITIONAL : Verdict.INAPPLICABLE;
        if (applicable) {
            reasons.add(0, "CONDITIONAL: all checkable hypotheses hold; the width and step-size hypotheses hold only "
                    + "up to unspecified constants (see the notes and the implied constants)");
            double eta = app.etaPaper();
            double rho = 1 - eta * kernel.lambda0() / 2;
            if (init != null && ctx.axis() == Axis.STEP && rho > 0 && rho < 1) {
                rate = OptionalDouble.of(rho);
                bound = Optional.of(new LossBound(Axis.STEP, init.loss, rho, "L(θ(k)) ≤ (1 − ηλ_0/2)^k L(θ(0)), "
                        + "conditional on the hidden width and step-size hypotheses", Tag.PAPER));
            }
            if (!(rho > 0) && !Double.isNaN(rho)) {
                reasons.add(String.format(Locale.ROOT, "ηλ_0/2 = %.6g ≥ 1: the bound's base is ≤ 0, the bound is "
                        + "vacuous", eta * kernel.lambda0() / 2));
            }
            if (init != null && eta * init.lambdaMaxTotal >= 2) {
                reasons.add(String.format(Locale.ROOT, "η exceeds the linear-stability limit 2/λ_max(G(0)) = %.6g; "
                        + "the theorem's step-size hypothesis is then almost surely not met", 2 / init.lambdaMaxTotal));
            }
        }
        CertificateReport report = new CertificateReport(NAME, theorem, verdict, reasons, conditions, quantities, rate,
                OptionalDouble.empty(), bound, notes);
        return DuAssessment.of(report, app, model, kernel, init);
    }

    private static CertificateReport inapplicable(String theorem, List<String> reasons, List<Note> notes) {
        return CertificateReport.inapplicable(NAME, "seed 002 (Du et al. 2019), " + theorem, reasons, notes);
    }

    private static double[][] rows(CertificateContext ctx) {
        int n = ctx.inputs().rows();
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = ctx.inputs().row(i);
        }
        return x;
    }

    private void instance(CertificateContext ctx, DuModel model, Applicability.Result app, List<Quantity> q) {
        q.add(Quantity.of("samples", "n", ctx.samples(), "§1.1", Tag.PAPER));
        q.add(Quantity.of("depth", "H", model.depth(), "§1.2", Tag.PAPER));
        q.add(Quantity.of("width", "m", model.width(), "§1.2", Tag.PAPER));
        q.add(Quantity.of("inputDim", "d", model.inputDim(), "§1.2", Tag.PAPER));
        q.add(new Quantity("cSigma", "c_σ", app.cSigma(), "eq. (2)", Tag.PAPER, "(E_{z∼N(0,1)}[σ(z)²])^{−1}, "
                + "computed for " + model.activation()));
        if (model.resnet()) {
            q.add(new Quantity("cRes", "c_res", model.cRes(), "eq. (3)", Tag.PAPER, "from the residual multipliers "
                    + "c_res/(H√m)"));
        }
        q.add(new Quantity("delta", "δ", settings.delta(), "Thm 5.1/6.1", Tag.PAPER, "user-chosen"));
        q.add(new Quantity("eta", "η'", app.etaGiven(), "§1.8", Tag.PAPER, "step size as given, on the "
                + ctx.reduction() + " loss"));
        q.add(new Quantity("etaPaper", "η", app.etaPaper(), "§1.8", Tag.DERIVED, String.format(Locale.ROOT,
                "paper units (L = ½Σ(u_i − y_i)²): η = %.6g × η'", app.etaConversion())));
    }

    private void kernelQuantities(DuModel model, KernelSolver.Outcome k, List<Quantity> q, List<Condition> c,
            List<Note> notes) {
        String def = model.resnet() ? "Def. 6.1 (corrected, spec §3.3)" : "Def. 5.1 (corrected, spec §3.2)";
        q.add(new Quantity("lambda0", "λ_0 = λ_min(K^(H))", k.lambda0(), def, Tag.REPAIRED, k.numericText() + ", "
                + "status " + k.status() + "; " + k.method() + "; quadrature error is estimated, not proven"));
        q.add(new Quantity("lambda0Error", "Δ", k.budget(), "§3.5", Tag.DERIVED, String.format(Locale.ROOT,
                "n·e_q·s_q + γ·n·ε·‖K‖_2 with s_q = %.0f, γ = %.0f", KernelSolver.SAFETY, KernelSolver.GAMMA)));
        q.add(new Quantity("quadratureError", "e_q", k.quadratureError(), "§3.1.2", Tag.DERIVED, String.format(
                Locale.ROOT, "max |K_N − K_2N| over K^(H), N = %d; tolerance %s", k.compareOrder(),
                k.toleranceReached() ? "reached" : "NOT reached (N_max " + settings.quadratureMax() + ")")));
        q.add(Quantity.of("quadratureNodes", "N", k.order(), "§3.1.2", Tag.DERIVED));
        q.add(Quantity.of("lambdaMaxK", "λ_max(K^(H))", k.lambdaMax(), "§3.5", Tag.DERIVED));
        q.add(Quantity.of("conditionK", "κ(K^(H))", k.conditionNumber(), "§3.5", Tag.DERIVED));
        q.add(new Quantity("gramDiagonal1", "K^(H)_11", k.kernels().gram()[0][0], def, Tag.REPAIRED, ""));
        if (model.resnet()) {
            double h = model.depth();
            q.add(new Quantity("lambda0Tilde", "λ̃_0 = H²λ_0/c_res²", h * h * k.lambda0() / (model.cRes()
                    * model.cRes()), "§3.3, §3.5", Tag.DERIVED, "H-stable for the ResNet ('not exponentially small "
                    + "in H')"));
            for (int l = 1; l <= model.depth(); l++) {
                Tag tag = l == model.depth() ? Tag.EXTENSION : Tag.DERIVED;
                q.add(new Quantity("kappa" + l, "κ_" + l + " = K^(" + l + ")_11", k.kernels().feature(l)[0][0],
                        "§3.3", tag, "predicted squared norm of x_1^(" + l + ") at initialization"));
                q.add(new Quantity("mean" + l, "b^(" + l + ")_1", k.kernels().means().get(l)[0], "§3.3", tag,
                        "lim (1/√m) Σ_r x^(" + l + ")_{1,r}"));
            }
        }
        c.add(Condition.evaluate("lambda0_positive", "§3.5 (Thm hypothesis λ_0 > 0)", "λ_min(K^(H)) exceeds its error "
                + "budget Δ", k.lambda0(), ">", k.budget(), 0, "", Tag.DERIVED));
        notes.add(new Note("kernel", "K^(H) and the feature kernels are corrected from the paper's printed "
                + "Definitions 5.1/6.1; see spec §8 (A6, A11–A13): the covariance of K^(H) is A(K^(H−1)), and the "
                + "ResNet cross term pairs b_i with μ(K_jj)", Tag.REPAIRED));
        notes.add(new Note("quadrature", "λ_0 is NUMERIC, not RIGOROUS: the quadrature error is estimated by "
                + "comparing N and 2N nodes, not proven (interval arithmetic for erf/sin/cos is not implemented)",
                Tag.DERIVED));
    }

    private void theorem(CertificateContext ctx, DuModel model, Applicability.Result app, KernelSolver.Outcome k,
            InitDiagnostics init, List<Quantity> q, List<Condition> c, List<Note> notes) {
        int n = ctx.samples();
        TheoremTerms t = TheoremTerms.of(model.architecture(), n, k.lambda0(), model.depth(), settings.delta());
        String thm = model.architecture().theorem();
        String eq = model.resnet() ? "eq. (9)" : thm;
        for (int i = 0; i < t.terms().length; i++) {
            q.add(new Quantity("widthTerm" + (i + 1), t.termNames().get(i), t.terms()[i], eq, Tag.PAPER,
                    i == t.dominant() ? "dominant term" : ""));
        }
        q.add(new Quantity("widthScaling", "M", t.widthScaling(), eq, Tag.HIDDEN, "max of the terms with the "
                + "unspecified constants set to 1" + (model.resnet() ? "" : " and 2^{O(H)} set to 1")
                + ": a scaling expression, not a bound"));
        double iw = t.impliedWidthConstant(model.width());
        q.add(new Quantity("impliedWidthConstant", "m/M", iw, eq, Tag.HIDDEN, "UNDECIDABLE_HIDDEN_CONSTANT: the width "
                + "hypothesis holds iff the unknown C_m" + (model.resnet() ? "" : "·2^{O(H)}") + " ≤ " + fmt(iw)));
        if (!model.resnet()) {
            double de = t.impliedDepthExponent(model.width(), model.depth());
            q.add(new Quantity("impliedDepthExponent", "log₂(m/M)/H", de, thm, Tag.HIDDEN, "if C_m were 1, the width "
                    + "hypothesis would hold iff the hidden c in 2^{cH} is ≤ " + fmt(de)));
        }
        c.add(new Condition("width", eq, "m = Ω(" + (model.resnet() ? "" : "2^{O(H)}·") + "max{"
                + String.join(", ", t.termNames()) + "}) — UNDECIDABLE_HIDDEN_CONSTANT (constants set to 1 here; "
                + "implied C_m = m/M)", model.width(), ">=", t.widthScaling(), Condition.Status.INDETERMINATE,
                t.dominantName(), Tag.HIDDEN));
        q.add(new Quantity("stepScaling", "E", t.stepScaling(), thm, Tag.HIDDEN, model.resnet() ? "λ_0H²/n²"
                : "λ_0/n² (2^{O(H)} set to 1)"));
        double eta = app.etaPaper();
        if (!Double.isNaN(eta)) {
            double is = t.impliedStepConstant(eta);
            q.add(new Quantity("impliedStepConstant", "η/E", is, thm, Tag.HIDDEN, "UNDECIDABLE_HIDDEN_CONSTANT: the "
                    + "step hypothesis holds iff the unknown C_η" + (model.resnet() ? "" : "·2^{−cH}") + " ≥ "
                    + fmt(is)));
            c.add(new Condition("step", thm, "η = O(" + (model.resnet() ? "λ_0H²/n²" : "λ_0/(n²2^{O(H)})")
                    + ") — UNDECIDABLE_HIDDEN_CONSTANT (constant set to 1 here; implied C_η = η/E)", eta, "<=",
                    t.stepScaling(), Condition.Status.INDETERMINATE, "", Tag.HIDDEN));
            double half = eta * k.lambda0() / 2;
            double rho = 1 - half;
            q.add(new Quantity("rateFactor", "1 − ηλ_0/2", rho, thm, Tag.PAPER, "conditional on the hidden "
                    + "hypotheses"));
            c.add(Condition.evaluate("rate_nonvacuous", "§4.3 [D]", "ηλ_0/2 < 1; otherwise the bound's base is ≤ 0 and "
                    + "the bound is vacuous", half, "<", 1, 0, "", Tag.DERIVED));
            if (rho > 0 && rho < 1) {
                double keps = Math.ceil(Math.log(1 / settings.epsilonRelative()) / -Math.log(rho));
                q.add(new Quantity("kEpsilon", "k_ε", keps, "§4.3", Tag.DERIVED, String.format(Locale.ROOT,
                        "iterations for the bound to reach ε = %.1g·L(θ(0)) (≈ 2 ln(L(0)/ε)/(ηλ_0))",
                        settings.epsilonRelative())));
            }
        } else {
            notes.add(new Note("step", "the step size is not known: rate, bound and the implied step constant are "
                    + "not evaluated", Tag.DERIVED));
        }
    }

    private void hiddenConstants(DuModel model, CertificateContext ctx, List<Note> notes) {
        notes.add(Note.hidden("C_m", "multiplicative constant of Ω(·) in the width hypothesis: unspecified constant "
                + "C_m"));
        if (!model.resnet()) {
            notes.add(Note.hidden("2^{O(H)}", "exponent constant in 2^{O(H)} (FC width and FC step): unspecified: "
                    + "2^{c·H}, c unknown"));
        }
        notes.add(Note.hidden("C_eta", "multiplicative constant of O(·) in the step-size hypothesis: unspecified "
                + "constant C_η"));
        if (model.resnet()) {
            notes.add(Note.hidden("c_res", "'c_res is a small constant': the threshold is unspecified"));
        }
        double maxY = 0;
        for (double v : ctx.targets().data()) {
            maxY = Math.max(maxY, Math.abs(v));
        }
        notes.add(Note.hidden("|y_i| = O(1)", String.format(Locale.ROOT, "constant in |y_i| = O(1): unspecified; "
                + "measured max_i |y_i| = %.6g", maxY)));
        notes.add(Note.hidden("dependencies", "the hidden constants depend on σ (c, c_σ) and c_res ('viewed as "
                + "constants'): never compare implied constants across activations as if they were one constant"));
        notes.add(Note.hidden("λ_0/4 split", "[APPX] the λ_0/4 + λ_0/4 split of the invariant (init vs training) is a "
                + "spec default, not a paper constant (the main text says only 'close'; the appendix is unavailable)"));
        notes.add(new Note("1 − δ", String.format(Locale.ROOT, "the probability 1 − δ (δ = %.3g) is over the random "
                + "initialization; a single draw never yields a per-instance probability", settings.delta()),
                Tag.PAPER));
    }

    private void contextNotes(DuModel model, Applicability.Result app, List<Note> notes) {
        notes.add(new Note("context", "informal claims of the introduction (context only, never used as formulas, "
                + "spec §4.5): Thm 6.1 needs 'm ≳ n⁴H²' and 'T ≳ n² log(1/ε)'; Thm 5.1 'm ≳ n⁴2^{O(H)}'; these "
                + "ignore λ_0 and treat it inconsistently (A22)", Tag.PAPER));
        notes.add(new Note("thresholds", "monitor thresholds λ_0/4 (initDev, drift) and λ_0/2 (total) are spec "
                + "defaults (the main text says only 'close'; appendix unavailable)", Tag.DERIVED));
        if (!Double.isNaN(app.etaGiven())) {
            notes.add(new Note("loss convention", String.format(Locale.ROOT, "η' = %.6g on the training loss is "
                    + "η = %.6g in paper units (L = ½Σ(u_i − y_i)², conversion factor %.6g)", app.etaGiven(),
                    app.etaPaper(), app.etaConversion()), Tag.DERIVED));
        }
        if (app.onlyOptimizerNotCovered()) {
            notes.add(new Note("optimizer", "Theorems 5.1/6.1/7.1 cover full-batch GD with constant step only; the "
                    + "monitors still run on full-batch quantities", Tag.PAPER));
        }
        notes.add(new Note("provenance", String.format(Locale.ROOT, "spec %s; source seeds/002 (ICML main text, "
                + "appendices not supplied); tol_norm = %.1g, tol_par = %.1g, tol_quad = %.1g, s_q = %.0f, γ = %.0f",
                SPEC, settings.tolNorm(), settings.tolPar(), settings.tolQuad(), KernelSolver.SAFETY,
                KernelSolver.GAMMA), Tag.DERIVED));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
