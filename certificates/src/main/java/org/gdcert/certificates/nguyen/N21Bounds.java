package org.gdcert.certificates.nguyen;

/**
 * The numbers of seed 001 Theorem 2.2 (spec certificates-nguyen.md §2.4), with condition (9) in
 * its corrected, squared form (T1.2), as a pure function of the spectral inputs at θ0 and the
 * free constants C_l. Arrays are 1-based.
 *
 * @param depth L
 * @param normXF ‖X‖_F
 * @param r0 √(2Φ(θ0))
 * @param alpha0 α_0 = σ_N(F_{L−1}^0)
 * @param specNorm ‖W_l^0‖_2
 * @param c C_l
 * @param lambdaBar λ̄_l = ‖W_l^0‖_2 + C_l
 * @param rhs7 right side of (7) (left side α_0²)
 * @param rhs8 right side of (8) (left side α_0³)
 * @param rhs9 right side of the corrected (9) (left side α_0²)
 * @param rhs9Literal right side of (9) as printed, without the square on λ̄_{1→L−1} (not sufficient)
 * @param q1 Q_1 = ‖X‖_F² λ̄²_{1→L} Σ_l λ̄_l^{−2} (T1.3)
 * @param q2 Q_2 = ‖X‖_F² λ̄²_{1→L−1} λ̄_L² Σ_{l<L} λ̄_l^{−2}
 * @param etaMax min(8/α_0², Q_2/Q_1²) of (10)
 * @param d D_l = (16/α_0²)‖X‖_F (λ̄_{1→L}/λ̄_l) r_0 [derived]
 * @param dF D_F = ‖X‖_F λ̄_{1→L−1} Σ_{l<L} D_l/λ̄_l [derived]
 */
public record N21Bounds(int depth, double normXF, double r0, double alpha0, double[] specNorm, double[] c,
        double[] lambdaBar, double rhs7, double rhs8, double rhs9, double rhs9Literal, double q1, double q2,
        double etaMax, double[] d, double dF) {

    /** Evaluates every formula of §2.4. */
    public static N21Bounds of(int depth, double normXF, double r0, double alpha0, double[] specNorm, double[] c) {
        int n = depth;
        double[] lbar = new double[n + 1];
        for (int l = 1; l <= n; l++) {
            lbar[l] = specNorm[l] + c[l];
        }
        double pAll = NmBounds.prod(lbar, 1, n);
        double pL1 = NmBounds.prod(lbar, 1, n - 1);
        double max7 = 0;
        for (int l = 1; l <= n; l++) {
            max7 = Math.max(max7, pAll / (lbar[l] * c[l]));
        }
        double rhs7 = 16 * normXF * max7 * r0;
        double sumSq = 0;
        double sumLit = 0;
        double s1 = 0;
        for (int l = 1; l <= n - 1; l++) {
            sumSq += pL1 * pL1 / (lbar[l] * lbar[l]);
            sumLit += pL1 / (lbar[l] * lbar[l]);
            s1 += 1 / (lbar[l] * lbar[l]);
        }
        double s2 = s1 + 1 / (lbar[n] * lbar[n]);
        double x2 = normXF * normXF;
        double rhs8 = 32 * x2 * lbar[n] * sumSq * r0;
        double rhs9 = 16 * x2 * lbar[n] * lbar[n] * sumSq;
        double rhs9Lit = 16 * x2 * lbar[n] * lbar[n] * sumLit;
        double q1 = x2 * pAll * pAll * s2;
        double q2 = x2 * pL1 * pL1 * lbar[n] * lbar[n] * s1;
        double etaMax = Math.min(8 / (alpha0 * alpha0), q2 / (q1 * q1));
        double[] d = new double[n + 1];
        double dF = 0;
        for (int l = 1; l <= n; l++) {
            d[l] = 16 / (alpha0 * alpha0) * normXF * (pAll / lbar[l]) * r0;
            if (l < n) {
                dF += d[l] / lbar[l];
            }
        }
        dF *= normXF * pL1;
        return new N21Bounds(n, normXF, r0, alpha0, specNorm.clone(), c.clone(), lbar, rhs7, rhs8, rhs9, rhs9Lit, q1,
                q2, etaMax, d, dF);
    }

    public double slack7() {
        return rhs7 / (alpha0 * alpha0);
    }

    public double slack8() {
        return rhs8 / (alpha0 * alpha0 * alpha0);
    }

    public double slack9() {
        return rhs9 / (alpha0 * alpha0);
    }

    public double slack9Literal() {
        return rhs9Literal / (alpha0 * alpha0);
    }

    /** max of the three slacks. */
    public double worstSlack() {
        return Math.max(slack7(), Math.max(slack8(), slack9()));
    }

    /** D_l/C_l; max over l equals slack (7) [derived]. */
    public double layerSlack(int l) {
        return d[l] / c[l];
    }

    /** argmax_l D_l/C_l: the layer that binds in (7). */
    public int bindingLayer() {
        return NmBounds.argmaxLayer(depth, this::layerSlack);
    }

    /** D_F/(α_0/2); equals slack (8) [derived]. */
    public double featureSlack() {
        return dF / (alpha0 / 2);
    }

    /** Whether 8/α_0² (rather than Q_2/Q_1²) is the smaller step-size bound. */
    public boolean alphaBinds() {
        return 8 / (alpha0 * alpha0) <= q2 / (q1 * q1);
    }

    /** ρ = 1 − ηα_0²/8. */
    public double contraction(double eta) {
        return 1 - eta * alpha0 * alpha0 / 8;
    }

    /** One-step factor 1 − ηα_0²/4 + η²Q_1² + ηQ_2 of the proof (monitor N6). */
    public double oneStepFactor(double eta) {
        return 1 - eta * alpha0 * alpha0 / 4 + eta * eta * q1 * q1 + eta * q2;
    }

    /** k_ε for Φ ≤ ε at step η. */
    public double stepsTo(double epsilon, double eta) {
        return NmBounds.stepsTo(r0, epsilon, eta * alpha0 * alpha0 / 8);
    }
}
