package org.gdcert.certificates.sgdrelu;

import static org.gdcert.certificates.sgdrelu.Sections.fmt;

import java.util.Locale;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.cert.Condition;
import org.gdcert.core.engine.Ntk;
import org.gdcert.core.cert.Tag;
import org.gdcert.core.spi.Matrix;

/**
 * CERT-SGD (spec certificates-sgd-relu.md §4.3): what Theorems 5.6/5.1 give for (S)GD on the
 * instance, split into what is computable and what is hidden. The threshold η0 exists but is not
 * computable; the k* of Theorem 5.6 is INDICATIVE with γ = α², sup_Q L = L0 (a singleton Q has
 * probability 0); the robust-ball certificate [EXT] makes Q explicit as B(θ0, r*); the linear
 * stability step size is a HEURISTIC, not from the paper. No certified numeric step size is ever
 * reported.
 */
final class CertSgd {
    /** Power-iteration settings for λ_max(JJᵀ) beyond the dense limit. */
    static final double POWER_TOLERANCE = 1e-8;
    static final int POWER_ITERATIONS = 1000;

    private CertSgd() {
    }

    static void report(CertificateContext ctx, Instance inst, DiNumbers num, Assessment.Level level,
            OptimizerScope opt, SgdReluSettings settings, Sections s) {
        int n = inst.samples();
        double eps = settings.epsilonFor(num.loss0());
        s.q("sgd.eta0", "η0", Double.NaN, "Thm 5.1/5.6", Tag.HIDDEN, "EXISTS, NOT COMPUTABLE (qualitative; from a "
                + "limit theorem of Bianchi et al. 2022): the guarantee holds for almost every η in (0, η0)");
        s.note("η0", "seed 004, §1: 'existing quantitative results for ReLU NNs give to the best of our knowledge no "
                + "better bound than O(1/N²), which is still far from the learning rates used in ML practice'; "
                + "this checker never reports a certified numeric step size", Tag.PAPER);
        s.q("sgd.epsilon", "ε", eps, "Thm 5.6", Tag.PAPER, Double.isNaN(settings.epsilon())
                ? "target loss = epsilon_relative·L(θ0)" : "target loss as given");
        s.q("sgd.batch", "b", opt.batch(), "Thm 5.6", Tag.PAPER, opt.continuous() ? "continuous-time optimizer" : "");
        if (!opt.continuous()) {
            s.q("sgd.eta", "η", opt.eta(), "§2.5", Tag.PAPER, "step size as given, on the " + ctx.reduction()
                    + " loss");
            s.q("sgd.etaPaper", "η_paper", opt.etaPaper(), "§1.2", Tag.DERIVED, String.format(Locale.ROOT, "step "
                    + "on L^b = ½Σ_{i∈A}‖·‖²: η·s·m_b with batch scale s = %s and reduction multiplier m_b = %s",
                    fmt(opt.batchScale()), fmt(opt.reductionBatch())));
            s.q("sgd.timePerStep", "Δt", opt.timePerStep(n), "§2.5", opt.momentum() > 0 ? Tag.EXTENSION : Tag.DERIVED,
                    "DI time per step, η_paper·b/N (proof of Thm 5.6, spec §6 item 5)"
                            + (opt.momentum() > 0 ? "; divided by 1 − μ: HEURISTIC for momentum" : ""));
        }
        double alpha = num.alphaLower();
        double aUp = num.aUpper();
        if (level.certifies()) {
            double gamma = alpha * alpha;
            if (!opt.continuous()) {
                double etaP = opt.etaPaper();
                double kstar = Math.floor(1 + n / (etaP * opt.batch()) * Math.max(0, Math.log(2 * aUp * aUp / eps)
                        / gamma));
                s.q("sgd.kstarIndicative", "k* (indicative)", kstar, "Thm 5.6", Tag.DERIVED, "INDICATIVE: ⌊1 + "
                        + "(N/(η b))·max(0, ln(2 sup_Q L/ε)/γ)⌋ with γ = α², sup_Q L = L0 — a singleton Q has "
                        + "probability 0 and the theorem needs P(θ0 ∈ Q) > 0; holds only for a.e. η < η0 (hidden)");
            }
            robustBall(inst, num, opt, settings, eps, s);
        } else {
            s.note("k*", "no indicative k*: the deterministic certificate does not hold, so Theorem 5.6 has no γ and "
                    + "no Q for this instance", Tag.DERIVED);
        }
        heuristicStep(ctx, inst, num, opt, settings, s);
        for (String flag : opt.outside()) {
            s.note("outside theorem", flag, Tag.PAPER);
        }
        for (String a : opt.assumed()) {
            s.note("optimizer parameter", "not declared by " + opt.name() + "; assumed " + a, Tag.DERIVED);
        }
    }

    private static void robustBall(Instance inst, DiNumbers num, OptimizerScope opt, SgdReluSettings settings,
            double eps, Sections s) {
        int n = inst.samples();
        RobustBall ball = new RobustBall(num.aUpper(), num.alphaLower(), num.xopUpper(), num.normW(), num.normV(),
                num.h0opUpper());
        double r = ball.largestRadius();
        s.q("sgd.robustRadius", "r*", r, "§4.3 [EXT]", Tag.EXTENSION, "largest r with α_lo > 0 and F_hi(r) < 1/8 "
                + "(bisection): Theorem 3.4 holds at every θ ∈ Q = B(θ0, r*), which has positive probability under a "
                + "Gaussian θ0");
        if (r > 0) {
            DiConstants k = ball.at(r);
            s.q("sgd.gammaLo", "γ_lo = α_lo²", k.alpha() * k.alpha(), "§4.3 [EXT]", Tag.EXTENSION, "rate of "
                    + "Theorem 5.6 valid on Q_r*");
            s.q("sgd.aHi", "a_hi", k.a(), "§4.3 [EXT]", Tag.EXTENSION, "sup_{Q_r*} √L ≤ a_hi");
            s.q("sgd.fHi", "F_hi(r*)", k.f(), "§4.3 [EXT]", Tag.EXTENSION, "");
            s.q("sgd.containingRadius", "radius of G", ball.containingRadius(r), "§4.3 [EXT]", Tag.EXTENSION,
                    "G = B(θ0, r* + U_hi(2a_hi/α_lo²)) contains every DI solution started in Q_r*");
            if (!opt.continuous() && opt.etaPaper() > 0) {
                double kstar = Math.floor(1 + n / (opt.etaPaper() * opt.batch()) * Math.max(0,
                        Math.log(2 * k.a() * k.a() / eps) / (k.alpha() * k.alpha())));
                s.q("sgd.kstarRobust", "k* (robust ball)", kstar, "Thm 5.6 [EXT]", Tag.EXTENSION, "⌊1 + (N/(η b))·"
                        + "max(0, ln(2a_hi²/ε)/γ_lo)⌋ with Q = B(θ0, r*): holds with probability ≥ 1 − δ given "
                        + "θ0 ∈ Q, for a.e. η < η0 — η0 still NOT COMPUTABLE");
            }
        }
        if (settings.radius() > 0) {
            double rr = settings.radius();
            double f = ball.fAt(rr);
            s.conditions.add(Condition.evaluate("robust_ball", "§4.3 [EXT]", String.format(Locale.ROOT,
                    "F_hi < 1/8 on all of B(θ0, r) with r = %s (α_lo = %s)", fmt(rr), fmt(ball.at(rr).alpha())),
                    f, "<", 0.125, settings.tolerance(), "", Tag.EXTENSION));
        }
    }

    /** The linear-stability step size at θ0, 2(1+μ)/(m_N·λ_max(JJᵀ)): HEURISTIC, not from the paper. */
    private static void heuristicStep(CertificateContext ctx, Instance inst, DiNumbers num, OptimizerScope opt,
            SgdReluSettings settings, Sections s) {
        if (opt.continuous() || !inst.mask().trainsW() && !inst.mask().trainsV()) {
            return;
        }
        double lmax;
        String how;
        int dim = inst.samples() * inst.outputs();
        try {
            if (dim <= settings.denseKernel() && num.z() != null) {
                lmax = Spectra.symmetricEigenvalues(kernel(inst, num))[dim - 1];
                how = "explicit N·d2 × N·d2 kernel JJᵀ, symmetric eigensolver";
            } else {
                Ntk.PowerResult pr;
                try (Matrix x = ctx.network().backend().upload(ctx.inputs())) {
                    pr = Ntk.lambdaMax(ctx.network(), x, POWER_TOLERANCE, POWER_ITERATIONS, ctx.seed());
                }
                lmax = pr.value();
                how = "power iteration on JJᵀ (" + pr.iterations() + " iterations): an estimate from below";
            }
        } catch (RuntimeException e) {
            s.note("heuristic step", "λ_max(JJᵀ) could not be computed: " + e.getMessage(), Tag.EXTENSION);
            return;
        }
        s.q("sgd.ntkLambdaMax", "λ_max(JJᵀ)", lmax, "§4.3", Tag.EXTENSION, how + "; J = ∂vec(Ŷ)/∂θ_trained at "
                + "θ0 with σ'(0) = " + fmt(inst.derivativeAtZero()));
        double m = opt.reductionFull();
        double stab = 2 * (1 + opt.momentum()) / (m * lmax);
        s.q("sgd.etaStability", "2(1+μ)/(m λ_max)", stab, "§4.3", Tag.EXTENSION, "HEURISTIC, not from the paper: "
                + "linear-stability limit of full-batch " + (opt.momentum() > 0 ? "heavy ball" : "GD")
                + " at θ0 on the " + ctx.reduction() + " loss; NOT a certified step size");
        if (!Double.isNaN(opt.eta())) {
            s.q("sgd.etaOverStability", "η/η_stab", opt.eta() / stab, "§4.3", Tag.EXTENSION, "HEURISTIC: above 1 "
                    + "the linearized full-batch iteration at θ0 diverges");
        }
    }

    /**
     * JJᵀ at θ0 (spec §5.4): G_{(i,c),(l,c')} = [W trained] (x_i·x_l)·Σ_j V_jc V_jc' A_ij A_lj +
     * [V trained] δ_cc' (HHᵀ)_il, with A = σ'(Z) under the run's σ'(0); rows (i, c) ↦ i·d2 + c.
     */
    static double[][] kernel(Instance inst, DiNumbers num) {
        int n = inst.samples();
        int d0 = inst.inputDim();
        int d1 = inst.width();
        int d2 = inst.outputs();
        double s0 = inst.derivativeAtZero();
        double[] z = num.z().data();
        double[] xd = inst.x().data();
        double[] vd = inst.v0().data();
        double[][] g = new double[n * d2][n * d2];
        double[] ai = new double[d1];
        double[] al = new double[d1];
        for (int i = 0; i < n; i++) {
            deriv(z, i, d1, s0, ai);
            for (int l = 0; l <= i; l++) {
                deriv(z, l, d1, s0, al);
                double xx = 0;
                for (int k = 0; k < d0; k++) {
                    xx += xd[i * d0 + k] * xd[l * d0 + k];
                }
                double hh = 0;
                if (inst.mask().trainsV()) {
                    for (int j = 0; j < d1; j++) {
                        double hi = Math.max(z[i * d1 + j], 0);
                        double hl = Math.max(z[l * d1 + j], 0);
                        hh += hi * hl;
                    }
                }
                for (int c = 0; c < d2; c++) {
                    for (int c2 = 0; c2 < d2; c2++) {
                        double w = 0;
                        if (inst.mask().trainsW()) {
                            for (int j = 0; j < d1; j++) {
                                w += vd[j * d2 + c] * vd[j * d2 + c2] * ai[j] * al[j];
                            }
                        }
                        double v = xx * w + (c == c2 ? hh : 0);
                        g[i * d2 + c][l * d2 + c2] = v;
                        g[l * d2 + c2][i * d2 + c] = v;
                    }
                }
            }
        }
        return g;
    }

    private static void deriv(double[] z, int row, int d1, double s0, double[] out) {
        int o = row * d1;
        for (int j = 0; j < d1; j++) {
            double t = z[o + j];
            out[j] = t > 0 ? 1 : t < 0 ? 0 : s0;
        }
    }
}
