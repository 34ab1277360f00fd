package org.gdcert.certificates.sgdrelu;

import static org.gdcert.certificates.sgdrelu.Sections.fmt;

import java.util.Locale;
import org.gdcert.core.cert.Condition;
import org.gdcert.core.cert.Tag;

/**
 * The ASYMPTOTIC report (spec certificates-sgd-relu.md §4.4): only the explicit parts of Theorem
 * 4.3, Lemma 4.4, Corollary 4.5 and Theorem 5.1, in the paper's convention ‖x_i‖ = √d0 after the
 * Remark 5.3 conversion β_w,eff = β_w·r_x/√d0. It never prints a probability or a verdict that
 * depends on a hidden constant; it names the hidden constants and reports the instance's implied
 * values instead.
 */
final class Asymptotic {
    private Asymptotic() {
    }

    static void report(Instance inst, DiNumbers num, DataChecks data, InitScales.Scale bw, InitScales.Scale bv,
            OptimizerScope opt, SgdReluSettings settings, Sections s) {
        int n = inst.samples();
        int d0 = inst.inputDim();
        int d1 = inst.width();
        int d2 = inst.outputs();
        double logN = Math.log(n);
        hiddenConstants(s);
        comparison(n, d0, d1, data.delta0(), s);
        if (inst.mask() != Instance.Mask.BOTH) {
            s.note("§4.4(f)", "NOT_COVERED: " + inst.mask().words() + " — the main text's asymptotic results (Theorem "
                    + "4.3 → Corollary 4.5 → Theorem 5.1) train both layers; the W-only bound N^5/d0^4 is in Appendix G, "
                    + "which is not available", Tag.PAPER);
            return;
        }
        if (!data.equalNorms()) {
            s.note("§4.4", "assumption A1 violated: the rows of X do not share one norm (‖x_i‖ ∈ ["
                    + fmt(data.rowNormMin()) + ", " + fmt(data.rowNormMax()) + "]); the asymptotic quantities are "
                    + "skipped", Tag.PAPER);
            return;
        }
        double rx = data.commonNorm();
        double bwEff = bw.value() * rx / Math.sqrt(d0);
        double betaV = bv.value();
        s.q("asym.betaW", "β_w", bw.value(), "Assumption 4.1", Tag.PAPER, bw.source());
        s.q("asym.betaV", "β_v", betaV, "Assumption 4.1", Tag.PAPER, bv.source());
        s.q("asym.rowNorm", "r_x", rx, "Remark 5.3", Tag.PAPER, "common ‖x_i‖ of X as trained");
        s.q("asym.betaWEff", "β_w,eff = β_w r_x/√d0", bwEff, "Remark 5.3", Tag.DERIVED, "β_w in the paper's "
                + "convention ‖x_i‖ = √d0 (same law of X W0; the gradient flows differ, spec §1.4)");
        if (Boolean.FALSE.equals(bw.gaussian()) || Boolean.FALSE.equals(bv.gaussian())) {
            s.note("Assumption 4.1", "θ0 is not i.i.d. Gaussian in every layer (" + bw.source() + "; " + bv.source()
                    + "): Assumptions 4.1.2–4.1.3 fail, the WHP statements say nothing about this θ0", Tag.PAPER);
        } else if (bw.gaussian() == null || bv.gaussian() == null) {
            s.note("Assumption 4.1", "whether θ0 is i.i.d. Gaussian is not known from the initializers; β estimated "
                    + "from θ0", Tag.DERIVED);
        }
        double alpha2 = num.alpha() * num.alpha();
        double cHat = alpha2 / (d0 * (double) d1 * bwEff * bwEff);
        // (a) Theorem 4.3
        s.q("asym.cHatAlpha", "ĉ_α = α²/(d0 d1 β_w,eff²)", cHat, "Thm 4.3", Tag.HIDDEN, "the instance's empirical "
                + "value of the hidden c(δ0) in α0(0) ≥ √(c(δ0) d0 d1) β_w");
        // (b) Lemma 4.4, in the paper's convention
        double xopPaper = num.xop() * Math.sqrt(d0) / rx;
        s.q("asym.normWRatio", "‖W0‖_F/(√(d0 d1) β_w)", num.normW() / (Math.sqrt((double) d0 * d1) * bw.value()),
                "Lemma 4.4", Tag.HIDDEN, "Θ(1) WHP; constants unspecified");
        s.q("asym.normVRatio", "‖V0‖_F/(√(d1 d2) β_v)", num.normV() / (Math.sqrt((double) d1 * d2) * betaV),
                "Lemma 4.4", Tag.HIDDEN, "Θ(1) WHP; constants unspecified");
        s.q("asym.xopRatio", "‖X‖_op/√max(N, d0)", xopPaper / Math.sqrt(Math.max(n, d0)), "Lemma 4.4", Tag.HIDDEN,
                "O(1) WHP, X in the paper's convention (‖X‖_op·√d0/r_x = " + fmt(xopPaper) + ")");
        double ySq = Sums.sumOfSquares(inst.y().data());
        double lossRate = ySq + betaV * betaV * d2 * num.normW() * num.normW() * num.xop() * num.xop() * logN;
        s.q("asym.lossRatio", "L0/(‖Y‖² + β_v² d2 ‖W0‖² ‖X‖² log N)", num.loss0() / lossRate, "Lemma 4.4",
                Tag.HIDDEN, "O(1) WHP; natural log");
        s.q("asym.lossNormalized", "L0/(d0 d1 d2 β_w,eff² β_v² N ln N)", num.loss0() / (d0 * (double) d1 * d2
                * bwEff * bwEff * betaV * betaV * n * logN), "§4.1", Tag.HIDDEN, "diagnostic; the plug-in C of "
                + "Theorem 5.1");
        // (c) Corollary 4.5
        double rho = !Double.isNaN(bv.rho()) ? bv.rho() : -Math.log(betaV * betaV) / Math.log(d1);
        s.q("asym.rho", "ρ_eff = −ln β_v²/ln d1", rho, "Cor 4.5", Tag.DERIVED, Double.isNaN(bv.rho())
                ? "so that β_v² = d1^(−ρ)" : "declared by the initializer");
        double base = d2 * Math.pow(n, 2.5) / (d0 * bwEff * bwEff);
        double k = Math.pow(base, 1 / (1 + rho));
        double kappa = d1 / (k * logN * logN);
        s.q("asym.widthRatio", "κ_w = d1/([d2 N^2.5/(d0 β_w²)]^{1/(1+ρ)} log² N)", kappa, "Cor 4.5", Tag.HIDDEN,
                "UNDECIDABLE (hidden constant): the width hypothesis holds iff the unknown C(δ0) ≤ κ_w");
        s.conditions.add(new Condition("cor45_width", "Cor 4.5", "d1 ≥ max(N, C(δ0)·[d2 N^2.5/(d0 β_w²)]^{1/(1+ρ)} "
                + "log² N) — UNDECIDABLE_HIDDEN_CONSTANT (C(δ0) set to 1 here; implied C(δ0) = κ_w)", d1, ">=",
                Math.max(n, k * logN * logN), Condition.Status.INDETERMINATE, "C(δ0) unknown", Tag.HIDDEN));
        double psi = d0 / (double) n * k;
        s.q("asym.psi", "Ψ = (d0/N)[d2 N^2.5/(d0 β_w²)]^{1/(ρ+1)}", psi, "Cor 4.5", Tag.PAPER, "exponent of the "
                + "probability term exp(−Ψ); the probability bound also has hidden O(·)/Ω(·) terms, so no number "
                + "is given for it");
        s.note("Cor 4.5 rate", "L(θ(t)) ≤ L(θ0)·exp(−t·c(δ0)·d0·d1·β_w²) with c(δ0) hidden; with ĉ_α in place of "
                + "c(δ0) this is exactly the deterministic rate α² of Theorem 3.4 (LeCun: exp(−c t d1), Theorem 1.1)",
                Tag.HIDDEN);
        // (d) Theorem 5.1
        s.conditions.add(Condition.evaluate("thm51_rho", "Thm 5.1", "Theorem 5.1 needs β_v² = d1^(−ρ) with ρ > 0 "
                + "(Corollary 4.5 allows ρ ≥ 0; spec §6 item 14)", rho, ">", 0, 1e-12, "", Tag.PAPER));
        if (!opt.continuous() && opt.etaPaper() > 0) {
            double c = Double.isNaN(settings.pluginC()) ? cHat : settings.pluginC();
            double bigC = Double.isNaN(settings.pluginBigC())
                    ? num.loss0() / (n * logN * d0 * (double) d1 * d2 * bwEff * bwEff * betaV * betaV)
                    : settings.pluginBigC();
            double eps = settings.epsilonFor(num.loss0());
            double inner = Math.log(bigC * n * logN * d0 * (double) d1 * d2 * bwEff * bwEff * betaV * betaV / eps)
                    / (c * d0 * (double) d1 * bwEff * bwEff);
            double kstar = Math.floor(1 + n / (opt.etaPaper() * opt.batch()) * Math.max(0, inner));
            s.q("asym.kstarPlugin", "k* (plug-in)", kstar, "Thm 5.1, eq. (15)", Tag.HIDDEN, String.format(Locale.ROOT,
                    "plug-in, not a guarantee: c(δ0) := %s%s, C := %s%s; d2 restored in eq. (15) (spec §6 item 8)",
                    fmt(c), Double.isNaN(settings.pluginC()) ? " (ĉ_α)" : " (given)", fmt(bigC),
                    Double.isNaN(settings.pluginBigC()) ? " (L0/(N ln N d0 d1 d2 β_w² β_v²))" : " (given)"));
        }
    }

    /** (e) Remarks 5.3 and 5.4: the width requirements of the compared results on this instance. */
    private static void comparison(int n, int d0, int d1, double delta0, Sections s) {
        double logN = Math.log(n);
        s.q("asym.cmpThisPaper", "N^1.25 log² N", Math.pow(n, 1.25) * logN * logN, "Remark 5.4", Tag.HIDDEN,
                "this paper (LeCun, d2 = 1), constants hidden; d1 = " + d1);
        s.q("asym.cmpOymak", "N^4/d0^3", Math.pow(n, 4) / Math.pow(d0, 3), "Remark 5.4", Tag.HIDDEN,
                "Oymak & Soltanolkotabi 2020: W-only training, d0 ∈ [√N, N], d2 = 1");
        s.q("asym.cmpAppendixG", "N^5/d0^4", Math.pow(n, 5) / Math.pow(d0, 4), "Remark 5.4", Tag.HIDDEN,
                "Appendix G of this paper: W-only training (content not available)");
        s.q("asym.cmpNguyen", "N^2", (double) n * n, "Remark 5.4", Tag.HIDDEN, "Nguyen 2021");
        s.note("Remark 5.4", String.format(Locale.ROOT, "ignoring logarithms, N^1.25 beats N^4/d0^3 exactly when δ0 ≤ "
                + "2.75/3 ≈ 0.9167; here δ0_eff = %.4f (%s)", delta0, delta0 <= 2.75 / 3 ? "it does" : "it does not"),
                Tag.PAPER);
    }

    private static void hiddenConstants(Sections s) {
        s.hidden("C(δ0)", "width constant of Theorem 4.3 and Corollary 4.5 (the text's 'for some and C(δ0) > 0' is "
                + "garbled; treated as an unknown function of δ0, spec §6 item 11)");
        s.hidden("c(δ0)", "constant of α0(0) ≥ √(c(δ0) d0 d1) β_w (Theorem 4.3; called both 'universal' and "
                + "'depending on δ0' — treated as depending on δ0) and of the rates of Corollary 4.5 / Theorem 5.1");
        s.hidden("O(·), Ω(·)", "the constants of the probability terms O(N²)exp(−Ω(N^{δ0/2})) and exp(−Ω(d2 log N)) "
                + "and of Lemma 4.4's Θ(·)/O(·): unspecified");
        s.hidden("C", "the 'big enough absolute constant' of the set Q in the proof of Theorem 5.1 and of eq. (15)");
        s.hidden("η0", "the step-size threshold of Theorems 5.1/5.6: exists, not computable");
        s.hidden("A1, A5", "‖x_i‖_ψ2 = O(1) and ‖Y_i‖ = O(β_w β_v √(d0 d1 d2)): constants unspecified");
        s.note("WHP", "'with high probability' means probability → 1 as N → ∞; one draw of θ0 and X never yields a "
                + "per-instance probability, so none is printed", Tag.PAPER);
    }
}
