package org.gdcert.certificates.song;

import java.util.Locale;
import org.gdcert.core.spectral.SpectralSolver;

/**
 * The near-isometry bounds (μ, ν) of the adjoint Jacobian at Θ0 (Definition 1): Lemma 3's bounds
 * (PAPER mode, spec §3.5 and §4.3 steps 1–5) and the exact singular values from the tangent-kernel
 * Gram K (EXACT mode, [X], §3.2), each with the safety margins of §4.5.
 */
final class NearIsometry {

    private NearIsometry() {
    }

    /**
     * Lemma 3 on the concrete instance.
     *
     * @param sigmaMaxX σ_max(X), a verified upper bound
     * @param xMax max_a ‖x_a‖, inflated by (1 + c_eig·d0·ε)
     * @param unitNorm whether every ‖x_a‖ = 1 to 1e-12 (Assumption 2)
     * @param sigmaMaxV0 σ_max(V0), a verified upper bound
     * @param lambdaMinM0 λ_min(M0), NaN when not computed (d1 < n)
     * @param lambdaMaxM0 λ_max of the feature Gram (= σ_max(φ(W0X))²)
     * @param gramOrder the order of the feature Gram that was diagonalized
     * @param sigmaMinH σ_min(φ(W0X)) in the paper's sense (§1.3: 0 when d1 &lt; n), after τ_eig
     * @param sigmaMaxH σ_max(φ(W0X)), inflated
     * @param termV T_V = φ̇_max σ_max(X) σ_max(V0)
     * @param termW T_W = σ_max(φ(W0X))
     * @param residualNorm ‖Z0 − Y‖_F
     * @param muReason why μ = 0 (empty when μ &gt; 0)
     * @param unavailable why the bounds could not be computed (empty when they were)
     */
    record Paper(double sigmaMaxX, double xMax, boolean unitNorm, double sigmaMaxV0, double lambdaMinM0,
            double lambdaMaxM0, int gramOrder, double sigmaMinH, double sigmaMaxH, double termV, double termW,
            double residualNorm, String muReason, String unavailable) {

        double mu() {
            return sigmaMinH;
        }

        /** ν = φ̇_max σ_max(X) σ_max(V0) + σ_max(φ(W0X)) (18). */
        double nu() {
            return termV + termW;
        }

        boolean available() {
            return unavailable.isEmpty();
        }
    }

    /**
     * The exact extreme singular values of ∇Φ*(Θ0) ([X]).
     *
     * @param mu √ of a verified lower bound of λ_min(K) less the formation margin τ_eig
     * @param nu √ of a verified upper bound of λ_max(K) plus τ_eig
     * @param lambdaMin the estimate of λ_min(K)
     * @param lambdaMax the upper bound of λ_max(K)
     * @param kernel K0 itself (row-major) when d2·n ≤ {@link SongSettings#TWIN_LIMIT}, for the linearized
     *     twin of the monitor; else null
     * @param reason why it was not computed (empty when it was)
     */
    record Exact(double mu, double nu, double lambdaMin, double lambdaMax, double[] kernel, String reason) {
        boolean available() {
            return reason.isEmpty();
        }

        static Exact skipped(String reason) {
            return new Exact(Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, reason);
        }
    }

    /** Lemma 3's μ, ν and the instance quantities of §4.3 steps 1–5 and 7, on the safe sides. */
    static Paper paper(ShallowNet net, double dotMax, SongSettings s) {
        int n = net.n;
        int d0 = net.d0;
        int d1 = net.d1;
        int d2 = net.d2;
        double xMax = 0;
        double worstNorm = 0;
        for (int a = 0; a < n; a++) {
            double sq = 0;
            for (int k = 0; k < d0; k++) {
                double e = net.x[a * d0 + k];
                sq += e * e;
            }
            double norm = Math.sqrt(sq);
            xMax = Math.max(xMax, norm);
            worstNorm = Math.max(worstNorm, Math.abs(norm - 1));
        }
        xMax *= s.inflation(d0);
        boolean unit = worstNorm <= 1e-12;
        int xOrder = Math.min(n, d0);
        int vOrder = Math.min(d1, d2);
        int hOrder = Math.min(n, d1);
        StringBuilder missing = new StringBuilder();
        if (xOrder > s.denseLimit()) {
            missing.append(String.format(Locale.ROOT, "σ_max(X) needs a %d×%d Gram (dense_limit %d); ",
                    xOrder, xOrder, s.denseLimit()));
        }
        if (vOrder > s.denseLimit()) {
            missing.append(String.format(Locale.ROOT, "σ_max(V0) needs a %d×%d Gram (dense_limit %d); ",
                    vOrder, vOrder, s.denseLimit()));
        }
        if (hOrder > s.denseLimit()) {
            missing.append(String.format(Locale.ROOT, "σ_max(φ(W0X)) needs a %d×%d Gram (dense_limit %d); ",
                    hOrder, hOrder, s.denseLimit()));
        }
        if (missing.length() > 0) {
            double[] r = net.residual(net.summarize(false).outputs());
            String why = missing.substring(0, missing.length() - 2) + "; matrix-free bounds are not implemented";
            return new Paper(Double.NaN, xMax, unit, Double.NaN, Double.NaN, Double.NaN, hOrder, 0, Double.NaN,
                    Double.NaN, Double.NaN, norm(r), "not computed", why);
        }
        try (SpectralSolver solver = SongSpectra.solver()) {
            double sigmaX = SongSpectra.sigmaMax(solver, net.x, n, d0).upper();
            double sigmaV = SongSpectra.sigmaMax(solver, net.v, d1, d2).upper();
            SongSpectra.Enclosure smin = null;
            SongSpectra.Enclosure smax;
            double[] z;
            if ((long) n * d1 <= SongSettings.FEATURE_LIMIT) {
                ShallowNet.Features f = net.features();
                z = net.outputs(f);
                if (n <= d1) {
                    SongSpectra.Enclosure[] e = SongSpectra.wideExtremes(solver, f.h(), n, d1);
                    smin = e[0];
                    smax = e[1];
                } else {
                    smax = SongSpectra.sigmaMax(solver, f.h(), n, d1);
                }
            } else {
                ShallowNet.FeatureSummary f = net.summarize(true);
                z = f.outputs();
                double err = SongSpectra.gramFormationError(f.gram(), f.order(), f.sampleGram() ? d1 : n);
                smax = widen(SongSpectra.lambdaMax(solver, f.gram(), f.order()), err).sqrt();
                if (f.sampleGram()) {
                    smin = widen(SongSpectra.lambdaMin(solver, f.gram(), f.order()), err).sqrt();
                }
            }
            double mu = 0;
            String reason;
            double lmin = Double.NaN;
            if (d1 < n) {
                reason = String.format(Locale.ROOT, "Lemma 3's μ = σ_min(φ(W0X)) = 0 because d1 = %d < n = %d "
                        + "(φ(W0X) is d1×n; spec §1.3)", d1, n);
            } else {
                lmin = smin.value() * smin.value();
                if (smin.lower() > 0) {
                    mu = smin.lower();
                    reason = "";
                } else {
                    reason = String.format(Locale.ROOT, "Lemma 3's μ = σ_min(φ(W0X)) is not provably positive: it "
                            + "lies in [0, %.3g] (%s; φ(W0X) rank-deficient: duplicated samples?)", smin.upper(),
                            smin.how());
                }
            }
            double lmax = smax.value() * smax.value();
            double termV = dotMax * sigmaX * sigmaV;
            return new Paper(sigmaX, xMax, unit, sigmaV, lmin, lmax, hOrder, mu, smax.upper(), termV, smax.upper(),
                    norm(net.residual(z)), reason, "");
        }
    }

    /** An eigenvalue enclosure widened by a formation error on both sides. */
    private static SongSpectra.Enclosure widen(SongSpectra.Enclosure e, double err) {
        return new SongSpectra.Enclosure(e.lower() - err, e.value(), e.upper() + err, e.how()
                + " + the Gram's formation error");
    }

    private static double norm(double[] r) {
        double rr = 0;
        for (double e : r) {
            rr += e * e;
        }
        return Math.sqrt(rr);
    }

    /** The exact singular values of ∇Φ*(Θ0) from K0 = ∇Φ∇Φ* (§3.2, [X]). */
    static Exact exact(ShallowNet net, SongSettings s) {
        int m = net.d2 * net.n;
        if ((long) net.parameterCount() < m) {
            return Exact.skipped(String.format(Locale.ROOT, "d = d1(d0 + d2) = %d < d2·n = %d: σ_min(∇Φ*(Θ)) = 0 for "
                    + "every Θ", net.parameterCount(), m));
        }
        if (m > s.denseLimit()) {
            return Exact.skipped(String.format(Locale.ROOT, "K is %d×%d, above dense_limit %d", m, m, s.denseLimit()));
        }
        if ((long) net.n * net.d1 > SongSettings.FEATURE_LIMIT) {
            return Exact.skipped(String.format(Locale.ROOT, "n·d1 = %d exceeds the feature limit %d of EXACT mode",
                    (long) net.n * net.d1, SongSettings.FEATURE_LIMIT));
        }
        double[] k = net.kernel(net.features());
        double lmin;
        double lmax;
        double lminEstimate;
        try (SpectralSolver solver = SongSpectra.solver()) {
            SongSpectra.Enclosure lo = SongSpectra.lambdaMin(solver, k, m);
            SongSpectra.Enclosure hi = SongSpectra.lambdaMax(solver, k, m);
            // K is formed from Grams summed over d1 (and d0) terms: the spec's margin τ_eig (§4.5)
            double tau = s.eigenTolerance(Math.max(m, net.d1 + net.d0), hi.upper());
            lmin = lo.lower() - tau;
            lmax = hi.upper() + tau;
            lminEstimate = lo.value();
        }
        double mu = lmin > 0 ? Math.sqrt(lmin) : 0;
        return new Exact(mu, Math.sqrt(Math.max(lmax, 0)), lminEstimate, lmax, m <= SongSettings.TWIN_LIMIT ? k : null,
                "");
    }
}
