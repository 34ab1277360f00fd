package org.gdcert.certificates.song;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.gdcert.core.cert.Note;
import org.gdcert.core.cert.Quantity;
import org.gdcert.core.cert.Tag;
import org.gdcert.core.math.GaussHermite;
import org.gdcert.core.math.GaussianExpectations;
import org.gdcert.core.spectral.SpectralSolver;
import org.gdcert.core.spi.Activation;

/**
 * Theorem 3's probabilistic width statement as an order estimate (spec certificates-song.md §4.7):
 * the data factors σ_max(X), σ_min(X^{*t}) (via λ_min((XᵀX)^{∘t}), §1.3 semantics), the chosen t,
 * the Hermite coefficients of the shifted φ, the factor F(t) = √n σ_max²(X)/σ_min³(X^{*t}) of (20),
 * the subquadratic scale n^{3/2}/d0 of (21), where the initialization sits relative to (19)/(74), the
 * realized ratios of event E1, and ([X]) the predicted spectrum of E[M0]. Nothing here is a
 * guarantee: Theorem 3 hides universal constants, k1, k2, k3, δ1..δ4, log factors and ≃ heuristics.
 */
final class TheoremThree {
    /** Largest n for the n × n Hadamard-power Grams of the estimator. */
    static final int ESTIMATOR_LIMIT = 1000;

    /** The estimator's quantities and notes; {@code sigmaMinKr[t-1]} = σ_min(X^{*t}) (NaN when not computed). */
    record Estimate(List<Quantity> quantities, List<Note> notes, double[] lambdaMinKr, double[] sigmaMinKr, int t) {
    }

    private TheoremThree() {
    }

    static Estimate estimate(ShallowNet net, NearIsometry.Paper paper, ActivationConstants act, double omega1,
            double omega2, String omegaSource, SongSettings s) {
        List<Quantity> q = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        int n = net.n;
        int d0 = net.d0;
        int d1 = net.d1;
        int d2 = net.d2;
        String est = "order estimate, not a guarantee (Theorem 3 hides constants)";
        q.add(new Quantity("sqrtNOverD0", "√(n/d0)", Math.sqrt((double) n / d0), "§5.3", Tag.PAPER,
                "the paper's heuristic σ_max(X) ≃ √(n/d0), to compare with σ_max(X)"));
        double[] lmin = new double[s.tMax()];
        double[] smin = new double[s.tMax()];
        java.util.Arrays.fill(lmin, Double.NaN);
        java.util.Arrays.fill(smin, Double.NaN);
        int chosen = -1;
        if (n <= Math.min(ESTIMATOR_LIMIT, s.denseLimit())) {
            double[] g = SongSpectra.outerGram(net.x, n, d0);
            double[] pow = new double[g.length];
            java.util.Arrays.fill(pow, 1);
            try (SpectralSolver solver = SongSpectra.solver()) {
                for (int t = 1; t <= s.tMax(); t++) {
                    for (int i = 0; i < g.length; i++) {
                        pow[i] *= g[i];
                    }
                    boolean rankShort = symmetricTensorDimension(d0, t) < n;
                    String note;
                    if (rankShort) {
                        // structurally singular: no eigenproblem needed
                        lmin[t - 1] = 0;
                        smin[t - 1] = 0;
                        note = String.format(Locale.ROOT, "0: binom(d0+t−1, t) = %.0f < n (symmetric t-tensors span "
                                + "fewer than n dimensions)", symmetricTensorDimension(d0, t));
                    } else {
                        SongSpectra.Enclosure e = SongSpectra.lambdaMin(solver, pow, n);
                        lmin[t - 1] = e.value();
                        smin[t - 1] = e.lower() > 0 ? Math.sqrt(e.lower()) : 0;
                        note = "verified lower bound (" + e.how() + ")";
                    }
                    q.add(new Quantity("lambdaMinKr" + t, "λ_min((XᵀX)^{∘" + t + "})", lmin[t - 1], "§1.3",
                            Tag.PAPER, "= σ_min(X^{*" + t + "})²"));
                    q.add(new Quantity("sigmaMinKr" + t, "σ_min(X^{*" + t + "})", smin[t - 1], "(20), §1.3",
                            Tag.PAPER, note));
                    if (chosen < 0 && smin[t - 1] > 0) {
                        chosen = t;
                    }
                }
            }
        } else {
            notes.add(new Note("sigmaMinKr", String.format(Locale.ROOT, "σ_min(X^{*t}) not computed: n = %d exceeds "
                    + "the estimator's dense limit %d", n, Math.min(ESTIMATOR_LIMIT, s.denseLimit())), Tag.PAPER));
        }
        double cShift0 = act.shiftedC0();
        q.add(new Quantity("hermiteC0", "c_0", cShift0, "Def. 4, §1.4", Tag.PAPER, act.phiAtZero() != 0
                ? "of the shifted φ − φ(0) (A23); unshifted c_0 = " + fmt(act.c(0)) : ""));
        q.add(Quantity.of("hermiteC1", "c_1", act.c(1), "Def. 4, §1.4", Tag.PAPER));
        q.add(new Quantity("hermiteCInf2", "c_∞²", act.cInfinitySquared(), "after (57), §1.4", Tag.PAPER,
                "E[φ²] − c_0² − c_1² (Parseval; unchanged by the shift)"));
        q.add(new Quantity("hermiteNorm2", "‖φ‖_H² = E[φ(g)²]", act.shiftedSecondMoment(), "Def. 4 (A14)",
                Tag.REPAIRED, "Parseval norm; Definition 4's Σc_i² diverges for GeLU and tanh (A14)"
                        + (act.phiAtZero() != 0 ? "; of the shifted φ" : "")));
        if (chosen > 0) {
            double ct = chosen < act.hermite().length ? act.c(chosen) : Double.NaN;
            double sx = paper.sigmaMaxX();
            double f = Math.sqrt(n) * sx * sx / Math.pow(smin[chosen - 1], 3);
            q.add(new Quantity("theorem3T", "t", chosen, "Thm 3", Tag.DERIVED, "smallest t with σ_min(X^{*t}) > 0 "
                    + "(A37); the paper takes n ≃ d0^t"));
            q.add(new Quantity("hermiteCt", "c_t", ct, "(58)", Tag.PAPER,
                    Math.abs(ct) < 1e-12 ? "c_t = 0: (58)'s lower bound is vacuous for this t (odd/even activation)"
                            : ""));
            q.add(new Quantity("dataFactor", "F(t) = √n σ_max²(X)/σ_min³(X^{*t})", f, "(20), (79)", Tag.HIDDEN,
                    "d1 = Ω̃(ξ·F(t)); " + est));
            q.add(new Quantity("widthOverDataFactor", "d1/F(t)", d1 / f, "(20)", Tag.HIDDEN,
                    "must exceed the hidden ξ·log factors; " + est));
        }
        double n15 = Math.pow(n, 1.5);
        q.add(new Quantity("subquadraticScale", "n^{3/2}/d0", n15 / d0, "(21)", Tag.HIDDEN, "d1 ≳ n^{3/2}/d0 under the "
                + "heuristics σ_max(X) ≃ √(n/d0), σ_min(X^{*t}) ≃ 1; " + est));
        q.add(new Quantity("overparameterization", "d0 d1/n^{3/2}", (double) d0 * d1 / n15, "(21)", Tag.HIDDEN,
                "Theorem 3 asks for d0 d1 = Ω̃(n^{3/2}); " + est));
        q.add(new Quantity("overparameterizationUnbounded", "d0 d1/n^{5/3}", (double) d0 * d1 / Math.pow(n, 5.0 / 3),
                "end of App. E", Tag.HIDDEN, "without the bounded-V assumption: d0 d1 = Ω̃(n^{5/3}); " + est));
        if (Double.isFinite(omega1) && Double.isFinite(omega2)) {
            double prod = omega1 * omega2;
            q.add(new Quantity("initProductScaled", "ω1ω2√(d0 d1)", prod * Math.sqrt((double) d0 * d1), "(19)",
                    Tag.HIDDEN, "(19) asks ω1ω2 ≲ 1/√(d0 d1), i.e. this ≲ 1 (He = 2, LeCun = 1); no verdict (A21); ω's "
                            + omegaSource));
            q.add(new Quantity("initProduct74", "ω1ω2 φ̇_max √(d0 d1) log d1", prod * act.dotMax()
                    * Math.sqrt((double) d0 * d1) * Math.log(d1), "(74)", Tag.HIDDEN, "the proof's form of (19) ≲ 1; "
                    + "no verdict (A21)"));
            double[] ratios = eventRatios(net, omega1, omega2);
            q.add(new Quantity("eventK1", "max_i ‖W0[i,:]‖/(ω1√(d0 log d1))", ratios[0], "(60)", Tag.HIDDEN,
                    "realized lower bound for the hidden k1 of event E1"));
            q.add(new Quantity("eventK2", "max_i ‖V0[:,i]‖/(ω2√(d2 log d1))", ratios[1], "(60)", Tag.HIDDEN,
                    "realized lower bound for the hidden k2 of event E1"));
            q.add(new Quantity("sigmaMaxV0Bound", "ω2(2√d1 + √d2)", omega2 * (2 * Math.sqrt(d1) + Math.sqrt(d2)),
                    "(69)", Tag.PAPER, "holds w.p. ≥ 1 − p4 with a hidden constant in p4; compare σ_max(V0)"));
            prediction(net, omega1, s, q, notes);
        }
        return new Estimate(q, notes, lmin, smin, chosen);
    }

    /** binom(d0 + t − 1, t), the dimension of symmetric t-tensors over ℝ^{d0}. */
    static double symmetricTensorDimension(int d0, int t) {
        double b = 1;
        for (int i = 1; i <= t; i++) {
            b = b * (d0 + t - i) / i;
        }
        return Math.rint(b);
    }

    private static double[] eventRatios(ShallowNet net, double omega1, double omega2) {
        int d0 = net.d0;
        int d1 = net.d1;
        int d2 = net.d2;
        double wmax = 0;
        for (int c = 0; c < d1; c++) {
            double sq = 0;
            for (int k = 0; k < d0; k++) {
                double e = net.w[k * d1 + c];
                sq += e * e;
            }
            wmax = Math.max(wmax, Math.sqrt(sq));
        }
        double vmax = 0;
        for (int c = 0; c < d1; c++) {
            double sq = 0;
            for (int k = 0; k < d2; k++) {
                double e = net.v[c * d2 + k];
                sq += e * e;
            }
            vmax = Math.max(vmax, Math.sqrt(sq));
        }
        double log = Math.log(Math.max(d1, 2));
        return new double[] {wmax / (omega1 * Math.sqrt(d0 * log)), vmax / (omega2 * Math.sqrt(d2 * log))};
    }

    /**
     * [X] E[M0] = d1·E[φ(u)φ(v)], (u, v) ~ N(0, ω1²[[‖x_a‖², x_aᵀx_b], [x_aᵀx_b, ‖x_b‖²]]) (§4.7), by the
     * activation's closed form or 2-D Gauss–Hermite quadrature; its extreme eigenvalues predict
     * σ_min(φ(W0X))² and σ_max(φ(W0X))² before sampling weights.
     */
    private static void prediction(ShallowNet net, double omega1, SongSettings s, List<Quantity> q,
            List<Note> notes) {
        int n = net.n;
        if (n > SongSettings.PREDICT_LIMIT) {
            return;
        }
        double[] g = SongSpectra.outerGram(net.x, n, net.d0);
        Activation phi = net.phi;
        GaussHermite.Rule rule = GaussHermite.standardNormal(SongSettings.PAIR_QUADRATURE);
        double w2 = omega1 * omega1;
        double[] e = new double[n * n];
        for (int a = 0; a < n; a++) {
            for (int b = a; b < n; b++) {
                double qa = w2 * g[a * n + a];
                double qb = w2 * g[b * n + b];
                double c = w2 * g[a * n + b];
                OptionalDouble closed = phi.gaussianPairExpectation(qa, qb, c);
                double v = closed.isPresent() ? closed.getAsDouble()
                        : GaussianExpectations.pairExpectation(phi::value, phi::value, qa, qb, c, rule);
                e[a * n + b] = net.d1 * v;
                e[b * n + a] = net.d1 * v;
            }
        }
        double[] ev = SongSpectra.eigenvalues(e, n);
        q.add(new Quantity("muPredicted", "√λ_min(E[M0])", Math.sqrt(Math.max(ev[0], 0)), "(56), §4.7", Tag.EXTENSION,
                "[X] prediction of σ_min(φ(W0X)) from ω1 and the data (the concentration is Theorem 3's, with hidden "
                        + "constants); 0 is certain when d1 < n whatever this says"));
        q.add(new Quantity("sigmaMaxHPredicted", "√λ_max(E[M0])", Math.sqrt(Math.max(ev[n - 1], 0)), "(56), §4.7",
                Tag.EXTENSION, "[X] prediction of σ_max(φ(W0X))"));
        notes.add(new Note("prediction", String.format(Locale.ROOT, "E[M0] by %s with ω1 = %.6g",
                phi.gaussianPairExpectation(1, 1, 0.5).isPresent() ? "the activation's closed form"
                        : SongSettings.PAIR_QUADRATURE + "-point tensor Gauss–Hermite quadrature (error not bounded)",
                omega1), Tag.EXTENSION));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.10g", v);
    }
}
