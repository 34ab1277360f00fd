package org.gdcert.certificates.song;

/**
 * The PL framework with explicit constants (spec certificates-song.md §2.6, Theorems 1′ and 2′, all
 * [D]) evaluated for one pair of near-isometry bounds (μ, ν): the self-consistent χ* and β of §4.3
 * step 6, the radius ρ = μ/(2β) (6), and every threshold, step-size bound, rate and path-length
 * bound, for the loss f(Z) = s‖Z − Y‖²_F (α_f = β_f = 2s).
 *
 * @param mu μ ≤ σ_min(∇Φ*(Θ0))
 * @param nu ν ≥ σ_max(∇Φ*(Θ0))
 * @param scale s
 * @param beta0 β with χ = σ_max(V0)
 * @param chi χ* = σ_max(V0) + μ/(2β0), or the user's χ
 * @param selfConsistent whether χ is χ* (rigorous) or the user's (re-checked along the trajectory)
 * @param beta β = √2 σ_max(X)(φ̇_max + φ̈_max x_max χ)
 * @param rho ρ = μ/(2β)
 * @param h0 h(Θ0) = s‖Z0 − Y‖²
 * @param g0 G0 = ‖∇f(Z0)‖ = 2s‖Z0 − Y‖
 */
record PlConstants(double mu, double nu, double scale, double beta0, double chi, boolean selfConsistent, double beta,
        double rho, double h0, double g0) {

    /** The (GF1) constant of Theorem 1′: h0 < α_f μ⁶/(288 β² ν²). */
    static final double GF_CONSTANT = 288;
    /** The (GD1) constant of Theorem 2′, 16 × 288. */
    static final double GD_CONSTANT = 4608;
    /** The β_f ν² factor of η_desc. */
    static final double DESCENT_FACTOR = 9.0 / 4;
    /** The 6 of η_last = μ/(6βνG0). */
    static final double LAST_STEP_FACTOR = 6;

    /**
     * @param mu μ (0 when Lemma 3's bound vanishes)
     * @param nu ν
     * @param sigmaX σ_max(X)
     * @param sigmaV0 σ_max(V0)
     * @param xMax max_a ‖x_a‖
     * @param dotMax φ̇_max
     * @param ddotMax φ̈_max
     * @param scale s of f = s‖·‖²
     * @param residualNorm ‖Z0 − Y‖_F
     * @param userChi the user's χ, or NaN for the self-consistent χ*
     */
    static PlConstants of(double mu, double nu, double sigmaX, double sigmaV0, double xMax, double dotMax,
            double ddotMax, double scale, double residualNorm, double userChi) {
        double beta0 = Math.sqrt(2) * sigmaX * (dotMax + ddotMax * xMax * sigmaV0);
        boolean self = Double.isNaN(userChi);
        double chi = self ? sigmaV0 + (beta0 > 0 ? mu / (2 * beta0) : 0) : userChi;
        double beta = Math.sqrt(2) * sigmaX * (dotMax + ddotMax * xMax * chi);
        double rho = beta > 0 ? mu / (2 * beta) : Double.POSITIVE_INFINITY;
        double h0 = scale * residualNorm * residualNorm;
        return new PlConstants(mu, nu, scale, beta0, chi, self, beta, rho, h0, 2 * scale * residualNorm);
    }

    double alphaF() {
        return 2 * scale;
    }

    double betaF() {
        return 2 * scale;
    }

    /** thr_GF = α_f μ⁶/(288 β² ν²). */
    double thresholdFlow() {
        return alphaF() * Math.pow(mu, 6) / (GF_CONSTANT * beta * beta * nu * nu);
    }

    /** thr_GD = α_f μ⁶/(4608 β² ν²). */
    double thresholdDescent() {
        return alphaF() * Math.pow(mu, 6) / (GD_CONSTANT * beta * beta * nu * nu);
    }

    /** η_desc = 1/(β G0 + (9/4) β_f ν²). */
    double etaDescent() {
        return 1 / (beta * g0 + DESCENT_FACTOR * betaF() * nu * nu);
    }

    /** η_last = μ/(6 β ν G0), +∞ when G0 = 0. */
    double etaLast() {
        return g0 > 0 ? mu / (LAST_STEP_FACTOR * beta * nu * g0) : Double.POSITIVE_INFINITY;
    }

    /** η_max = min(η_desc, η_last). */
    double etaMax() {
        return Math.min(etaDescent(), etaLast());
    }

    /** q(η) = 1 − η α_f μ²/4, the certified per-step contraction of h. */
    double contraction(double eta) {
        return 1 - eta * alphaF() * mu * mu / 4;
    }

    /** κ_GF = α_f μ²/2: h(γ(t)) ≤ h0·e^{−κ t}. */
    double flowRate() {
        return alphaF() * mu * mu / 2;
    }

    /** α_h = α_f μ²/4, the PL constant of h on the ball (§2.3). */
    double alphaH() {
        return alphaF() * mu * mu / 4;
    }

    /** L_GF = 6√2 ν √h0/(√α_f μ²). */
    double lengthFlow() {
        return 6 * Math.sqrt(2) * nu * Math.sqrt(h0) / (Math.sqrt(alphaF()) * mu * mu);
    }

    /** L_GD = 12√2 ν √h0/(√α_f μ²). */
    double lengthDescent() {
        return 2 * lengthFlow();
    }

    /** i_ε = ⌈ln(ε/h0)/ln q(η)⌉ (0 when h0 ≤ ε, +∞ when q ≥ 1). */
    double iterationsTo(double epsilon, double eta) {
        double q = contraction(eta);
        if (h0 <= epsilon) {
            return 0;
        }
        if (!(q < 1) || !(q > 0)) {
            return q >= 1 ? Double.POSITIVE_INFINITY : 1;
        }
        return Math.ceil(Math.log(epsilon / h0) / Math.log(q));
    }

    /** t_ε = ln(h0/ε)/κ. */
    double timeTo(double epsilon) {
        return h0 <= epsilon ? 0 : Math.log(h0 / epsilon) / flowRate();
    }

    /** The paper's (9) without its constant: h0 β² ν²/(α_f μ⁶) must be "small" [P~]. */
    double paperRatio() {
        return h0 * beta * beta * nu * nu / (alphaF() * Math.pow(mu, 6));
    }

    /** The paper's (13) without its constant: 1/(β G0 + β_f μ² + β_f ν²) [P~]. */
    double paperStep() {
        return 1 / (beta * g0 + betaF() * mu * mu + betaF() * nu * nu);
    }

    /** The largest ‖Y − Z0‖_F the thresholds certify at this initialization: √(thr/s). */
    double largestResidual(boolean flow) {
        return Math.sqrt((flow ? thresholdFlow() : thresholdDescent()) / scale);
    }

    /** (83)/(84)'s lazy indicator B = β_Φ(χ)/ν² with χ_lazy = σ_max(V0) + ν√h0/(√α_f μ²) [P~]. */
    double lazyBound(double sigmaX, double sigmaV0, double xMax, double dotMax, double ddotMax) {
        double chiLazy = sigmaV0 + nu * Math.sqrt(h0) / (Math.sqrt(alphaF()) * mu * mu);
        double b = Math.sqrt(2) * sigmaX * (dotMax + ddotMax * xMax * chiLazy);
        return b / (nu * nu);
    }
}
